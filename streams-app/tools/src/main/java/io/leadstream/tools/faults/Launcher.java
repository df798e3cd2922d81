package io.leadstream.tools.faults;

/**
 * How to start a {@code leadstream} command in a JVM of its own ({@link ChildJvm}).
 *
 * @param classPath the class path to run the launcher from
 * @param mainClass the class with the launcher's main method
 */
public record Launcher(String classPath, String mainClass) {}
