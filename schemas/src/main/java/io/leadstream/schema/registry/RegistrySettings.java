package io.leadstream.schema.registry;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a Confluent-compatible schema registry is and how to reach it. TLS goes through the JVM's
 * trust store ({@code javax.net.ssl.trustStore}); credentials are either HTTP Basic ({@code
 * user:password}, as Confluent clients' {@code basic.auth.user.info}) or a bearer token.
 *
 * @param url the registry's base URL, such as {@code http://registry:8081}
 * @param basicAuthUserInfo {@code user:password} for HTTP Basic authentication
 * @param bearerToken a bearer token, sent as {@code Authorization: Bearer <token>}
 * @param retryFor how long a request is retried while the registry is unreachable or answers 5xx,
 *     before {@link RegistryUnavailableException}
 */
public record RegistrySettings(
    URI url, Optional<String> basicAuthUserInfo, Optional<String> bearerToken, Duration retryFor) {

  public static final Duration RETRY_FOR_DEFAULT = Duration.ofSeconds(30);

  public RegistrySettings {
    Objects.requireNonNull(url, "url");
    if (basicAuthUserInfo.isPresent() && bearerToken.isPresent()) {
      throw new IllegalArgumentException(
          "give the schema registry either basic auth or a bearer token, not both");
    }
    basicAuthUserInfo.ifPresent(
        userInfo -> {
          if (!userInfo.contains(":")) {
            throw new IllegalArgumentException(
                "schema registry basic auth must be written user:password");
          }
        });
  }

  /** A registry without credentials. */
  public static RegistrySettings of(String url) {
    return new RegistrySettings(
        URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url),
        Optional.empty(),
        Optional.empty(),
        RETRY_FOR_DEFAULT);
  }

  public RegistrySettings withBasicAuth(String userInfo) {
    return new RegistrySettings(url, Optional.of(userInfo), bearerToken, retryFor);
  }

  public RegistrySettings withBearerToken(String token) {
    return new RegistrySettings(url, basicAuthUserInfo, Optional.of(token), retryFor);
  }

  public RegistrySettings withRetryFor(Duration duration) {
    return new RegistrySettings(url, basicAuthUserInfo, bearerToken, duration);
  }

  /** Never prints the credentials. */
  @Override
  public String toString() {
    return url
        + (basicAuthUserInfo.isPresent() ? " (basic auth)" : "")
        + (bearerToken.isPresent() ? " (bearer token)" : "");
  }
}
