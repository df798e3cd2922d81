package io.leadstream.models.inference;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HTTP attempt at one hub file: a GET that follows the hub's redirects to its CDN, asks for the
 * rest of the file with {@code Range} when part of it is on disk, and streams the body into the
 * {@code .part} file while hashing it. Decides nothing about retries; it reports what happened as
 * an {@link Outcome} or an exception.
 *
 * <p>Connecting times out after {@link #CONNECT_TIMEOUT}; waiting for response headers, and any
 * silence while the body streams, after {@link HubSettings#stallTimeout()}.
 */
final class HubTransfer {

  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private static final Logger LOG = LoggerFactory.getLogger(HubTransfer.class);
  private static final int MAX_REDIRECTS = 10;
  private static final String USER_AGENT = "leadstream-models (java.net.http)";
  private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");
  // the hub's answer for a resolve URL names the commit the revision points at
  static final String REPO_COMMIT = "X-Repo-Commit";

  /** What one attempt ended with, when the server answered. */
  sealed interface Outcome {}

  /**
   * The body was written: the {@code .part} file now has {@code size} bytes hashing to sha256.
   * {@code commit} is the commit the hub resolved the revision to ({@value #REPO_COMMIT}), null
   * when it did not say.
   */
  record Complete(long size, String sha256, boolean resumed, String commit) implements Outcome {}

  /** The server refused the file with a final status other than 200, 206 or 416. */
  record Rejected(int status, URI uri, String errorCode, String errorMessage) implements Outcome {}

  /** The server would not continue from the bytes on disk (416, or another range than asked). */
  record RangeRefused(String detail) implements Outcome {}

  /** The server announced another file size than the manifest's; nothing was written. */
  record WrongSize(long announced) implements Outcome {}

  /** No HTTP response at all: refused, unresolvable, timed out, or TLS failure. */
  static final class Unreachable extends IOException {
    private static final long serialVersionUID = 1L;
    private final transient URI uri;

    Unreachable(URI uri, IOException cause) {
      super(uri.getScheme() + "://" + uri.getAuthority() + ": " + cause, cause);
      this.uri = uri;
    }

    /** The URL that got no answer. */
    URI uri() {
      return uri;
    }
  }

  private static final class Client {
    // one client for the JVM: each HttpClient owns a selector thread
    static final HttpClient INSTANCE =
        HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            // redirects are followed by hand, so the token stays on the hub's own host
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  private final HubSettings settings;

  HubTransfer(HubSettings settings) {
    this.settings = settings;
  }

  /**
   * Fetches {@code url} into {@code part}.
   *
   * @param part the partial file; exactly {@code have} bytes long when {@code have > 0}
   * @param have bytes already on disk, asked to be skipped with a {@code Range} request
   * @param total the file's size as the manifest declares it; 0 when it does not, and then any size
   *     the server announces (or none) is accepted
   * @param label the manifest source, for progress and logs
   * @throws Unreachable when no server answered
   * @throws IOException when the body broke off or stalled; {@code part} keeps what arrived
   */
  Outcome run(URI url, Path part, long have, long total, String label)
      throws IOException, InterruptedException {
    MessageDigest prefix = Sha256.newDigest();
    if (have > 0) {
      hashPrefix(part, prefix);
    }
    URI current = url;
    int status = 0;
    String commit = null;
    for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
      Handler handler = new Handler(part, have, total, prefix, label);
      HttpResponse<Long> response = await(current, handler);
      status = response.statusCode();
      commit = response.headers().firstValue(REPO_COMMIT).orElse(commit);
      Verdict verdict = handler.verdict;
      switch (verdict.kind) {
        case REDIRECT -> {
          URI next = current.resolve(verdict.location);
          LOG.debug("{}: redirected from {} to {}", label, current.getHost(), next.getHost());
          current = next;
        }
        case FRESH, APPEND -> {
          String sha256 = HexFormat.of().formatHex(handler.digest.digest());
          return new Complete(response.body(), sha256, verdict.kind == Kind.APPEND, commit);
        }
        case RANGE_REFUSED -> {
          return new RangeRefused(verdict.detail);
        }
        case WRONG_SIZE -> {
          return new WrongSize(verdict.announced);
        }
        default -> {
          HttpHeaders headers = response.headers();
          return new Rejected(
              response.statusCode(),
              current,
              headers.firstValue("X-Error-Code").orElse(null),
              headers.firstValue("X-Error-Message").orElse(null));
        }
      }
    }
    return new Rejected(status, current, null, "more than " + MAX_REDIRECTS + " redirects");
  }

  private HttpResponse<Long> await(URI uri, Handler handler)
      throws IOException, InterruptedException {
    CompletableFuture<HttpResponse<Long>> future =
        Client.INSTANCE.sendAsync(request(uri, handler.have), handler);
    long stallNanos = settings.stallTimeout().toNanos();
    long pollMillis = Math.max(10, Math.min(1000, settings.stallTimeout().toMillis() / 4));
    try {
      while (true) {
        try {
          return future.get(pollMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
          PartFileSubscriber body = handler.body;
          if (body != null && body.idleNanos() > stallNanos) {
            body.abort();
            future.cancel(true);
            throw new IOException(
                "no data for " + settings.stallTimeout().toMillis() + " ms from " + uri.getHost());
          }
        }
      }
    } catch (ExecutionException e) {
      IOException cause =
          e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
      if (handler.verdict == null) {
        throw new Unreachable(uri, cause);
      }
      throw cause;
    } catch (InterruptedException e) {
      if (handler.body != null) {
        handler.body.abort();
      }
      future.cancel(true);
      throw e;
    }
  }

  private HttpRequest request(URI uri, long have) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .GET()
            .timeout(settings.stallTimeout())
            .header("User-Agent", USER_AGENT);
    if (have > 0) {
      request.header("Range", "bytes=" + have + "-");
    }
    if (settings.hasToken() && sameOrigin(uri, settings.endpoint())) {
      request.header("Authorization", "Bearer " + settings.token());
    }
    return request.build();
  }

  static boolean sameOrigin(URI a, URI b) {
    return a.getScheme().equalsIgnoreCase(b.getScheme())
        && a.getHost().equalsIgnoreCase(b.getHost())
        && port(a) == port(b);
  }

  private static int port(URI uri) {
    if (uri.getPort() >= 0) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  private static void hashPrefix(Path part, MessageDigest digest) throws IOException {
    try (InputStream in = new DigestInputStream(Files.newInputStream(part), digest)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
  }

  private enum Kind {
    FRESH,
    APPEND,
    REDIRECT,
    RANGE_REFUSED,
    WRONG_SIZE,
    REJECTED
  }

  private record Verdict(Kind kind, String location, long announced, String detail) {
    static Verdict of(Kind kind) {
      return new Verdict(kind, null, -1, null);
    }
  }

  /** Looks at status and headers, then either streams the body to disk or discards it. */
  private final class Handler implements HttpResponse.BodyHandler<Long> {
    final long have;
    private final Path part;
    private final long total;
    private final MessageDigest prefix;
    private final String label;
    volatile Verdict verdict;
    volatile PartFileSubscriber body;
    volatile MessageDigest digest;
    // the file's size as the manifest or else the server says it; -1 when neither does
    volatile long knownTotal;

    Handler(Path part, long have, long total, MessageDigest prefix, String label) {
      this.part = part;
      this.have = have;
      this.total = total;
      this.prefix = prefix;
      this.label = label;
      this.knownTotal = total > 0 ? total : -1;
    }

    @Override
    public HttpResponse.BodySubscriber<Long> apply(HttpResponse.ResponseInfo info) {
      Verdict judged = judge(info.statusCode(), info.headers());
      verdict = judged;
      if (judged.kind != Kind.FRESH && judged.kind != Kind.APPEND) {
        return HttpResponse.BodySubscribers.replacing(-1L);
      }
      boolean append = judged.kind == Kind.APPEND;
      digest = append ? prefix : Sha256.newDigest();
      PartFileSubscriber subscriber =
          new PartFileSubscriber(part, append ? have : 0, digest, this::progress);
      body = subscriber;
      return subscriber;
    }

    private Verdict judge(int status, HttpHeaders headers) {
      if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
        return headers
            .firstValue("Location")
            .map(location -> new Verdict(Kind.REDIRECT, location, -1, null))
            .orElse(Verdict.of(Kind.REJECTED));
      }
      if (status == 200) {
        OptionalLong length = headers.firstValueAsLong("Content-Length");
        if (length.isPresent() && total > 0 && length.getAsLong() != total) {
          return new Verdict(Kind.WRONG_SIZE, null, length.getAsLong(), null);
        }
        length.ifPresent(this::announced);
        return Verdict.of(Kind.FRESH);
      }
      if (status == 206) {
        String range = headers.firstValue("Content-Range").orElse("");
        Matcher matcher = CONTENT_RANGE.matcher(range);
        if (!matcher.matches() || Long.parseLong(matcher.group(1)) != have) {
          return new Verdict(
              Kind.RANGE_REFUSED, null, -1, "asked for bytes " + have + "-, got '" + range + "'");
        }
        if (!"*".equals(matcher.group(3))) {
          long whole = Long.parseLong(matcher.group(3));
          if (total > 0 && whole != total) {
            return new Verdict(Kind.WRONG_SIZE, null, whole, null);
          }
          announced(whole);
        }
        return Verdict.of(Kind.APPEND);
      }
      if (status == 416) {
        return new Verdict(
            Kind.RANGE_REFUSED, null, -1, "HTTP 416 for bytes " + have + "- of " + total);
      }
      return Verdict.of(Kind.REJECTED);
    }

    private void announced(long size) {
      if (total <= 0) {
        knownTotal = size;
      }
    }

    private void progress(long bytesDone) {
      try {
        settings.progress().onProgress(label, bytesDone, knownTotal);
      } catch (RuntimeException e) {
        LOG.debug("{}: progress listener failed", label, e);
      }
    }
  }
}
