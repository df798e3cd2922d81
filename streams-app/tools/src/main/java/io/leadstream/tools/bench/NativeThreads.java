package io.leadstream.tools.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * CPU time of the process's threads that are not Java threads, by the name Linux gives them: the
 * garbage collector's ({@code GC Thread#0}, {@code G1 Conc#0}, {@code G1 Refine#0}, ...), the JIT
 * compilers' ({@code C2 CompilerThre}), RocksDB's ({@code rocksdb:low}, {@code rocksdb:high}). Read
 * from {@code /proc/self/task/<tid>/stat} (user + system time, in clock ticks of 10 ms); empty
 * where there is no /proc.
 */
final class NativeThreads {

  private static final long NANOS_PER_TICK = 10_000_000L; // USER_HZ 100 on Linux

  private NativeThreads() {}

  /** A native thread's CPU time so far. */
  record Used(String tid, ThreadCpu.Group group, long nanos) {}

  /** The named native threads alive now; none where there is no /proc. */
  static List<Used> read() {
    List<Used> threads = new ArrayList<>();
    try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
      tasks.forEach(task -> read(task).ifPresent(threads::add));
    } catch (IOException e) {
      // no /proc: the native threads stay in the process's remainder
    }
    return threads;
  }

  private static Optional<Used> read(Path task) {
    try {
      ThreadCpu.Group group = groupOf(Files.readString(task.resolve("comm")).strip());
      if (group == null) {
        return Optional.empty();
      }
      long nanos = ticks(Files.readString(task.resolve("stat"))) * NANOS_PER_TICK;
      return Optional.of(new Used(task.getFileName().toString(), group, nanos));
    } catch (IOException e) {
      return Optional.empty(); // the thread ended while being read
    }
  }

  /** The group of a native thread's name, or null for a Java thread's or an unknown one. */
  static ThreadCpu.Group groupOf(String comm) {
    if (comm.startsWith("GC Thread") || comm.startsWith("G1 ")) {
      return ThreadCpu.Group.GC;
    }
    if (comm.startsWith("C1 Compiler") || comm.startsWith("C2 Compiler")) {
      return ThreadCpu.Group.JIT;
    }
    if (comm.startsWith("rocksdb:")) {
      return ThreadCpu.Group.ROCKSDB;
    }
    return null;
  }

  /** utime + stime of a {@code stat} line: fields 14 and 15, counted after the name's ")". */
  static long ticks(String stat) {
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }
}
