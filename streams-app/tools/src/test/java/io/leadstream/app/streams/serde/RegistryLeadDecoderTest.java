package io.leadstream.app.streams.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadstream.app.streams.errors.DeadLetterReason;
import io.leadstream.app.streams.errors.InvalidLeadException;
import io.leadstream.app.testing.TestLeads;
import io.leadstream.schema.LeadEvent;
import io.leadstream.schema.kafka.LeadStreamSerdes;
import io.leadstream.schema.registry.ConfluentWire;
import io.leadstream.schema.registry.RegistryException;
import io.leadstream.schema.registry.RegistrySettings;
import io.leadstream.schema.registry.RegistryUnavailableException;
import io.leadstream.schema.registry.SchemaRegistryClient;
import io.leadstream.tools.embedded.EmbeddedSchemaRegistry;
import io.leadstream.tools.testing.EvolvedLeadSchema;
import java.time.Duration;
import java.util.Arrays;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link RegistryLeadDecoder} against {@link EmbeddedSchemaRegistry} (our loopback registry; the
 * client is the shipped one): which failures are the record's (dead letters) and which are the
 * registry's (not dead letters), and that each schema id is asked for once.
 */
class RegistryLeadDecoderTest {

  private static final String SUBJECT = "leads.raw-value";

  private final EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start();
  private final SchemaRegistryClient producer =
      new SchemaRegistryClient(RegistrySettings.of(registry.url()));
  private final RegistryLeadDecoder decoder =
      new RegistryLeadDecoder(new SchemaRegistryClient(RegistrySettings.of(registry.url())));

  @AfterEach
  void stop() {
    registry.close();
  }

  @Test
  void shouldReadAnEvolvedWriterSchemaIntoTheAppsLeadEvent() {
    LeadEvent lead = TestLeads.hot("lead-1").build();
    int id = producer.register(SUBJECT, EvolvedLeadSchema.SCHEMA);

    LeadEvent read =
        decoder.decode(EvolvedLeadSchema.framed(id, EvolvedLeadSchema.of(lead, "EMEA")), null);

    assertThat(read).isEqualTo(lead);
  }

  @Test
  void shouldAskTheRegistryForEachSchemaIdOnce() {
    byte[] value =
        LeadStreamSerdes.leadEvent(producer).encode("leads.raw", TestLeads.hot("lead-1").build());
    int id = ConfluentWire.schemaId(value);

    for (int i = 0; i < 50; i++) {
      decoder.decode(value, null);
    }

    assertThat(registry.requestCount("GET /schemas/ids/" + id)).isEqualTo(1);
  }

