package io.leadstream.app.runtime;

import io.leadstream.app.config.LeadStreamConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The largest dead letter that can be written: the lesser of the dead-letter topic's {@code
 * max.message.bytes} (asked of the cluster once at start) and the Streams producer's {@code
 * max.request.size}.
 */
final class DeadLetterLimit {

  private static final Logger log = LoggerFactory.getLogger(DeadLetterLimit.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final int PRODUCER_DEFAULT = 1024 * 1024;

  private DeadLetterLimit() {}

  static long of(LeadStreamConfig config) {
    long producer = producerMaxRequestSize(config.streamsProperties());
    try (Admin admin = Admin.create(config.clientProperties())) {
      ConfigResource topic =
          new ConfigResource(ConfigResource.Type.TOPIC, config.deadLetterTopic());
      Config described =
          admin
              .describeConfigs(List.of(topic))
              .all()
              .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
              .get(topic);
      ConfigEntry entry = described.get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
      long limit = entry == null ? producer : Math.min(producer, Long.parseLong(entry.value()));
      log.info("Dead letters larger than {} bytes are written without their value", limit);
      return limit;
    } catch (ExecutionException | TimeoutException e) {
      log.warn(
          "Could not read max.message.bytes of {} ({}); dead letters are capped at max.request.size, {} bytes",
          config.deadLetterTopic(),
          e.getMessage(),
          producer);
      return producer;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return producer;
    }
  }

  private static long producerMaxRequestSize(Map<String, Object> streamsProperties) {
    Object value =
        streamsProperties.getOrDefault(
            StreamsConfig.PRODUCER_PREFIX + ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
            streamsProperties.get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG));
    return value == null ? PRODUCER_DEFAULT : Long.parseLong(value.toString());
  }
}
