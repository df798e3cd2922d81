package io.leadstream.app.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Asks another instance for lead data over HTTP. One timeout bounds connecting and answering, so a
 * peer that is down or hung (SIGSTOP) costs at most that long; answers come as futures, so that
 * several peers can be asked at once.
 */
final class PeerClient {

  /** A peer answered, but not with 200 or 404. */
  static final class PeerAnswerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PeerAnswerException(int status) {
      super("answered " + status);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final String token;
  private final Duration timeout;

  /**
   * @param token bearer token the peers require, or null
   */
  PeerClient(String token, Duration timeout) {
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(timeout)
            .build();
    this.token = token;
    this.timeout = timeout;
  }

  /**
   * The peer's JSON answer to a GET, empty when it answers 404. Completes within the timeout:
   * exceptionally when the peer did not answer by then, could not be reached, or answered another
   * status; {@link #why} says which.
   */
  CompletableFuture<Optional<JsonNode>> get(HostInfo peer, String pathAndQuery) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://" + address(peer) + pathAndQuery))
            .timeout(timeout);
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    CompletableFuture<HttpResponse<String>> sent =
        http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    return sent.thenApply(PeerClient::answer)
        .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .whenComplete(
            (answer, failure) -> {
              if (failure != null) {
                sent.cancel(true);
              }
            });
  }

  /** Why a future of {@link #get} failed, in words that follow "the instance ...". */
  String why(Throwable failure) {
    Throwable cause =
        failure instanceof CompletionException || failure instanceof ExecutionException
            ? failure.getCause()
            : failure;
    if (cause instanceof TimeoutException || cause instanceof HttpTimeoutException) {
      return "did not answer within " + timeout.toMillis() + " ms";
    }
    if (cause instanceof ConnectException) {
      return "refused the connection";
    }
    if (cause instanceof PeerAnswerException) {
      return cause.getMessage();
    }
    return "could not be asked: " + cause;
  }

  /** {@code host:port}, as peers are named in answers and messages. */
  static String address(HostInfo host) {
    return host.host() + ":" + host.port();
  }

  private static Optional<JsonNode> answer(HttpResponse<String> response) {
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    if (response.statusCode() != 200) {
      throw new PeerAnswerException(response.statusCode());
    }
    try {
      return Optional.of(JSON.readTree(response.body()));
    } catch (IOException e) {
      throw new UncheckedIOException("answered JSON that does not parse", e);
    }
  }
}
