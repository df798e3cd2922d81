package io.leadstream.models.inference;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A file a model needs, as a bundle manifest names it.
 *
 * @param source where the file comes from: {@code classpath:<resource>} for a file shipped in a
 *     jar, {@code hf:<owner>/<repo>/<file path>[@<revision>]} for a file of a Hugging Face hub
 *     repository, or a path relative to the bundle folder
 * @param sha256 expected SHA-256 of the content, lower-case hex. Only an {@code hf:} file may leave
 *     it out (null): it is then pinned on its first download ({@link FilesLock})
 * @param size expected size in bytes; checked before the hash, and announced in download logs. An
 *     {@code hf:} file may leave it out (0): the server's size is taken, the hash still checked
 */
public record ModelFile(
    String source,
    @JsonInclude(JsonInclude.Include.NON_NULL) String sha256,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) long size) {

  /** The file name part of {@link #source()}, used to name the file on disk. */
  public String fileName() {
    String path = source.contains(":") ? source.substring(source.indexOf(':') + 1) : source;
    if (source.startsWith(HfFile.PREFIX) && path.lastIndexOf('@') >= 0) {
      path = path.substring(0, path.lastIndexOf('@'));
    }
    int slash = path.lastIndexOf('/');
    return slash < 0 ? path : path.substring(slash + 1);
  }
}
