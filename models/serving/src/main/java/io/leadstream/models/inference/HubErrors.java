package io.leadstream.models.inference;

import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Path;

/** The messages a failed {@code hf:} download ends with: each says what to do about it. */
final class HubErrors {
  private static final String UNKNOWN_HOST = "unknown host";

  private HubErrors() {}

  /** No server answered, and the file is not cached. */
  static String unreachable(
      HfFile file,
      HubSettings settings,
      HubTransfer.Unreachable failure,
      Path target,
      long partialBytes) {
    URI failed = failure.uri();
    String where =
        HubTransfer.sameOrigin(failed, settings.endpoint()) ? "" : failed.getHost() + ": ";
    String why = reason(failure.getCause());
    if (why.equals(UNKNOWN_HOST)) {
      why += " " + failed.getHost();
    }
    String cached =
        partialBytes > 0
            ? "only "
                + partialBytes
                + " bytes of it are in the cache ("
                + target
                + ".part, resumed on the next attempt)"
            : "the file is not in the cache " + target;
    return "cannot download "
        + file
        + " from "
        + settings.endpoint()
        + " ("
        + where
        + why
        + "); "
        + cached
        + ". Connect to the internet once, or put the file there, or set "
        + HubSettings.ENDPOINT_PROPERTY
        + " to a mirror.";
  }

  /** The server answered with a status that is not the file. */
  static String rejected(HfFile file, HubSettings settings, HubTransfer.Rejected rejected) {
    int status = rejected.status();
    String said = rejected.errorMessage() == null ? "" : ": " + rejected.errorMessage();
    if (status == 401 || status == 403) {
      if (settings.hasToken()) {
        return file
            + ": the hub at "
            + settings.endpoint()
            + " refused access with the token"
            + " from "
            + HubSettings.TOKEN_ENV
            + " (HTTP "
            + status
            + said
            + "). The token's"
            + " account has no access to "
            + file.repoId()
            + ": for a gated model accept its"
            + " terms on the hub with that account; for a private one use a token of an"
            + " account that can read it.";
      }
      return file
          + ": the hub at "
          + settings.endpoint()
          + " refused access (HTTP "
          + status
          + said
          + "). The repository "
          + file.repoId()
          + " is private or gated, or does not"
          + " exist: set "
          + HubSettings.TOKEN_ENV
          + " to an access token of an account that may"
          + " read it (for a gated model, accept its terms on the hub first), or check the repo"
          + " id.";
    }
    String at = withoutQuery(rejected.uri());
    if (status == 404) {
      return file
          + ": not found (HTTP 404"
          + said
          + ") at "
          + at
          + ". Check the repo id '"
          + file.repoId()
          + "', the revision '"
          + file.revision()
          + "' and the file path '"
          + file.path()
          + "'.";
    }
    String retry = status == 429 || status >= 500 ? "; try again later" : "";
    return file + ": HTTP " + status + said + " from " + at + retry + ".";
  }

  /** A CDN URL's query holds a signature: keep it out of messages. */
  private static String withoutQuery(URI uri) {
    String text = uri.toString();
    int query = text.indexOf('?');
    return query < 0 ? text : text.substring(0, query);
  }

  /** The file arrived whole but is not what is expected. */
  static String corrupted(
      HfFile file, HubDownloader.Expected expected, long size, String sha256, Object url) {
    return file
        + ": downloaded content does not match "
        + expected.by()
        + " (size "
        + size
        + ", sha256 "
        + sha256
        + "; expected "
        + (expected.size() > 0 ? "size " + expected.size() + ", " : "")
        + "sha256 "
        + expected.sha256()
        + ") from "
        + url
        + "; the download was deleted. "
        + expected.remedy();
  }

  /** The server announced another size than the expected one. */
  static String wrongSize(
      HfFile file, HubDownloader.Expected expected, long announced, Object url) {
    return file
        + ": "
        + url
        + " has "
        + announced
        + " bytes, "
        + expected.by()
        + " says "
        + expected.size()
        + "; nothing was kept. "
        + expected.remedy();
  }

  /**
   * Why a connection failed, in a few words. JDK 17's HttpClient reports a refused connection as a
   * ConnectException without message (its cause a ClosedChannelException), so that case is named
   * here.
   */
  static String reason(Throwable error) {
    String message = null;
    boolean connect = false;
    for (Throwable t = error; t != null; t = t.getCause()) {
      connect |= t instanceof ConnectException;
      if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
        return UNKNOWN_HOST;
      }
      if (t instanceof HttpConnectTimeoutException) {
        return "connect timed out after " + HubTransfer.CONNECT_TIMEOUT.toSeconds() + " s";
      }
      if (t instanceof HttpTimeoutException) {
        return "no response in time";
      }
      if (t.getMessage() != null
          && !t.getMessage().isBlank()
          && !(t instanceof HubTransfer.Unreachable)) {
        message = t.getMessage();
      }
    }
    if (message != null) {
      return message;
    }
    return connect ? "Connection refused" : error.getClass().getSimpleName();
  }
}