  @Test
  void shouldDeadLetterAnIdTheRegistryDoesNotHoldAndNotAskAgainAtOnce() {
    byte[] value =
        LeadStreamSerdes.leadEvent(producer).encode("leads.raw", TestLeads.hot("lead-1").build());
    System.arraycopy(ConfluentWire.header(4242), 0, value, 0, ConfluentWire.HEADER_BYTES);

    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> decoder.decode(value, null))
          .isInstanceOfSatisfying(
              InvalidLeadException.class,
              e -> {
                assertThat(e.reason()).isEqualTo(DeadLetterReason.UNKNOWN_SCHEMA);
                assertThat(e.getMessage()).contains("schema id 4242").contains(registry.url());
              });
    }
    assertThat(registry.requestCount("GET /schemas/ids/4242")).isEqualTo(1);
  }

  @Test
  void shouldDeadLetterAWriterSchemaThatCannotBeReadAsLeadEventNamingTheIncompatibility() {
    Schema writer =
        SchemaBuilder.record("LeadEvent")
            .namespace("io.leadstream.schema")
            .fields()
            .requiredString("eventId")
            .requiredLong("leadId")
            .endRecord();
    int id = producer.register("other-value", writer);
    byte[] value = new byte[ConfluentWire.HEADER_BYTES + 3];
    System.arraycopy(ConfluentWire.header(id), 0, value, 0, ConfluentWire.HEADER_BYTES);

    assertThatThrownBy(() -> decoder.decode(value, null))
        .isInstanceOfSatisfying(
            InvalidLeadException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(DeadLetterReason.INCOMPATIBLE_SCHEMA);
              assertThat(e.getMessage())
                  .contains("schema id " + id)
                  .contains("TYPE_MISMATCH at /fields/1/type");
            });
  }

  @Test
  void shouldNameTheFormatAValueIsInWhenItIsNotFramed() {
    byte[] singleObject = LeadStreamSerdes.leadEvent().encode(TestLeads.hot("lead-1").build());

    assertThatThrownBy(() -> decoder.decode(singleObject, null))
        .isInstanceOfSatisfying(
            InvalidLeadException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(DeadLetterReason.NOT_AVRO);
              assertThat(e.getMessage()).contains("single-object");
            });
    assertThatThrownBy(() -> decoder.decode(new byte[] {0, 0, 1}, null))
        .isInstanceOfSatisfying(
            InvalidLeadException.class,
            e -> assertThat(e.reason()).isEqualTo(DeadLetterReason.NOT_AVRO));
  }

  @Test
  void shouldDeadLetterBytesAfterTheRecordAndATruncatedRecord() {
    byte[] value =
        LeadStreamSerdes.leadEvent(producer).encode("leads.raw", TestLeads.hot("lead-1").build());
    byte[] longer = Arrays.copyOf(value, value.length + 2);

    assertThatThrownBy(() -> decoder.decode(longer, null))
        .isInstanceOfSatisfying(
            InvalidLeadException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(DeadLetterReason.UNDECODABLE);
              assertThat(e.getMessage()).contains("2 bytes after the end");
            });
    assertThatThrownBy(() -> decoder.decode(Arrays.copyOf(value, value.length - 9), null))
        .isInstanceOfSatisfying(
            InvalidLeadException.class, e -> assertThat(e.getMessage()).contains("truncated"));
  }

  /** A registry that is down is infrastructure: the task must fail, not dead-letter the record. */
  @Test
  void shouldNotDeadLetterARecordWhoseSchemaCannotBeFetchedFromARegistryThatIsDown() {
    byte[] value =
        LeadStreamSerdes.leadEvent(producer).encode("leads.raw", TestLeads.hot("lead-1").build());
    String url = registry.url();
    registry.close();
    RegistryLeadDecoder cut =
        new RegistryLeadDecoder(
            new SchemaRegistryClient(RegistrySettings.of(url).withRetryFor(Duration.ofSeconds(1))));

    assertThatThrownBy(() -> cut.decode(value, null))
        .isInstanceOf(RegistryUnavailableException.class)
        .isNotInstanceOf(InvalidLeadException.class)
        .hasMessageContaining(url)
        .hasMessageContaining("retried for 1 s");
  }

  @Test
  void shouldFailOnCredentialsTheRegistryRefusesRatherThanDeadLetter() {
    try (EmbeddedSchemaRegistry guarded =
        EmbeddedSchemaRegistry.builder().basicAuth("leadstream", "s3cret").start()) {
      SchemaRegistryClient allowed =
          new SchemaRegistryClient(
              RegistrySettings.of(guarded.url()).withBasicAuth("leadstream:s3cret"));
      byte[] value =
          LeadStreamSerdes.leadEvent(allowed).encode("leads.raw", TestLeads.hot("lead-1").build());

      assertThat(new RegistryLeadDecoder(allowed).decode(value, null).getLeadId())
          .isEqualTo("lead-1");
      RegistryLeadDecoder refused =
          new RegistryLeadDecoder(new SchemaRegistryClient(RegistrySettings.of(guarded.url())));
      assertThatThrownBy(() -> refused.decode(value, null))
          .isInstanceOfSatisfying(
              RegistryException.class, e -> assertThat(e.status()).isEqualTo(401))
          .isNotInstanceOf(InvalidLeadException.class);
    }
  }
}
