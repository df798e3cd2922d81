package io.leadstream.tools.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the Node.js scripts of {@code clients/node} with the {@code node} on the PATH. Fails, never
 * skips, when Node or the folder's packages are missing: the build installs them ({@code npm ci}).
 */
public final class NodeScripts {

  /** Set by the build (surefire and failsafe); else the folder relative to this module. */
  private static final String FOLDER_PROPERTY = "leadstream.node.clients";

  private static final String INSTALL = "npm ci --prefix clients/node";

  private NodeScripts() {}

  /** What a script printed and how it ended. */
  public record Result(int exitCode, String stdout, String stderr) {

    /** Its last line on stdout, where the scripts print their JSON result. */
    public String lastLine() {
      List<String> lines = stdout.strip().lines().toList();
      return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr;
    }
  }

  /** The {@code clients/node} folder. */
  public static Path folder() {
    String configured = System.getProperty(FOLDER_PROPERTY);
    Path folder = configured != null ? Path.of(configured) : Path.of("..", "..", "clients", "node");
    return folder.toAbsolutePath().normalize();
  }

  /**
   * Fails with what to do when {@code node} is not on the PATH or {@code clients/node} has no
   * {@code node_modules}.
   */
  public static void requireInstalled() {
    Result version;
    try {
      version = execute(Duration.ofSeconds(30), List.of("node", "--version"));
    } catch (IOException e) {
      throw new AssertionError(
          "Node.js is not on the PATH (" + e.getMessage() + "): install Node 20+, then " + INSTALL,
          e);
    }
    if (version.exitCode() != 0) {
      throw new AssertionError("`node --version` failed: " + version);
    }
    if (!Files.isDirectory(folder().resolve("node_modules/@kafkajs/confluent-schema-registry"))) {
      throw new AssertionError(
          folder()
              + " has no node_modules (or lacks @kafkajs/confluent-schema-registry): run "
              + INSTALL
              + " at the repository root (the Maven build does it unless tests are skipped)");
    }
  }

  /**
   * Runs {@code node <script> <arguments>} in {@link #folder()}, killing it after {@code timeout}.
   */
  public static Result run(Duration timeout, String script, String... arguments)
      throws IOException {
    requireInstalled();
    List<String> command = new ArrayList<>(List.of("node", script));
    command.addAll(List.of(arguments));
    return execute(timeout, command);
  }

  private static Result execute(Duration timeout, List<String> command) throws IOException {
    Path stdout = Files.createTempFile("leadstream-node-", ".stdout");
    Path stderr = Files.createTempFile("leadstream-node-", ".stderr");
    try {
      Process process =
          new ProcessBuilder(command)
              .directory(Files.isDirectory(folder()) ? folder().toFile() : null)
              .redirectOutput(stdout.toFile())
              .redirectError(stderr.toFile())
              .start();
      process.getOutputStream().close();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor();
        throw new AssertionError(
            "`"
                + String.join(" ", command)
                + "` ran over "
                + timeout
                + "\nstdout:\n"
                + Files.readString(stdout)
                + "\nstderr:\n"
                + Files.readString(stderr));
      }
      return new Result(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running " + command, e);
    } finally {
      Files.deleteIfExists(stdout);
      Files.deleteIfExists(stderr);
    }
  }
}
