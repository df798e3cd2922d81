package io.leadstream.app.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Gathers settings from, in rising precedence: a properties file, environment variables and
 * command-line overrides. Environment variables: {@code LEADSTREAM_KAFKA_<KEY>} sets the Kafka
 * setting {@code <key>} (underscores become dots, e.g. {@code LEADSTREAM_KAFKA_SASL_JAAS_CONFIG});
 * any other {@code LEADSTREAM_<KEY>} sets {@code leadstream.<key>} (e.g. {@code
 * LEADSTREAM_MODEL_BUNDLE}).
 */
public final class ConfigLoader {

  private static final String ENV_PREFIX = "LEADSTREAM_";
  private static final String ENV_KAFKA_PREFIX = ENV_PREFIX + "KAFKA_";

  private ConfigLoader() {}

  public static Map<String, Object> load(
      Path file, Map<String, String> env, Map<String, String> overrides) {
    Map<String, Object> props = new HashMap<>();
    if (file != null) {
      props.putAll(readFile(file));
    }
    props.putAll(fromEnvironment(env));
    props.putAll(overrides);
    return props;
  }

  static Map<String, String> fromEnvironment(Map<String, String> env) {
    Map<String, String> props = new HashMap<>();
    env.forEach(
        (name, value) -> {
          if (name.startsWith(ENV_KAFKA_PREFIX)) {
            props.put(toKey(name.substring(ENV_KAFKA_PREFIX.length())), value);
          } else if (name.startsWith(ENV_PREFIX)) {
            props.put(LeadStreamConfig.PREFIX + toKey(name.substring(ENV_PREFIX.length())), value);
          }
        });
    return props;
  }

  private static String toKey(String envName) {
    return envName.toLowerCase(Locale.ROOT).replace('_', '.');
  }

  private static Map<String, String> readFile(Path file) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      properties.load(reader);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("Config file not found: " + file);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "Cannot read config file " + file + ": " + e.getMessage(), e);
    }
    Map<String, String> props = new HashMap<>();
    properties.stringPropertyNames().forEach(name -> props.put(name, properties.getProperty(name)));
    return props;
  }
}
