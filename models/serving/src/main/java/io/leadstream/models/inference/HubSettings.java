package io.leadstream.models.inference;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * How {@code hf:} model files are downloaded: from which hub, with which token, how long a silent
 * connection is tolerated, and who hears about progress.
 *
 * <p>{@link #fromEnvironment()} takes the endpoint from the system property {@value
 * #ENDPOINT_PROPERTY}, else the environment variable {@value #ENDPOINT_ENV} (the one
 * huggingface_hub reads), else {@code https://huggingface.co}; and the token from {@value
 * #TOKEN_ENV}. The token is sent as a bearer token to the endpoint's host only, never to the CDN
 * hosts the hub redirects to, and never appears in {@link #toString()}, logs or messages.
 *
 * @param endpoint hub base URL ({@code http} or {@code https}); a mirror may add a path prefix
 * @param token access token for private or gated repositories, or null
 * @param stallTimeout a download that receives no byte for this long is aborted (and resumed)
 * @param progress download progress listener
 */
public record HubSettings(
    URI endpoint, String token, Duration stallTimeout, DownloadProgress progress) {

  /** System property naming the hub endpoint or a mirror; wins over {@value #ENDPOINT_ENV}. */
  public static final String ENDPOINT_PROPERTY = "leadstream.hf.endpoint";

  /** Environment variable naming the hub endpoint, as huggingface_hub reads it. */
  public static final String ENDPOINT_ENV = "HF_ENDPOINT";

  /** Environment variable holding the access token for private or gated repositories. */
  public static final String TOKEN_ENV = "HF_TOKEN";

  /** The public Hugging Face hub. */
  public static final URI DEFAULT_ENDPOINT = URI.create("https://huggingface.co");

  /** How long a download may receive nothing before it is aborted. */
  public static final Duration DEFAULT_STALL_TIMEOUT = Duration.ofSeconds(60);

  public HubSettings {
    Objects.requireNonNull(endpoint, "endpoint");
    String scheme = endpoint.getScheme();
    if (!("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
        || endpoint.getHost() == null) {
      throw new IllegalArgumentException(
          "hub endpoint '" + endpoint + "' is not an http(s) URL with a host");
    }
    token = token == null || token.isBlank() ? null : token.strip();
    if (stallTimeout == null || stallTimeout.isNegative() || stallTimeout.isZero()) {
      throw new IllegalArgumentException("stallTimeout must be positive, got " + stallTimeout);
    }
    progress = progress == null ? DownloadProgress.NONE : progress;
  }

  /** Settings from {@value #ENDPOINT_PROPERTY}, {@value #ENDPOINT_ENV} and {@value #TOKEN_ENV}. */
  public static HubSettings fromEnvironment() {
    return from(System::getProperty, System::getenv);
  }

  static HubSettings from(UnaryOperator<String> properties, UnaryOperator<String> environment) {
    String property = properties.apply(ENDPOINT_PROPERTY);
    String variable = environment.apply(ENDPOINT_ENV);
    URI endpoint = DEFAULT_ENDPOINT;
    String origin = null;
    if (property != null && !property.isBlank()) {
      origin = "system property " + ENDPOINT_PROPERTY;
      endpoint = parse(property, origin);
    } else if (variable != null && !variable.isBlank()) {
      origin = "environment variable " + ENDPOINT_ENV;
      endpoint = parse(variable, origin);
    }
    try {
      return new HubSettings(
          endpoint, environment.apply(TOKEN_ENV), DEFAULT_STALL_TIMEOUT, DownloadProgress.NONE);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(origin + ": " + e.getMessage(), e);
    }
  }

  private static URI parse(String value, String origin) {
    try {
      return URI.create(value.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(origin + ": '" + value + "' is not a URL", e);
    }
  }

  /** A copy that downloads from another hub or mirror. */
  public HubSettings withEndpoint(URI otherEndpoint) {
    return new HubSettings(otherEndpoint, token, stallTimeout, progress);
  }

  /** A copy that sends another access token (null for none). */
  public HubSettings withToken(String otherToken) {
    return new HubSettings(endpoint, otherToken, stallTimeout, progress);
  }

  /** A copy with another stall timeout. */
  public HubSettings withStallTimeout(Duration otherStallTimeout) {
    return new HubSettings(endpoint, token, otherStallTimeout, progress);
  }

  /** A copy that reports progress to {@code listener}. */
  public HubSettings withProgress(DownloadProgress listener) {
    return new HubSettings(endpoint, token, stallTimeout, listener);
  }

  /** Whether a token will be sent. */
  public boolean hasToken() {
    return token != null;
  }

  /** Names the endpoint and says whether a token is set; never shows the token. */
  @Override
  public String toString() {
    return "HubSettings[endpoint="
        + endpoint
        + ", token="
        + (token == null ? "none" : "***")
        + ", stallTimeout="
        + stallTimeout
        + "]";
  }
}
