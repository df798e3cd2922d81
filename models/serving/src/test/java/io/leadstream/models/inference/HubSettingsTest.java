package io.leadstream.models.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Where {@code hf:} downloads go and which token they carry. */
class HubSettingsTest {

  @Test
  void shouldUseThePublicHubWhenNothingIsSet() {
    HubSettings settings = HubSettings.from(none(), none());

    assertThat(settings.endpoint()).isEqualTo(URI.create("https://huggingface.co"));
    assertThat(settings.hasToken()).isFalse();
    assertThat(settings.stallTimeout()).isEqualTo(HubSettings.DEFAULT_STALL_TIMEOUT);
  }

  @Test
  void shouldTakeHfEndpointAndHfTokenFromTheEnvironment() {
    HubSettings settings =
        HubSettings.from(
            none(),
            Map.of("HF_ENDPOINT", "https://hf-mirror.example", "HF_TOKEN", "hf_secret")::get);

    assertThat(settings.endpoint()).isEqualTo(URI.create("https://hf-mirror.example"));
    assertThat(settings.token()).isEqualTo("hf_secret");
  }

  @Test
  void shouldPreferTheSystemPropertyOverTheEnvironment() {
    HubSettings settings =
        HubSettings.from(
            Map.of("leadstream.hf.endpoint", "http://127.0.0.1:9000")::get,
            Map.of("HF_ENDPOINT", "https://hf-mirror.example")::get);

    assertThat(settings.endpoint()).isEqualTo(URI.create("http://127.0.0.1:9000"));
  }

  @Test
  void shouldNeverShowTheToken() {
    HubSettings settings = HubSettings.from(none(), Map.of("HF_TOKEN", "hf_secret")::get);

    assertThat(settings.toString()).doesNotContain("hf_secret").contains("token=***");
  }

  @Test
  void shouldNameTheSettingThatHoldsABadEndpoint() {
    assertThatThrownBy(
            () -> HubSettings.from(none(), Map.of("HF_ENDPOINT", "ftp://mirror.example")::get))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("environment variable HF_ENDPOINT")
        .hasMessageContaining("ftp://mirror.example");
  }

  private static UnaryOperator<String> none() {
    return name -> null;
  }
}
