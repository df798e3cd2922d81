package io.leadstream.tools.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.EnumMap;
import java.util.Map;

/**
 * The process's CPU time by what its threads do, so a bench run can say where the CPU beside the
 * encoder goes: Kafka Streams' stream threads (which also run the encoder and scorer: one ONNX
 * Runtime thread per call runs on the calling thread), the app's other client threads, the
 * in-process broker, the bench's own producer and reader, and what no Java thread accounts for (the
 * JVM's garbage collector and JIT compiler, native threads).
 */
public final class ThreadCpu {

  /** What a thread does, told by its name. */
  public enum Group {
    STREAM_THREADS("stream threads (Streams, encoder, scorer)"),
    APP_CLIENTS("the app's producer, restore and other threads"),
    BROKER("the in-process broker"),
    BENCH_CLIENTS("the bench's producer and reader"),
    JVM("GC, JIT and native threads");

    final String description;

    Group(String description) {
      this.description = description;
    }
  }

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private ThreadCpu() {}

  /** CPU nanoseconds each group has used so far (threads gone by now are not counted). */
  static Map<Group, Long> now() {
    Map<Group, Long> used = new EnumMap<>(Group.class);
    for (Group group : Group.values()) {
      used.put(group, 0L);
    }
    long javaThreads = 0;
    for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
      if (info == null) {
        continue;
      }
      long nanos = THREADS.getThreadCpuTime(info.getThreadId());
      if (nanos > 0) {
        used.merge(groupOf(info.getThreadName()), nanos, Long::sum);
        javaThreads += nanos;
      }
    }
    long process =
        ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    used.put(Group.JVM, Math.max(0, process - javaThreads));
    return used;
  }

  /** CPU milliseconds per lead of each group between two readings. */
  static Map<Group, Double> msPerLead(Map<Group, Long> before, Map<Group, Long> after, int leads) {
    Map<Group, Double> perLead = new EnumMap<>(Group.class);
    for (Group group : Group.values()) {
      perLead.put(group, (after.get(group) - before.get(group)) / 1e6 / leads);
    }
    return perLead;
  }

  static Group groupOf(String thread) {
    if (thread.contains("-StreamThread-") && !thread.startsWith("kafka-producer-network-thread")) {
      return Group.STREAM_THREADS;
    }
    if (thread.contains("StreamThread")
        || thread.contains("StateUpdater")
        || thread.startsWith("leadstream-")
        || thread.contains("| leadstream-")) {
      return Group.APP_CLIENTS;
    }
    if (thread.equals("main") || thread.contains("| producer-") || thread.contains("| consumer-")) {
      return Group.BENCH_CLIENTS;
    }
    return Group.BROKER;
  }
}
