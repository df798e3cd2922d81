package io.leadstream.app.ops;

import io.leadstream.app.metrics.PipelineMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Everything {@code /metrics} shows for one instance: LeadStream's pipeline meters, Kafka Streams'
 * and its clients' metrics (consumer lag per partition among them, re-read every {@code
 * leadstream.metrics.refresh.ms}), JVM and process metrics, and the serving model bundle as {@code
 * leadstream_model_info{version="..."} 1}.
 */
public final class AppMetrics implements AutoCloseable {

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final PipelineMetrics pipeline = new PipelineMetrics(registry);
  private final ScheduledExecutorService refresher =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "leadstream-metrics-refresh");
            thread.setDaemon(true);
            return thread;
          });
  private final JvmGcMetrics gc;
  private KafkaStreamsMetrics kafka;
  private Gauge modelInfo;

  public AppMetrics() {
    new ClassLoaderMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    gc = new JvmGcMetrics();
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  /** The first bundle serves: the info metric names it. */
  public synchronized void modelLoaded(String version) {
    if (modelInfo != null) {
      registry.remove(modelInfo);
    }
    modelInfo = modelInfoGauge(version);
  }

  private Gauge modelInfoGauge(String version) {
    return Gauge.builder("leadstream.model.info", () -> 1)
        .description("The model bundle serving, as a tag")
        .tag("version", version)
        .register(registry);
  }

  /** A new bundle serves: the info metric names it, and a reload counts as loaded. */
  public synchronized void modelSwapped(String previousVersion, String newVersion) {
    modelLoaded(newVersion);
    reloads("loaded").increment();
  }

  /** A new bundle was rejected (unreadable, failed verification or the smoke check). */
  public void modelRejected() {
    reloads("rejected").increment();
  }

  private Counter reloads(String result) {
    return Counter.builder("leadstream.model.reloads")
        .description("Attempts to swap in a new model bundle, by result")
        .tag("result", result)
        .register(registry);
  }

  /** Meters the processors and the dead-letter handler record into. */
  public PipelineMetrics pipeline() {
    return pipeline;
  }

  /** The registry behind {@code /metrics}, for meters registered elsewhere (live evaluation). */
  public MeterRegistry registry() {
    return registry;
  }

  /** Adds Kafka Streams' and its clients' metrics, refreshed every {@code refresh}. */
  public void bind(KafkaStreams streams, Duration refresh) {
    kafka = new KafkaStreamsMetrics(streams, Tags.empty(), refresher, refresh);
    kafka.bindTo(registry);
  }

  /** Every metric in Prometheus text format. */
  public String scrape() {
    return registry.scrape();
  }

  @Override
  public void close() {
    if (kafka != null) {
      kafka.close();
    }
    gc.close();
    refresher.shutdownNow();
    registry.close();
  }
}
