package io.leadstream.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadstream.tools.bench.ThreadCpu.Group;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThreadCpuTest {

  private static final String APP = "leadstream-bench-5c1a9d2e-7b3f-4e0a-9d61-0f2b8a6c3e11";

  @Test
  void shouldTellThreadsByTheNamesKafkaAndTheAppGiveThem() {
    assertThat(ThreadCpu.groupOf(APP + "-StreamThread-1")).isEqualTo(Group.STREAM_THREADS);
    assertThat(
            ThreadCpu.groupOf(
                "kafka-producer-network-thread | " + APP + "-StreamThread-2-producer"))
        .isEqualTo(Group.APP_CLIENTS);
    assertThat(ThreadCpu.groupOf(APP + "-StateUpdater-1")).isEqualTo(Group.APP_CLIENTS);
    assertThat(ThreadCpu.groupOf("kafka-coordinator-heartbeat-thread | leadstream-bench"))
        .isEqualTo(Group.APP_CLIENTS);
    assertThat(ThreadCpu.groupOf("leadstream-labelled-tail")).isEqualTo(Group.APP_CLIENTS);
    assertThat(ThreadCpu.groupOf("main")).isEqualTo(Group.BENCH_CLIENTS);
    assertThat(ThreadCpu.groupOf("kafka-producer-network-thread | producer-3"))
        .isEqualTo(Group.BENCH_CLIENTS);
    assertThat(ThreadCpu.groupOf("data-plane-kafka-request-handler-7")).isEqualTo(Group.BROKER);
    assertThat(ThreadCpu.groupOf("kafka-1-raft-io-thread")).isEqualTo(Group.BROKER);
  }

  @Test
  void shouldCountTheCpuOfAThreadThatWorks() throws Exception {
    Map<Group, Long> before = ThreadCpu.now();
    long sink = 0;
    for (long i = 0; i < 200_000_000L; i++) {
      sink += i ^ (sink >>> 3);
    }
    Map<Group, Double> perLead = ThreadCpu.msPerLead(before, ThreadCpu.now(), 1);
    assertThat(sink).isNotZero();
    assertThat(perLead.get(Group.BENCH_CLIENTS)).as("the test's main thread").isGreaterThan(10.0);
  }
}
