package io.leadstream.tools.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@code leadstream} command in a JVM of its own, with its output in a log file, that the
 * campaign (and state-cost) can kill -9, pause (SIGSTOP), resume (SIGCONT), stop and start again.
 */
public final class ChildJvm {

  private final String name;
  private final String classPath;
  private final String mainClass;
  private final List<String> jvmOptions;
  private final List<String> arguments;
  private final Path logDir;
  private Process process;
  private int starts;

  /**
   * @param classPath the class path to run the launcher from
   * @param mainClass the launcher's class
   * @param jvmOptions options of the JVM, before the class (e.g. {@code -Xmx2g})
   * @param arguments the command line after {@code leadstream}
   */
  public ChildJvm(
      String name,
      String classPath,
      String mainClass,
      List<String> jvmOptions,
      List<String> arguments,
      Path logDir) {
    this.name = name;
    this.classPath = classPath;
    this.mainClass = mainClass;
    this.jvmOptions = List.copyOf(jvmOptions);
    this.arguments = List.copyOf(arguments);
    this.logDir = logDir;
  }

  public String name() {
    return name;
  }

  /** Starts the process; each start logs to a file of its own ({@code <name>-<n>.log}). */
  public ChildJvm start() {
    List<String> command =
        new ArrayList<>(
            List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g"));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", classPath, mainClass));
    command.addAll(arguments);
    try {
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log(++starts).toFile())
              .start();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start " + name, e);
    }
  }

  /** SIGKILL: no shutdown hook, no commit, no leaving the consumer group. */
  public void kill() {
    process.destroyForcibly();
    waitFor();
  }

  /** SIGTERM, and waits for the process to end. */
  public void stop() {
    if (process != null && process.isAlive()) {
      process.destroy();
      waitFor();
    }
  }

  /** SIGSTOP: the process hangs, sockets open, answering nothing. */
  void pause() {
    signal("-STOP");
  }

  /** SIGCONT after {@link #pause()}. */
  void resume() {
    signal("-CONT");
  }

  public boolean alive() {
    return process != null && process.isAlive();
  }

  /** The log files of every start, oldest first. */
  public List<Path> logs() {
    List<Path> logs = new ArrayList<>();
    for (int i = 1; i <= starts; i++) {
      logs.add(log(i));
    }
    return logs;
  }

  /** The latest start's log, whole. */
  public String log() {
    try {
      return Files.readString(log(starts));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the log of " + name, e);
    }
  }

  /** The last 4,000 characters of the latest start's log, for an error message. */
  public String logTail() {
    try {
      String log = log();
      return log.substring(Math.max(0, log.length() - 4000));
    } catch (UncheckedIOException e) {
      return "(no log: " + e.getCause().getMessage() + ")";
    }
  }

  private Path log(int start) {
    return logDir.resolve(name + "-" + start + ".log");
  }

  private void signal(String signal) {
    try {
      int rc =
          new ProcessBuilder("kill", signal, Long.toString(process.pid()))
              .inheritIO()
              .start()
              .waitFor();
      if (rc != 0) {
        throw new IllegalStateException(
            "kill " + signal + " " + process.pid() + " failed with " + rc);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void waitFor() {
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
