package io.leadstream.tools.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/**
 * For commands whose output is a console report (demo, bench): only errors on stderr, so that the
 * broker's, DJL's and Kafka's start-up chatter does not bury the report.
 */
final class ConsoleLogging {

  private ConsoleLogging() {}

  static void quiet(boolean verbose) {
    if (verbose || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext)) {
      return;
    }
    ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.ERROR);
    // the report shows dead letters itself; DJL warns about the missing GPU at every start
    ((Logger) LoggerFactory.getLogger("io.leadstream")).setLevel(Level.ERROR);
    ((Logger) LoggerFactory.getLogger("ai.djl")).setLevel(Level.ERROR);
  }
}
