package io.leadstream.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadstream.app.testing.HubSpotExample;
import io.leadstream.app.testing.HubSpotExample.Event;
import io.leadstream.models.mapping.JsonEventConverter;
import io.leadstream.models.mapping.LeadMapping;
import io.leadstream.schema.LeadEvent;
import io.leadstream.schema.kafka.LeadStreamSerdes;
import io.leadstream.tools.cli.LeadStreamCli;
import io.leadstream.tools.embedded.EmbeddedKafkaBroker;
import io.leadstream.tools.testing.EmbeddedKafkaExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `produce` loads a file into the raw topic, reports each bad line and counts what it sent. */
@ExtendWith(EmbeddedKafkaExtension.class)
class ProduceCommandIT {

  private static final String TOPIC = "produce.leads.raw";
  private static final String MAPPED_TOPIC = "produce.mapped.leads.raw";

  @TempDir Path dir;

  @Test
  void shouldSendEveryGoodLineKeyedByLeadIdAndReportTheBadOnes(EmbeddedKafkaBroker broker)
      throws Exception {
    Path file = dir.resolve("export.jsonl");
    Files.writeString(
        file,
        """
        {"leadId":"L1","company":{"name":"ACME"},"budget":1000}
        {"leadId":"L2","budget":"lots"}
        {"leadId":"L3","notes":"Wants a demo"}
        """);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = LeadStreamCli.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));

    int exitCode =
        cli.execute(
            "produce",
            "-b",
            broker.bootstrapServers(),
            "-D",
            "leadstream.topic.raw=" + TOPIC,
            file.toString());

    assertThat(exitCode).isEqualTo(2);
    assertThat(out.toString()).contains("Sent 2 leads").contains("1 lines rejected");
    assertThat(err.toString())
        .contains("export.jsonl line 2: budget: expected a number, got \"lots\"");
    List<ConsumerRecord<String, byte[]>> records = readAll(broker.bootstrapServers(), TOPIC, 2);
    assertThat(records).extracting(ConsumerRecord::key).containsExactly("L1", "L3");
    LeadEvent first = LeadStreamSerdes.leadEvent().decode(records.get(0).value());
    assertThat(first.getCompany().getName()).isEqualTo("ACME");
  }

  @Test
  void shouldReadACrmExportThroughItsTrainingMapping(EmbeddedKafkaBroker broker) throws Exception {
    Path mapping = dir.resolve("mapping.yaml");
    Files.writeString(
        mapping,
        """
        id: Prospect ID
        label: {column: Converted, positive: ["1"], negative: ["0"]}
        missing: ["", "Select"]
        text: [Tags]
        features:
          - {column: TotalVisits, type: numeric, field: engagement.websiteVisits}
          - {column: Lead Source, type: categorical}
        """);
    Path export = dir.resolve("export.csv");
    Files.writeString(
        export,
        """
        Prospect ID,Converted,TotalVisits,Lead Source,Tags
        p-1,1,5,Google,Will revert after reading the email
        p-2,,many,Select,Ringing
        p-3,0,0,Select,
        """);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = LeadStreamCli.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    Instant sent = Instant.now();

    int exitCode =
        cli.execute(
            "produce",
            "-b",
            broker.bootstrapServers(),
            "-D",
            "leadstream.topic.raw=" + MAPPED_TOPIC,
            "--mapping",
            mapping.toString(),
            export.toString());

    assertThat(exitCode).isEqualTo(2);
    assertThat(out.toString()).contains("Sent 2 leads").contains("1 lines rejected");
    assertThat(err.toString()).contains("export.csv line 3:").contains("TotalVisits");
    List<ConsumerRecord<String, byte[]>> records =
        readAll(broker.bootstrapServers(), MAPPED_TOPIC, 2);
    assertThat(records).extracting(ConsumerRecord::key).containsExactly("p-1", "p-3");
    LeadEvent first = LeadStreamSerdes.leadEvent().decode(records.get(0).value());
    assertThat(first.getEngagement().getWebsiteVisits()).isEqualTo(5);
    assertThat(first.getAttributes()).containsEntry("Lead Source", "Google");
    assertThat(first.getNotes()).isEqualTo("Tags: Will revert after reading the email");
    // the mapping has no time column: the event is sent as of now, not as of 1970 (which the
    // pipeline would dead-letter)
    assertThat(first.getOccurredAt()).isBetween(sent, Instant.now());
    LeadEvent third = LeadStreamSerdes.leadEvent().decode(records.get(1).value());
    assertThat(third.getAttributes()).doesNotContainKey("Lead Source");
  }

  @Test
  void shouldJoinTheFilesTheMappingJoinsAsTrainDoes(EmbeddedKafkaBroker broker) throws Exception {
    String topic = "produce.joined.leads.raw";
    Path mapping = dir.resolve("mapping.yaml");
    Files.writeString(
        mapping,
        """
        id: deal
        label: {column: stage, positive: [Won], negative: [Lost]}
        join:
          - {file: accounts.csv, key: account}
        features:
          - {column: sector, type: categorical}
          - {column: employees, type: numeric, field: company.employees}
        fields:
          company.name: account
        """);
    Files.writeString(
        dir.resolve("accounts.csv"),
        """
        account,sector,employees
        Acme,retail,120
        Globex,software,4000
        """);
    Path export = dir.resolve("new-deals.csv");
    Files.writeString(
        export,
        """
        deal,account
        d1,Globex
        d2,Initech
        """);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = LeadStreamCli.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));

    int exitCode =
        cli.execute(
            "produce",
            "-b",
            broker.bootstrapServers(),
            "-D",
            "leadstream.topic.raw=" + topic,
            "--mapping",
            mapping.toString(),
            export.toString());

    assertThat(exitCode).as(err.toString()).isZero();
    assertThat(out.toString()).contains("Sent 2 leads");
    assertThat(err.toString())
        .contains(
            "warning: new-deals.csv: 1 of 2 rows have a key in"
                + " 'account' that accounts.csv has no row for, 1 value: 'Initech' (1 row)");
    List<ConsumerRecord<String, byte[]>> records = readAll(broker.bootstrapServers(), topic, 2);
    LeadEvent joined = LeadStreamSerdes.leadEvent().decode(records.get(0).value());
    assertThat(joined.getCompany().getName()).isEqualTo("Globex");
    assertThat(joined.getCompany().getEmployees()).isEqualTo(4000);
    assertThat(joined.getAttributes()).containsEntry("sector", "software");
    LeadEvent unmatched = LeadStreamSerdes.leadEvent().decode(records.get(1).value());
    assertThat(unmatched.getAttributes()).doesNotContainKey("sector");
  }

  @Test
  void shouldReadTheCrmsJsonEventsThroughTheMappingAsThePipelineDoes(EmbeddedKafkaBroker broker)
      throws Exception {
    String topic = "produce.json.leads.raw";
    Path events = crmEvents();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int exitCode =
        produce(
            out,
            err,
            "-b",
            broker.bootstrapServers(),
            "-D",
            "leadstream.topic.raw=" + topic,
            "--mapping",
            HubSpotExample.mapping().toString(),
            events.toString());

    assertThat(exitCode).isEqualTo(2);
    assertThat(out.toString()).contains("Sent 4 leads").contains("1 lines rejected");
    assertThat(err.toString())
        .contains("events.jsonl line 6: properties.annualrevenue: expected a number, got \"lots\"");
    List<ConsumerRecord<String, byte[]>> records = readAll(broker.bootstrapServers(), topic, 4);
    assertThat(records)
        .extracting(ConsumerRecord::key)
        .containsExactly("5101", "5102", "5103", "5101");
    // the very LeadEvent the pipeline makes of the same JSON, but for the event id
    JsonEventConverter pipeline =
        new JsonEventConverter(LeadMapping.load(HubSpotExample.mapping()));
    List<Event> example = HubSpotExample.events();
    LeadEvent first = LeadStreamSerdes.leadEvent().decode(records.get(0).value());
    assertThat(first)
        .isEqualTo(pipeline.convert(example.get(0).value(), "events.jsonl:1", Instant.EPOCH));
    assertThat(first.getCompany().getAnnualRevenue()).isEqualTo(4.2e8);
    LeadEvent third = LeadStreamSerdes.leadEvent().decode(records.get(2).value());
    assertThat(third.getEventId()).isEqualTo("events.jsonl:4");
  }

  @Test
  void shouldSendTheJsonEventsAsTheyAreWhenThePipelineReadsJson(EmbeddedKafkaBroker broker)
      throws Exception {
    String topic = "produce.json-raw.leads.raw";
    Path events = crmEvents();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int exitCode =
        produce(
            out,
            err,
            "-b",
            broker.bootstrapServers(),
            "-D",
            "leadstream.topic.raw=" + topic,
            "-D",
            "leadstream.input.format=json",
            "-D",
            "leadstream.input.mapping=" + HubSpotExample.mapping(),
            events.toString());

    assertThat(exitCode).isEqualTo(2);
    assertThat(out.toString()).contains("Sent 4 leads").contains("1 lines rejected");
    assertThat(err.toString())
        .contains("events.jsonl line 6: properties.annualrevenue: expected a number, got \"lots\"");
    List<ConsumerRecord<String, byte[]>> records = readAll(broker.bootstrapServers(), topic, 4);
    List<Event> example = HubSpotExample.events();
    assertThat(records).hasSize(4);
    for (int i = 0; i < 4; i++) {
      assertThat(records.get(i).key()).isEqualTo(example.get(i).key());
      assertThat(records.get(i).value()).isEqualTo(example.get(i).value());
    }

    Path csv = dir.resolve("export.csv");
    Files.writeString(csv, "objectId\n1\n");
    StringWriter csvErr = new StringWriter();
    assertThat(
            produce(
                new StringWriter(),
                csvErr,
                "-b",
                broker.bootstrapServers(),
                "-D",
                "leadstream.input.format=json",
                "-D",
                "leadstream.input.mapping=" + HubSpotExample.mapping(),
                csv.toString()))
        .isEqualTo(1);
    assertThat(csvErr.toString())
        .contains("leadstream.input.format=json")
        .contains("export.csv is not .jsonl");
  }

  /** The example's events, a blank line, and one bad event as line 6. */
  private Path crmEvents() throws Exception {
    Path events = dir.resolve("events.jsonl");
    String lines = Files.readString(HubSpotExample.FOLDER.resolve("events.jsonl"));
    Files.writeString(
        events,
        lines.replaceFirst("\n", "\n\n")
            + "{\"objectId\": 5301, \"properties\": {\"annualrevenue\": \"lots\"}}\n");
    return events;
  }

  private static int produce(StringWriter out, StringWriter err, String... args) {
    CommandLine cli = LeadStreamCli.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    String[] all = new String[args.length + 1];
    all[0] = "produce";
    System.arraycopy(args, 0, all, 1, args.length);
    return cli.execute(all);
  }

  @Test
  void shouldExplainHowToNameTheClusterWhenNoneIsGiven() throws Exception {
    Path file = dir.resolve("leads.jsonl");
    Files.writeString(file, "{\"leadId\":\"L1\"}\n");
    StringWriter err = new StringWriter();
    CommandLine cli = LeadStreamCli.commandLine();
    cli.setErr(new PrintWriter(err));

    int exitCode = cli.execute("produce", file.toString());

    assertThat(exitCode).isEqualTo(1);
    assertThat(err.toString())
        .contains("--bootstrap-servers")
        .contains("LEADSTREAM_KAFKA_BOOTSTRAP_SERVERS");
  }

  private static List<ConsumerRecord<String, byte[]>> readAll(
      String bootstrap, String topic, int expected) {
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            Map.of("bootstrap.servers", bootstrap),
            new StringDeserializer(),
            new ByteArrayDeserializer())) {
      TopicPartition partition = new TopicPartition(topic, 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long deadline = System.currentTimeMillis() + 30_000;
      while (records.size() < expected && System.currentTimeMillis() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    return records;
  }
}
