package io.leadstream.app.ops;

/** The result of one health check: up or not, and a short reason. */
public record Check(boolean up, String detail) {

  public static Check up(String detail) {
    return new Check(true, detail);
  }

  public static Check down(String detail) {
    return new Check(false, detail);
  }
}
