package io.leadstream.app.streams.serde;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 and refuses invalid byte sequences (Java's default replaces them with U+FFFD). Not
 * thread-safe.
 */
public final class StrictUtf8 {

  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);

  /**
   * @throws CharacterCodingException when the first {@code length} bytes are not valid UTF-8
   */
  public String decode(byte[] bytes, int length) throws CharacterCodingException {
    return decoder.decode(ByteBuffer.wrap(bytes, 0, length)).toString();
  }
}
