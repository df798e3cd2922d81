package io.leadstream.tools.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.app.io.TopicSnapshot;
import io.leadstream.app.runtime.TopicCreator;
import io.leadstream.schema.PrioritizedLead;
import io.leadstream.schema.Tier;
import io.leadstream.schema.kafka.LeadStreamSerdes;
import io.leadstream.tools.embedded.FreePorts;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.StreamsConfig;

/**
 * A fault campaign against the real thing: a broker and LeadStream instances in processes of their
 * own, a steady producer, and faults at random moments: kill -9 of an instance (restarted at once,
 * or left down while the others take over), the broker killed and restarted later, the broker hung
 * (SIGSTOP) and resumed. At the end, exact accounting of every input's outcome.
 */
public final class FaultCampaign {

  /**
   * @param instances LeadStream instances, one stream thread each
   * @param kills instance kills (one of them, when there are several instances, is left down for
   *     {@code takeoverDown} so that the others take its partitions over)
   * @param brokerKills outages of a killed broker, restarted after each
   * @param brokerPauses hangs of a broker (SIGSTOP, then SIGCONT) after each
   * @param rate events per second
   * @param staticMembership let each instance keep a {@code group.instance.id} (LeadStream's
   *     default)
   * @param classPath the class path to start {@code leadstream} processes from
   * @param mainClass the class with the {@code leadstream} launcher's main method
   * @param jvmOptions options of the instances' JVMs (heap, a logging configuration, ...)
   */
  public record Settings(
      int instances,
      int kills,
      List<Duration> brokerKills,
      List<Duration> brokerPauses,
      double rate,
      int partitions,
      Duration takeoverDown,
      boolean staticMembership,
      long seed,
      Path workDir,
      String classPath,
      String mainClass,
      List<String> jvmOptions) {}

  private static final Duration RECOVERY_LIMIT = Duration.ofMinutes(3);
  private static final Duration DRAIN_LIMIT = Duration.ofMinutes(5);
  private static final int MALFORMED_EVERY = 40;
  private static final Duration STEADY = Duration.ofSeconds(3);

  private final Settings settings;
  private final PrintWriter progress;
  private final Random random;

  public FaultCampaign(Settings settings, PrintWriter progress) {
    this.settings = settings;
    this.progress = progress;
    this.random = new Random(settings.seed());
  }

  public CampaignResult run() throws Exception {
    long started = System.nanoTime();
    Path work = settings.workDir();
    Files.createDirectories(work);
    int[] ports = FreePorts.distinct(2);
    int port = ports[0];
    ChildJvm broker =
        new ChildJvm(
            "broker",
            settings.classPath(),
            settings.mainClass(),
            List.of(),
            List.of(
                "broker",
                "--port",
                Integer.toString(port),
                "--controller-port",
                Integer.toString(ports[1]),
                "--data",
                work.resolve("broker-data").toString()),
            work);
    List<ChildJvm> apps = new ArrayList<>();
    try {
      broker.start();
      LeadStreamConfig config = config("localhost:" + port);
      awaitBroker(config);
      TopicCreator.createMissing(config);
      for (int i = 1; i <= settings.instances(); i++) {
        apps.add(app(i, config).start());
      }
      try (CampaignAudit audit = new CampaignAudit(config, settings.partitions()).start();
          CampaignFeed feed = new CampaignFeed(config, settings.rate(), MALFORMED_EVERY).start()) {
        say(
            "Warming up: %d instance(s), %.0f events/s over %d partitions ...",
            apps.size(), settings.rate(), settings.partitions());
        awaitSteady(audit, apps);
        List<Fault> faults = new ArrayList<>();
        for (int k = 0; k < settings.kills(); k++) {
          faults.add(
              killInstance(apps, config, audit, apps.size() > 1 && k == settings.kills() / 2));
        }
        for (Duration outage : settings.brokerKills()) {
          faults.add(brokerOutage(broker, apps, outage, audit, false));
        }
        for (Duration outage : settings.brokerPauses()) {
          faults.add(brokerOutage(broker, apps, outage, audit, true));
        }
        say("Faults done; stopping the producer and waiting for every outcome ...");
        feed.stop();
        awaitEveryOutcome(feed, audit);
        return account(
            config, feed, audit, faults, apps, Duration.ofNanos(System.nanoTime() - started));
      }
    } finally {
      apps.forEach(ChildJvm::stop);
      broker.stop();
    }
  }

