package io.leadstream.tools.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The process's CPU time by what its threads do, so a bench run can say where the CPU beside the
 * encoder goes: Kafka Streams' stream threads (which also run the encoder and scorer: one ONNX
 * Runtime thread per call runs on the calling thread), the app's other client threads, the
 * in-process broker, the bench's own producer and reader, and the threads Linux names for the
 * garbage collector, the JIT compilers and RocksDB ({@link NativeThreads}); the rest of the
 * process's CPU time is "other".
 */
public final class ThreadCpu {

  /** What a thread does, told by its name. */
  public enum Group {
    STREAM_THREADS("stream threads (Streams, encoder, scorer)"),
    APP_CLIENTS("the app's producer, restore and other threads"),
    BROKER("the in-process broker"),
    BENCH_CLIENTS("the bench's producer, reader and encoder callers"),
    GC("the garbage collector"),
    JIT("the JIT compilers"),
    ROCKSDB("RocksDB's flush and compaction threads"),
    OTHER_NATIVE("other threads (the JVM's, native)");

    final String description;

    Group(String description) {
      this.description = description;
    }
  }

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** The JVM's own Java threads. */
  private static final Set<String> JVM_THREADS =
      Set.of(
          "Reference Handler",
          "Finalizer",
          "Signal Dispatcher",
          "Common-Cleaner",
          "Notification Thread",
          "Attach Listener");

  private ThreadCpu() {}

  /**
   * Every thread's CPU time so far and its group, keyed by thread ({@code j<id>} for Java threads,
   * {@code n<tid>} for native ones), and the whole process's.
   */
  record Reading(Map<String, Group> groups, Map<String, Long> nanos, long process) {}

  /** What every thread has used so far. */
  static Reading now() {
    Map<String, Group> groups = new HashMap<>();
    Map<String, Long> nanos = new HashMap<>();
    for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
      long used = info == null ? -1 : THREADS.getThreadCpuTime(info.getThreadId());
      // the JIT's threads are Java threads too: they are read below, by their Linux name
      if (used >= 0 && NativeThreads.groupOf(info.getThreadName()) == null) {
        groups.put("j" + info.getThreadId(), groupOf(info.getThreadName()));
        nanos.put("j" + info.getThreadId(), used);
      }
    }
    for (NativeThreads.Used thread : NativeThreads.read()) {
      groups.put("n" + thread.tid(), thread.group());
      nanos.put("n" + thread.tid(), thread.nanos());
    }
    long process =
        ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    return new Reading(groups, nanos, process);
  }

  /**
   * CPU nanoseconds each group used between two readings: per thread alive at the second (a thread
   * born between them from 0); what the process used beyond them (threads that ended meanwhile) is
   * "other".
   */
  static Map<Group, Long> between(Reading before, Reading after) {
    Map<Group, Long> used = new EnumMap<>(Group.class);
    for (Group group : Group.values()) {
      used.put(group, 0L);
    }
    long counted = 0;
    for (Map.Entry<String, Long> thread : after.nanos().entrySet()) {
      long delta = thread.getValue() - before.nanos().getOrDefault(thread.getKey(), 0L);
      used.merge(after.groups().get(thread.getKey()), delta, Long::sum);
      counted += delta;
    }
    used.merge(
        Group.OTHER_NATIVE, Math.max(0, after.process() - before.process() - counted), Long::sum);
    return used;
  }

  /** CPU milliseconds per lead of each group. */
  static Map<Group, Double> msPerLead(Map<Group, Long> nanos, int leads) {
    Map<Group, Double> perLead = new EnumMap<>(Group.class);
    nanos.forEach((group, used) -> perLead.put(group, used / 1e6 / leads));
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
    if (thread.equals("main")
        || thread.startsWith("pool-")
        || thread.contains("| producer-")
        || thread.contains("| consumer-")) {
      return Group.BENCH_CLIENTS;
    }
    if (JVM_THREADS.contains(thread)) {
      return Group.OTHER_NATIVE;
    }
    return Group.BROKER;
  }
}
