package io.leadstream.models.inference.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadstream.models.inference.LocatedEncoder;
import io.leadstream.models.inference.NamedEncoders;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProtoMessageTest {

  @Test
  void shouldWriteAModelBackByteForByte() throws Exception {
    LocatedEncoder encoder = LocatedEncoder.named(NamedEncoders.MINILM_QUANTIZED);
    Path file = encoder.source().resolve(encoder.spec().model());
    byte[] model = Files.readAllBytes(file);

    ProtoMessage parsed = ProtoMessage.parse(ByteBuffer.wrap(model));
    ProtoMessage graph = parsed.all(7).get(0).message();

    assertThat(parsed.toBytes()).isEqualTo(model);
    assertThat(graph.all(1)).hasSize(772); // the export's nodes
    assertThat(graph.all(1).get(0).message().string(4)).isEqualTo("Constant");
  }

  @Test
  void shouldReadWhatItWrites() {
    ProtoMessage message =
        new ProtoMessage(
            List.of(
                ProtoMessage.varintField(3, 300),
                ProtoMessage.varintField(3, -1),
                ProtoMessage.floatField(2, -3.5f),
                ProtoMessage.stringField(1, "MatMulIntegerToFloat")));

    ProtoMessage read = ProtoMessage.parse(ByteBuffer.wrap(message.toBytes()));

    assertThat(read.varints(3)).containsExactly(300L, -1L);
    assertThat(read.floats(2)).containsExactly(-3.5f);
    assertThat(read.string(1)).isEqualTo("MatMulIntegerToFloat");
    assertThat(read.with(3, List.of()).varints(3)).isEmpty();
  }

  @Test
  void shouldRefuseBytesThatAreNoProtocolBuffer() {
    byte[] notProto = {(byte) 0x0F, 1, 2, 3}; // wire type 7 does not exist

    assertThatThrownBy(() -> ProtoMessage.parse(ByteBuffer.wrap(notProto)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("wire type 7");
  }
}
