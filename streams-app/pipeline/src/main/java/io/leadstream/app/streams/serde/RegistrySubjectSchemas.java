package io.leadstream.app.streams.serde;

import io.leadstream.schema.registry.SchemaRegistryClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.SchemaStore;

/**
 * The writer schemas a registry subject holds, found by single-object fingerprint, so that a
 * producer that registers a new version is read without a restart: a fingerprint not among the
 * versions read so far has the subject's versions read again, at most once per {@link
 * #REFRESH_INTERVAL} (a stream of unknown fingerprints does not become a stream of requests).
 * Versions that cannot be read as the reader schema are left out. Shared by the decoders of every
 * task: thread-safe.
 */
public final class RegistrySubjectSchemas implements SchemaStore {

  static final Duration REFRESH_INTERVAL = Duration.ofMinutes(1);

  private final SchemaRegistryClient registry;
  private final String subject;
  private final Schema reader;
  private final Map<Long, Schema> byFingerprint = new HashMap<>();
  private long nextRefreshNanos = System.nanoTime();

  public RegistrySubjectSchemas(SchemaRegistryClient registry, String subject, Schema reader) {
    this.registry = registry;
    this.subject = subject;
    this.reader = reader;
  }

  /**
   * @return the writer schema, or null when the subject holds none readable with that fingerprint
   * @throws io.leadstream.schema.registry.RegistryException when the registry cannot be asked:
   *     infrastructure, which the decoder must not turn into a dead letter
   */
  @Override
  public synchronized Schema findByFingerprint(long fingerprint) {
    Schema known = byFingerprint.get(fingerprint);
    if (known == null && System.nanoTime() - nextRefreshNanos >= 0) {
      nextRefreshNanos = System.nanoTime() + REFRESH_INTERVAL.toNanos();
      for (Schema writer : WriterSchemas.fromRegistry(registry, subject, reader)) {
        byFingerprint.put(SchemaNormalization.parsingFingerprint64(writer), writer);
      }
      known = byFingerprint.get(fingerprint);
    }
    return known;
  }
}
