package io.leadstream.models.inference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Hugging Face hub on loopback, serving the {@code t5-tiny/} test fixtures as the repository
 * {@value #OWNER}/{@value #REPO} (revision {@code main}). Like the real hub it answers {@code
 * .onnx} files (LFS files) with a 302 to a CDN, here a second server on another port, and serves
 * the small files itself. Both honour {@code Range: bytes=<n>-}. The repository {@value #OWNER}/
 * {@value #GATED_REPO} holds the same files but asks for the bearer token {@value #TOKEN}; {@value
 * #OWNER}/{@value #TRANSFORMERS_JS_REPO} holds the ONNX files in the transformers.js layout ({@code
 * onnx/encoder_model.onnx}, {@code onnx/decoder_model.onnx}, {@code tokenizer.json}). The hub's
 * answers name the commit {@value #COMMIT} in {@code X-Repo-Commit}, as the real hub's do.
 *
 * <p>Faults can be injected per fixture file name: changed bytes, a connection closed after half
 * the body on the first request, a body that stops after half on the first request, refused ranges,
 * no {@code Content-Length}.
 */
public final class FakeHub implements AutoCloseable {
  public static final String OWNER = "leadstream";
  public static final String REPO = "t5-tiny";
  public static final String GATED_REPO = "t5-tiny-gated";
  public static final String TRANSFORMERS_JS_REPO = "flan-t5-tiny";
  public static final String TOKEN = "hf_test_token";
  public static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

  /** The transformers.js layout's paths and the fixture files they hold. */
  private static final Map<String, String> TRANSFORMERS_JS =
      Map.of(
          "onnx/encoder_model.onnx", "encoder.onnx",
          "onnx/decoder_model.onnx", "decoder_model.onnx",
          "tokenizer.json", "tokenizer.json");

  private static final Pattern RESOLVE = Pattern.compile("/([^/]+)/([^/]+)/resolve/([^/]+)/(.+)");
  private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

  /** One request as a server saw it. */
  public record Request(String server, String path, String range, String authorization) {}

  private final HttpServer hub;
  private final HttpServer cdn;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Set<String> corrupted = ConcurrentHashMap.newKeySet();
  private final Set<String> breakFirst = ConcurrentHashMap.newKeySet();
  private final Set<String> stallFirst = ConcurrentHashMap.newKeySet();
  private final Set<String> refuseRanges = ConcurrentHashMap.newKeySet();
  private final Set<String> noLength = ConcurrentHashMap.newKeySet();
  private final CountDownLatch released = new CountDownLatch(1);

  private FakeHub() throws IOException {
    InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    hub = HttpServer.create(loopback, 0);
    cdn = HttpServer.create(loopback, 0);
    hub.createContext("/", this::hub);
    cdn.createContext("/", this::cdn);
    hub.setExecutor(threads);
    cdn.setExecutor(threads);
  }

  public static FakeHub start() throws IOException {
    FakeHub fake = new FakeHub();
    fake.hub.start();
    fake.cdn.start();
    return fake;
  }

  /** The hub's base URL, to use as endpoint. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + hub.getAddress().getPort());
  }

  /** Every request so far, in arrival order. */
  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /** Requests whose path ends with {@code fileName}. */
  public List<Request> requestsFor(String fileName) {
    List<Request> out = new ArrayList<>();
    for (Request request : requests) {
      if (request.path().endsWith("/" + fileName)) {
        out.add(request);
      }
    }
    return out;
  }

  /** Serves {@code fileName} with one byte changed, at its true length. */
  public void corrupt(String fileName) {
    corrupted.add(fileName);
  }

  /** Closes the connection after half of {@code fileName}'s body, on its first body request. */
  public void breakFirstResponse(String fileName) {
    breakFirst.add(fileName);
  }

  /** Sends half of {@code fileName}'s body on the first request, then nothing until closed. */
  void stallFirstResponse(String fileName) {
    stallFirst.add(fileName);
  }

  /** Answers every range request for {@code fileName} with 416. */
  void refuseRanges(String fileName) {
    refuseRanges.add(fileName);
  }

  /** Sends {@code fileName} chunked, without {@code Content-Length}. */
  public void omitContentLength(String fileName) {
    noLength.add(fileName);
  }

  /** The fixture's bytes, as the repository holds them. */
  public static byte[] fixture(String fileName) {
    try (InputStream in =
        FakeHub.class.getClassLoader().getResourceAsStream(T5Tiny.FOLDER + "/" + fileName)) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void hub(HttpExchange exchange) throws IOException {
    record(exchange, "hub");
    Matcher matcher = RESOLVE.matcher(exchange.getRequestURI().getPath());
    if (!matcher.matches()) {
      error(exchange, 404, "RepoNotFound", "Repository not found");
      return;
    }
    String repo = matcher.group(2);
    String revision = matcher.group(3);
    String fileName = matcher.group(4);
    if (TRANSFORMERS_JS_REPO.equals(repo)) {
      fileName = TRANSFORMERS_JS.getOrDefault(fileName, "missing/" + fileName);
    }
    boolean known =
        REPO.equals(repo) || GATED_REPO.equals(repo) || TRANSFORMERS_JS_REPO.equals(repo);
    if (!OWNER.equals(matcher.group(1)) || !known) {
      // the real hub says 401 rather than reveal whether a private repository exists
      error(exchange, 401, "RepoNotFound", "Repository not found");
      return;
    }
    if (GATED_REPO.equals(repo)
        && !("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
      error(exchange, 401, "GatedRepo", "Access to model " + OWNER + "/" + repo + " is restricted");
      return;
    }
    if (!"main".equals(revision)) {
      error(exchange, 404, "RevisionNotFound", "Invalid rev id: " + revision);
      return;
    }
    if (fixture(fileName) == null) {
      error(exchange, 404, "EntryNotFound", "Entry not found");
      return;
    }
    exchange.getResponseHeaders().set("X-Repo-Commit", COMMIT);
    if (fileName.endsWith(".onnx")) {
      exchange
          .getResponseHeaders()
          .set("Location", "http://127.0.0.1:" + cdn.getAddress().getPort() + "/blobs/" + fileName);
      exchange.sendResponseHeaders(302, -1);
      exchange.close();
      return;
    }
    serve(exchange, fileName);
  }

  private void cdn(HttpExchange exchange) throws IOException {
    record(exchange, "cdn");
    String path = exchange.getRequestURI().getPath();
    String fileName = path.substring(path.lastIndexOf('/') + 1);
    if (!path.startsWith("/blobs/") || fixture(fileName) == null) {
      error(exchange, 404, null, null);
      return;
    }
    serve(exchange, fileName);
  }

  private void serve(HttpExchange exchange, String fileName) throws IOException {
    byte[] content = fixture(fileName);
    if (corrupted.contains(fileName)) {
      content[content.length / 3] ^= 0x5a;
    }
    int start = 0;
    String range = exchange.getRequestHeaders().getFirst("Range");
    if (range != null) {
      Matcher matcher = RANGE.matcher(range);
      if (!matcher.matches()
          || refuseRanges.contains(fileName)
          || Long.parseLong(matcher.group(1)) >= content.length) {
        exchange.getResponseHeaders().set("Content-Range", "bytes */" + content.length);
        exchange.sendResponseHeaders(416, -1);
        exchange.close();
        return;
      }
      start = Integer.parseInt(matcher.group(1));
      exchange
          .getResponseHeaders()
          .set(
              "Content-Range",
              "bytes " + start + "-" + (content.length - 1) + "/" + content.length);
    }
    // 0 makes the server send the body chunked
    long length = noLength.contains(fileName) ? 0 : content.length - start;
    exchange.sendResponseHeaders(range == null ? 200 : 206, length);
    OutputStream body = exchange.getResponseBody();
    int half = content.length / 2;
    if (start < half && breakFirst.remove(fileName)) {
      body.write(content, start, half - start);
      body.flush();
      // an exception from the handler makes the server drop the connection mid-body
      throw new IOException("fake hub: connection dropped after " + half + " bytes");
    }
    if (start < half && stallFirst.remove(fileName)) {
      body.write(content, start, half - start);
      body.flush();
      awaitRelease();
      throw new IOException("fake hub: stalled response given up");
    }
    body.write(content, start, content.length - start);
    exchange.close();
  }

  private void awaitRelease() {
    try {
      released.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void record(HttpExchange exchange, String server) {
    requests.add(
        new Request(
            server,
            exchange.getRequestURI().getPath(),
            exchange.getRequestHeaders().getFirst("Range"),
            exchange.getRequestHeaders().getFirst("Authorization")));
  }

  private static void error(HttpExchange exchange, int status, String code, String message)
      throws IOException {
    if (code != null) {
      exchange.getResponseHeaders().set("X-Error-Code", code);
      exchange.getResponseHeaders().set("X-Error-Message", message);
    }
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }

  /** Stops both servers; afterwards nothing listens on their ports. */
  @Override
  public void close() {
    released.countDown();
    hub.stop(0);
    cdn.stop(0);
    threads.shutdownNow();
  }
}
