package io.leadstream.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadstream.tools.cli.LeadStreamCli;
import io.leadstream.tools.faults.CampaignResult;
import io.leadstream.tools.faults.FaultCampaign;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The short form of the fault campaign (`leadstream faults` runs the long one): a broker and two
 * instances in processes of their own under a steady producer, three kill -9 (one left down while
 * the other takes over), the broker killed and hung. Nothing may be lost or doubled, the hot topic
 * must hold exactly the events that entered HOT, every fault must be recovered from, and normal
 * recovery must not log an ERROR.
 */
class FaultCampaignIT {

  @TempDir Path work;

  @Test
  void shouldLoseAndDoubleNothingThroughKillsAndBrokerOutages() throws Exception {
    StringWriter progress = new StringWriter();
    FaultCampaign.Settings settings =
        new FaultCampaign.Settings(
            2,
            3,
            List.of(Duration.ofSeconds(8)),
            List.of(Duration.ofSeconds(8)),
            20,
            4,
            Duration.ofSeconds(15),
            true,
            7,
            work,
            IntegrationConfigs.testClassPath(),
            LeadStreamCli.class.getName(),
            List.of());

    CampaignResult result;
    try {
      result = new FaultCampaign(settings, new PrintWriter(progress)).run();
    } finally {
      System.out.println(progress); // what the campaign did, also when it stopped short
    }

    StringWriter report = new StringWriter();
    result.print(new PrintWriter(report));
    assertThat(result.validSent()).as(report.toString()).isGreaterThan(800);
    assertThat(result.exact()).as(report.toString()).isTrue();
    assertThat(result.faults())
        .as(report.toString())
        .hasSize(5)
        .allSatisfy(fault -> assertThat(fault.recovery()).as(fault.kind()).isPresent());
    // restoring state after a kill, and rejoining after a broker outage, is normal recovery, not an
    // ERROR
    assertThat(result.errorLines())
        .as(report.toString())
        .noneMatch(
            line ->
                line.contains("Get exceptions for the following tasks")
                    || line.contains("LeaveGroup"));
    System.out.println(report);
  }
}
