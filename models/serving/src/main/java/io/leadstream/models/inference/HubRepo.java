package io.leadstream.models.inference;

import io.leadstream.models.BundleException;

/**
 * A Hugging Face hub repository at a revision, as {@code bundle init --from} names it: {@code
 * hf:<owner>/<repo>[@<revision>]}, revision {@code main} when none is given.
 */
public record HubRepo(String owner, String repo, String revision) {

  /**
   * Parses {@code hf:<owner>/<repo>[@<revision>]}.
   *
   * @throws IllegalArgumentException naming the reference and the expected syntax when it is
   *     malformed
   */
  public static HubRepo parse(String reference) {
    String rest = reference.startsWith(HfFile.PREFIX) ? reference.substring(3) : null;
    String revision = HfFile.DEFAULT_REVISION;
    if (rest != null && rest.lastIndexOf('@') >= 0) {
      revision = rest.substring(rest.lastIndexOf('@') + 1);
      rest = rest.substring(0, rest.lastIndexOf('@'));
    }
    if (rest == null || rest.chars().filter(c -> c == '/').count() != 1) {
      throw malformed(reference, null);
    }
    try {
      // the file reference's rules for names and revision, on a stand-in file
      HfFile probe = HfFile.parse(HfFile.PREFIX + rest + "/file@" + revision);
      return new HubRepo(probe.owner(), probe.repo(), probe.revision());
    } catch (BundleException e) {
      throw malformed(reference, e);
    }
  }

  private static IllegalArgumentException malformed(String reference, Exception cause) {
    return new IllegalArgumentException(
        "'"
            + reference
            + "' is not a hub repository; expected hf:<owner>/<repo>[@<revision>], e.g."
            + " hf:Xenova/flan-t5-small",
        cause);
  }

  /** {@code owner/repo}. */
  public String id() {
    return owner + "/" + repo;
  }

  /** The manifest source of one of its files: {@code hf:<owner>/<repo>/<path>[@<revision>]}. */
  public String source(String path) {
    return new HfFile(owner, repo, path, revision).toString();
  }

  @Override
  public String toString() {
    return HfFile.PREFIX + id() + (HfFile.DEFAULT_REVISION.equals(revision) ? "" : "@" + revision);
  }
}
