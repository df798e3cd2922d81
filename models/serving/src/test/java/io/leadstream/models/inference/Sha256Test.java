package io.leadstream.models.inference;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** SHA-256 as hex, one-off and with one reused digest. */
class Sha256Test {

  private static final String ABC =
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
  private static final String EMPTY =
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  @Test
  void shouldGiveTheStandardDigest() {
    assertThat(Sha256.of(bytes("abc"))).isEqualTo(ABC);
    assertThat(Sha256.of(bytes(""))).isEqualTo(EMPTY);
  }

  @Test
  void shouldCarryNothingFromOneTextToTheNextWhenReused() {
    Sha256.Reusable digest = new Sha256.Reusable();

    assertThat(digest.of(bytes("abc"))).isEqualTo(ABC);
    assertThat(digest.of(bytes(""))).isEqualTo(EMPTY);
    assertThat(digest.of(bytes("abc"))).isEqualTo(ABC);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
