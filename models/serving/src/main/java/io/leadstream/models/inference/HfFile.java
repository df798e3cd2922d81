package io.leadstream.models.inference;

import io.leadstream.models.BundleException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * One file of a Hugging Face hub repository, as a manifest names it: {@code hf:<owner>/<repo>/<file
 * path>[@<revision>]}, revision {@code main} when none is given.
 *
 * <p>The revision is whatever follows the last {@code @}, so a file path that contains {@code @}
 * needs an explicit revision. Names are checked so that no reference can point outside its cache
 * folder.
 */
record HfFile(String owner, String repo, String path, String revision) {

  static final String PREFIX = "hf:";
  static final String DEFAULT_REVISION = "main";

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final Pattern REVISION = Pattern.compile("[A-Za-z0-9._/-]+");

  /**
   * Parses a manifest source.
   *
   * @throws BundleException naming the source and the expected syntax when it is malformed
   */
  static HfFile parse(String source) {
    if (!source.startsWith(PREFIX)) {
      throw malformed(source, "it does not start with " + PREFIX);
    }
    String rest = source.substring(PREFIX.length());
    String revision = DEFAULT_REVISION;
    int at = rest.lastIndexOf('@');
    if (at >= 0) {
      revision = rest.substring(at + 1);
      rest = rest.substring(0, at);
    }
    String[] parts = rest.split("/", 3);
    if (parts.length < 3 || parts[2].isEmpty()) {
      throw malformed(source, "owner, repository and file path are all required");
    }
    for (String name : new String[] {parts[0], parts[1]}) {
      if (!NAME.matcher(name).matches() || name.contains("..")) {
        throw malformed(source, "'" + name + "' is not a valid owner or repository name");
      }
    }
    for (String segment : parts[2].split("/", -1)) {
      if (segment.isEmpty()
          || segment.equals(".")
          || segment.equals("..")
          || segment.contains("\\")) {
        throw malformed(source, "'" + parts[2] + "' is not a valid file path");
      }
    }
    if (!REVISION.matcher(revision).matches() || revision.contains("..")) {
      throw malformed(source, "'" + revision + "' is not a valid revision");
    }
    return new HfFile(parts[0], parts[1], parts[2], revision);
  }

  private static BundleException malformed(String source, String reason) {
    return new BundleException(
        source
            + ": not a Hugging Face file reference ("
            + reason
            + "); expected "
            + PREFIX
            + "<owner>/<repo>/<file path>[@<revision>], e.g. "
            + PREFIX
            + "Xenova/flan-t5-small/onnx/encoder_model.onnx");
  }

  /** {@code owner/repo}. */
  String repoId() {
    return owner + "/" + repo;
  }

  /** {@code <endpoint>/<owner>/<repo>/resolve/<revision>/<path>}, each part URL-encoded. */
  URI url(URI endpoint) {
    String base = endpoint.toString();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    StringBuilder url =
        new StringBuilder(base)
            .append('/')
            .append(encode(owner))
            .append('/')
            .append(encode(repo))
            .append("/resolve/")
            .append(encode(revision));
    for (String segment : path.split("/")) {
      url.append('/').append(encode(segment));
    }
    return URI.create(url.toString());
  }

  /** Where the verified file lives: {@code <root>/hf/<owner>/<repo>/<revision>/<path>}. */
  Path cachePath(Path cacheRoot) {
    Path folder = cacheRoot.resolve("hf").resolve(owner).resolve(repo).resolve(encode(revision));
    for (String segment : path.split("/")) {
      folder = folder.resolve(segment);
    }
    return folder;
  }

  /** The reference as a manifest writes it; the default revision is left out. */
  @Override
  public String toString() {
    return PREFIX
        + owner
        + "/"
        + repo
        + "/"
        + path
        + (DEFAULT_REVISION.equals(revision) ? "" : "@" + revision);
  }

  private static String encode(String part) {
    return URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
