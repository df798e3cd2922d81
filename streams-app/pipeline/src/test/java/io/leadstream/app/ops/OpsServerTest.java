package io.leadstream.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The ops endpoints over real sockets: clients that stall mid-request and routes that take long
 * never hold back liveness and metrics.
 */
class OpsServerTest {

  private static final Duration QUICK = Duration.ofSeconds(1);
  private static final String MID_HEADERS =
      "GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: te";

  /**
   * Complete headers, then only part of the body they announce, which the server drains after
   * answering 405.
   */
  private static final String MID_BODY =
      "POST /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\n{\"half\":";

  private final HttpClient http = HttpClient.newHttpClient();
  private final Health health =
      new Health(
          () -> KafkaStreams.State.RUNNING,
          () -> Check.up("model"),
          () -> Check.up("broker"),
          () -> Check.up("progress"),
          Optional::empty,
          Clock.systemUTC());

  @Test
  void shouldAnswerLivenessAndMetricsWhileAClientStallsMidHeaders() throws Exception {
    // Given a client that has sent half its headers and then waits
    try (OpsServer server =
            OpsServer.start("127.0.0.1", 0, () -> "leadstream_up 1\n", health, Map.of());
        Socket stalled = new Socket("127.0.0.1", server.port())) {
      send(stalled, MID_HEADERS);
      awaitThreadsReadingARequest(1);

      // When liveness and metrics are asked for meanwhile
      HttpResponse<String> live = get(server.port(), "/health/live", QUICK);
      HttpResponse<String> metrics = get(server.port(), "/metrics", QUICK);

      // Then both answer at once
      assertThat(live.statusCode()).isEqualTo(200);
      assertThat(metrics.body()).contains("leadstream_up 1");
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {MID_HEADERS, MID_BODY})
  void shouldAnswerLivenessOnceTheRequestTimeoutFreesThreadsHeldByStalledClients(
      String halfARequest) throws Exception {
    // Given two connection threads, both held by clients that stalled mid-request
    HttpLimits limits = new HttpLimits(2, 4, Duration.ofMillis(300));
    try (OpsServer server = OpsServer.start("127.0.0.1", 0, () -> "", health, Map.of(), limits);
        Socket first = new Socket("127.0.0.1", server.port());
        Socket second = new Socket("127.0.0.1", server.port())) {
      send(first, halfARequest);
      send(second, halfARequest);
      awaitThreadsReadingARequest(2);

      // When liveness is asked for
      HttpResponse<String> live =
          get(server.port(), "/health/live", limits.requestTimeout().plus(QUICK));

      // Then it is answered once the request timeout has freed a thread, and the stalled clients
      // are disconnected
      assertThat(live.statusCode()).isEqualTo(200);
      assertThat(closedByServer(first)).isTrue();
      assertThat(closedByServer(second)).isTrue();
    }
  }

  @Test
  void shouldAnswerLivenessWhileASlowRouteHoldsItsWorkersAndTurnAwayWhatDoesNotFit()
      throws Exception {
    // Given a slow route on one worker with no queue, its worker busy with a request that waits
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    HttpHandler waits =
        exchange -> {
          entered.countDown();
          awaitQuietly(release);
          exchange.sendResponseHeaders(200, -1);
        };
    try (OpsServer server =
        OpsServer.start(
            "127.0.0.1",
            0,
            () -> "leadstream_up 1\n",
            health,
            Map.of("/slow", new PooledHandler("test-slow", 1, 0, Duration.ofSeconds(10), waits)))) {
      CompletableFuture<HttpResponse<String>> held =
          http.sendAsync(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/slow"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();

      // When another slow request comes, and liveness and metrics are asked for
      HttpResponse<String> turnedAway = get(server.port(), "/slow", QUICK);
      HttpResponse<String> live = get(server.port(), "/health/live", QUICK);
      HttpResponse<String> metrics = get(server.port(), "/metrics", QUICK);

      // Then the extra request is told to come back, liveness and metrics answer at once, the held
      // one completes
      assertThat(turnedAway.statusCode()).isEqualTo(503);
      assertThat(turnedAway.headers().firstValue("Retry-After")).contains("1");
      assertThat(live.statusCode()).isEqualTo(200);
      assertThat(metrics.statusCode()).isEqualTo(200);
      release.countDown();
      assertThat(held.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    } finally {
      release.countDown();
    }
  }

  @Test
  void shouldCutOffASlowRouteRequestAtItsTimeoutAndFreeTheWorkerForTheNext() throws Exception {
    // Given a slow route on one worker with a 300 ms timeout, whose first request waits until
    // interrupted
    AtomicInteger calls = new AtomicInteger();
    HttpHandler firstWaitsForever =
        exchange -> {
          if (calls.incrementAndGet() == 1) {
            awaitQuietly(new CountDownLatch(1));
          }
          exchange.sendResponseHeaders(200, -1);
        };
    try (OpsServer server =
        OpsServer.start(
            "127.0.0.1",
            0,
            () -> "",
            health,
            Map.of(
                "/slow",
                new PooledHandler(
                    "test-stuck", 1, 0, Duration.ofMillis(300), firstWaitsForever)))) {

      // When a request is sent over a plain socket (java.net.http would quietly retry it), and then
      // another
      String firstAnswer;
      try (Socket first = new Socket("127.0.0.1", server.port())) {
        send(first, "GET /slow HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        firstAnswer = readUntilClosed(first);
      }
      // (the interrupted worker is free once its handler returns, a moment after the cut-off)
      HttpResponse<String> next = get(server.port(), "/slow", QUICK);
      long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
      while (next.statusCode() == 503 && System.nanoTime() < deadline) {
        Thread.sleep(20);
        next = get(server.port(), "/slow", QUICK);
      }

      // Then the first is cut off at the timeout, its connection closed without an answer, and the
      // next is served
      assertThat(firstAnswer).isEmpty();
      assertThat(next.statusCode()).isEqualTo(200);
      assertThat(calls).hasValue(2);
    }
  }

  private static void send(Socket socket, String text) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(text.getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /**
   * Waits until this many of the server's threads are blocked reading a request (inside the JDK
   * server's request parser), so that the stalled clients really hold workers before the test goes
   * on.
   */
  private static void awaitThreadsReadingARequest(int count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (System.nanoTime() < deadline) {
      long reading =
          Thread.getAllStackTraces().entrySet().stream()
              .filter(thread -> thread.getKey().getName().startsWith("leadstream-ops-http"))
              .filter(
                  thread ->
                      Arrays.stream(thread.getValue())
                          .anyMatch(
                              frame ->
                                  frame.getClassName().startsWith("sun.net.httpserver.Request")))
              .count();
      if (reading >= count) {
        return;
      }
      Thread.sleep(10);
    }
    throw new AssertionError(
        "fewer than " + count + " server threads started reading the stalled requests");
  }

  /**
   * True when the server closes the connection (end of stream or reset), after whatever it
   * answered; fails after 5 s without.
   */
  private static boolean closedByServer(Socket socket) throws IOException {
    readUntilClosed(socket);
    return true;
  }

  /**
   * What the server sends until it closes the connection ("" when it resets it); fails after 5 s
   * without.
   */
  private static String readUntilClosed(Socket socket) throws IOException {
    socket.setSoTimeout(5_000);
    try {
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
    } catch (SocketException reset) {
      return "";
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private HttpResponse<String> get(int port, String path, Duration timeout) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(timeout)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
