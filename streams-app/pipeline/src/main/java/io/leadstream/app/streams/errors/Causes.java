package io.leadstream.app.streams.errors;

/** Helpers for reading exception chains. */
public final class Causes {

  private Causes() {}

  /** The innermost cause of {@code t} ({@code t} itself when it has none). */
  public static Throwable rootCause(Throwable t) {
    Throwable cause = t;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }

  /** The first exception of {@code type} in the chain of {@code t}, or null. */
  public static <T extends Throwable> T find(Throwable t, Class<T> type) {
    for (Throwable cause = t;
        cause != null;
        cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (type.isInstance(cause)) {
        return type.cast(cause);
      }
    }
    return null;
  }
}
