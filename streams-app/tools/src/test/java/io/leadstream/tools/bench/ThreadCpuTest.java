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
    assertThat(ThreadCpu.groupOf("Reference Handler")).isEqualTo(Group.OTHER_NATIVE);
  }

  @Test
  void shouldTellNativeThreadsByTheirLinuxNames() {
    assertThat(NativeThreads.groupOf("GC Thread#0")).isEqualTo(Group.GC);
    assertThat(NativeThreads.groupOf("G1 Conc#0")).isEqualTo(Group.GC);
    assertThat(NativeThreads.groupOf("C2 CompilerThre")).isEqualTo(Group.JIT);
    assertThat(NativeThreads.groupOf("rocksdb:low")).isEqualTo(Group.ROCKSDB);
    assertThat(NativeThreads.groupOf("data-plane-kafk")).isNull();
    // pid (comm with a space) state ppid ... utime stime: fields 14 and 15
    assertThat(NativeThreads.ticks("42 (GC Thread#0) S 1 2 3 4 5 6 7 8 9 10 70 5 0 0"))
        .isEqualTo(75);
  }

  @Test
  void shouldCountTheCpuOfAThreadThatWorks() throws Exception {
    ThreadCpu.Reading before = ThreadCpu.now();
    long sink = 0;
    for (long i = 0; i < 200_000_000L; i++) {
      sink += i ^ (sink >>> 3);
    }
    Map<Group, Double> perLead = ThreadCpu.msPerLead(ThreadCpu.between(before, ThreadCpu.now()), 1);
    assertThat(sink).isNotZero();
    assertThat(perLead.get(Group.BENCH_CLIENTS)).as("the test's main thread").isGreaterThan(10.0);
    assertThat(perLead.values()).allSatisfy(ms -> assertThat(ms).isNotNegative());
  }

  @Test
  void shouldNotLoseCpuWhenAThreadEndsBetweenReadings() throws Exception {
    Thread worker =
        new Thread(
            () -> {
              long sink = 0;
              for (long i = 0; i < 100_000_000L; i++) {
                sink += i ^ (sink >>> 5);
              }
              if (sink == 42) {
                System.out.println(sink);
              }
            },
            "data-plane-kafka-request-handler-test");
    worker.start();
    worker.join();
    ThreadCpu.Reading before = ThreadCpu.now(); // the worker's CPU is in neither reading now
    Map<Group, Long> used = ThreadCpu.between(before, ThreadCpu.now());
    assertThat(used.values()).allSatisfy(nanos -> assertThat(nanos).isNotNegative());
  }
}