  private LeadStreamConfig config(String bootstrap) {
    Map<String, Object> props = new HashMap<>();
    props.put("bootstrap.servers", bootstrap);
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "leadstream-faults");
    props.put(LeadStreamConfig.TOPIC_PARTITIONS_CONFIG, settings.partitions());
    return new LeadStreamConfig(props);
  }

  private ChildJvm app(int i, LeadStreamConfig config) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "run",
                "--bootstrap-servers",
                config.clientProperties().get("bootstrap.servers").toString()));
    Map<String, String> settingsOfApp = new HashMap<>();
    settingsOfApp.put(StreamsConfig.APPLICATION_ID_CONFIG, "leadstream-faults");
    settingsOfApp.put(
        StreamsConfig.STATE_DIR_CONFIG, settings.workDir().resolve("state-" + i).toString());
    settingsOfApp.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, "1");
    settingsOfApp.put(LeadStreamConfig.HTTP_PORT_CONFIG, "0");
    settingsOfApp.put(
        LeadStreamConfig.TOPIC_PARTITIONS_CONFIG, Integer.toString(settings.partitions()));
    settingsOfApp.put(
        LeadStreamConfig.STATIC_MEMBERSHIP_CONFIG, Boolean.toString(settings.staticMembership()));
    settingsOfApp.forEach(
        (key, value) -> {
          args.add("-D");
          args.add(key + "=" + value);
        });
    return new ChildJvm(
        "app-" + i,
        settings.classPath(),
        settings.mainClass(),
        settings.jvmOptions(),
        args,
        settings.workDir());
  }

  private Fault killInstance(
      List<ChildJvm> apps, LeadStreamConfig config, CampaignAudit audit, boolean leaveDown)
      throws InterruptedException {
    pause();
    awaitSteady(audit, apps);
    ChildJvm app = victim(apps, config);
    long at = System.currentTimeMillis();
    app.kill();
    Fault fault;
    if (leaveDown) {
      Optional<Duration> takeover = audit.awaitRecovery(at, RECOVERY_LIMIT);
      fault =
          new Fault(
              "kill -9 " + app.name() + ", left down: the others take over",
              settings.takeoverDown(),
              takeover);
      sleepUntil(at + settings.takeoverDown().toMillis());
      app.start();
    } else {
      app.start();
      fault =
          new Fault(
              "kill -9 " + app.name() + ", restarted at once",
              Duration.ZERO,
              audit.awaitRecovery(at, RECOVERY_LIMIT));
    }
    say(
        "%s: recovered in %s",
        fault.kind(), fault.recovery().map(d -> d.toMillis() + " ms").orElse("(not within limit)"));
    return fault;
  }

  private Fault brokerOutage(
      ChildJvm broker, List<ChildJvm> apps, Duration outage, CampaignAudit audit, boolean hang)
      throws InterruptedException {
    pause();
    awaitSteady(audit, apps);
    if (hang) {
      broker.pause();
    } else {
      broker.kill();
    }
    Thread.sleep(outage.toMillis());
    if (hang) {
      broker.resume();
    } else {
      broker.start();
    }
    long back = System.currentTimeMillis();
    Fault fault =
        new Fault(
            (hang ? "broker hung (SIGSTOP) " : "broker killed (kill -9) ")
                + outage.toSeconds()
                + " s, recovery counted from its return",
            outage,
            audit.awaitRecovery(back, RECOVERY_LIMIT));
    say(
        "%s: recovered in %s",
        fault.kind(), fault.recovery().map(d -> d.toMillis() + " ms").orElse("(not within limit)"));
    return fault;
  }

  /**
   * A random instance among those that own partitions now (a kill of one that owns none would show
   * no recovery at all): group members are told apart by the process id Kafka Streams keeps in each
   * instance's state directory, which their client ids carry.
   */
  private ChildJvm victim(List<ChildJvm> apps, LeadStreamConfig config) {
    List<ChildJvm> owners = new ArrayList<>();
    try (Admin admin = Admin.create(config.clientProperties())) {
      var members =
          admin
              .describeConsumerGroups(List.of(config.applicationId()))
              .all()
              .get()
              .get(config.applicationId())
              .members();
      for (int i = 0; i < apps.size(); i++) {
        String processId = processId(i + 1);
        boolean owns =
            members.stream()
                .anyMatch(
                    member ->
                        member.clientId().contains(processId)
                            && !member.assignment().topicPartitions().isEmpty());
        if (owns) {
          owners.add(apps.get(i));
        }
      }
    } catch (Exception e) {
      say("Could not tell which instances own partitions (%s); choosing at random", e.getMessage());
    }
    List<ChildJvm> candidates = owners.isEmpty() ? apps : owners;
    return candidates.get(random.nextInt(candidates.size()));
  }

  private String processId(int instance) {
    Path metadata =
        settings
            .workDir()
            .resolve("state-" + instance)
            .resolve("leadstream-faults")
            .resolve("kafka-streams-process-metadata");
    try {
      return new ObjectMapper().readTree(metadata.toFile()).path("processId").asText("?");
    } catch (IOException e) {
      return "?";
    }
  }

  /**
   * Waits until every partition has the outcome of an input produced in the last {@link #STEADY}:
   * the pipeline keeps up, so a fault's recovery is not a backlog's.
   */
  private void awaitSteady(CampaignAudit audit, List<ChildJvm> apps) throws InterruptedException {
    long deadline = System.currentTimeMillis() + RECOVERY_LIMIT.toMillis();
    while (!audit.everyPartitionDeliveredSince(System.currentTimeMillis() - STEADY.toMillis())) {
      if (System.currentTimeMillis() > deadline) {
        StringBuilder message =
            new StringBuilder("The pipeline is not delivering on every partition within ")
                .append(RECOVERY_LIMIT)
                .append(" (newest input with an outcome: ")
                .append(audit.newestDeliveries(System.currentTimeMillis()))
                .append("); the logs are in ")
                .append(settings.workDir());
        for (ChildJvm app : apps) {
          message.append("\n--- the end of ").append(app.name()).append("'s log:\n");
          message.append(app.logTail());
        }
        throw new IllegalStateException(message.toString());
      }
      Thread.sleep(100);
    }
  }

  private void awaitEveryOutcome(CampaignFeed feed, CampaignAudit audit)
      throws InterruptedException {
    long deadline = System.nanoTime() + DRAIN_LIMIT.toNanos();
    while (!(audit.scored().keySet().containsAll(feed.ackedEvents())
        && audit.deadLetters().keySet().containsAll(feed.ackedMalformed()))) {
      if (System.nanoTime() > deadline) {
        say(
            "Not every input has an outcome after %d s; accounting what there is",
            DRAIN_LIMIT.toSeconds());
        return;
      }
      Thread.sleep(200);
    }
    Thread.sleep(5_000); // a duplicate would arrive after the last first outcome
  }

  private CampaignResult account(
      LeadStreamConfig config,
      CampaignFeed feed,
      CampaignAudit audit,
      List<Fault> faults,
      List<ChildJvm> apps,
      Duration elapsed)
      throws IOException {
    Set<String> events = feed.ackedEvents();
    Set<String> malformed = feed.ackedMalformed();
    long scored = events.stream().filter(audit.scored()::containsKey).count();
    long doubled = audit.scored().values().stream().filter(n -> n > 1).count();
    long deadLettered = malformed.stream().filter(audit.deadLetters()::containsKey).count();
    long deadDoubled = audit.deadLetters().values().stream().filter(n -> n > 1).count();

    List<PrioritizedLead> committed = leads(config, config.prioritizedTopic(), true);
    long written =
        TopicSnapshot.read(
            config.clientProperties(), config.prioritizedTopic(), false, record -> {});
    Set<String> entering = new HashSet<>();
    committed.stream()
        .filter(l -> l.getTier() == Tier.HOT && l.getPreviousTier() != Tier.HOT)
        .forEach(l -> entering.add(l.getEventId()));
    Map<String, Integer> hot = new HashMap<>();
    leads(config, config.hotTopic(), true).forEach(l -> hot.merge(l.getEventId(), 1, Integer::sum));
    long hotMissing = entering.stream().filter(id -> !hot.containsKey(id)).count();
    long hotExtra = hot.keySet().stream().filter(id -> !entering.contains(id)).count();
    long hotDoubled = hot.values().stream().filter(n -> n > 1).count();

    return new CampaignResult(
        events.size(),
        scored,
        events.size() - scored,
        doubled,
        malformed.size(),
        deadLettered,
        malformed.size() - deadLettered,
        deadDoubled,
        hotMissing,
        hotExtra,
        hotDoubled,
        written - committed.size(),
        faults,
        errorLines(apps),
        elapsed);
  }

  private static List<PrioritizedLead> leads(
      LeadStreamConfig config, String topic, boolean committedOnly) {
    List<PrioritizedLead> leads = new ArrayList<>();
    TopicSnapshot.read(
        config.clientProperties(),
        topic,
        committedOnly,
        record -> {
          try {
            leads.add(LeadStreamSerdes.prioritizedLead().decode(record.value()));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
    return leads;
  }

  /** The ERROR lines of every instance's logs, each prefixed with the log's name. */
  private static List<String> errorLines(List<ChildJvm> apps) throws IOException {
    List<String> errors = new ArrayList<>();
    for (ChildJvm app : apps) {
      for (Path log : app.logs()) {
        try (Stream<String> lines = Files.lines(log)) {
          lines
              .filter(line -> line.contains(" ERROR "))
              .forEach(line -> errors.add(log.getFileName() + ": " + line));
        }
      }
    }
    return errors;
  }

  private void awaitBroker(LeadStreamConfig config) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      try (Admin admin = Admin.create(config.clientProperties())) {
        admin.describeCluster().nodes().get();
        return;
      } catch (Exception e) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "The broker did not start; see " + settings.workDir().resolve("broker-1.log"), e);
        }
        Thread.sleep(500);
      }
    }
  }

  /**
   * A random pause of 3 to 8 s between faults, so that they land at random moments of the stream.
   */
  private void pause() throws InterruptedException {
    Thread.sleep(3_000 + random.nextInt(5_000));
  }

  private static void sleepUntil(long epochMillis) throws InterruptedException {
    long wait = epochMillis - System.currentTimeMillis();
    if (wait > 0) {
      Thread.sleep(wait);
    }
  }

  private void say(String format, Object... args) {
    progress.printf(format + "%n", args);
    progress.flush();
  }
}
