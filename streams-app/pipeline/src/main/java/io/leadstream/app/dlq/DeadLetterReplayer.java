package io.leadstream.app.dlq;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Sends dead letters' original key and value bytes back to a topic, with a {@value #REPLAY_OF}
 * header naming the dead letter, in Kafka transactions that also write each one's {@link
 * ReplayLedger} entry: a replay is committed together with its ledger entry or not at all, so a
 * crash never loses a replay from the ledger nor leaves one half done. Readers with {@code
 * isolation.level=read_committed} (LeadStream itself) see a replayed record only once its
 * transaction commits.
 *
 * <p>The transactional id is derived from the dead-letter topic ({@link #transactionalId}), so
 * {@link #start starting} a replayer fences any earlier one of the same dead-letter topic still
 * running and aborts whatever transaction a crashed one left open. Not thread-safe.
 */
public final class DeadLetterReplayer implements AutoCloseable {

  /** Header of a replayed record: the dead letter it came from, {@code topic/partition/offset}. */
  public static final String REPLAY_OF = "leadstream.replay.of";

  private final Producer<byte[], byte[]> producer;
  private final ReplayTarget target;
  private final ReplayLedger ledger;
  private final int transactionSize;
  private final Clock clock;
  private final List<RecordPosition> pending = new ArrayList<>();
  private final AtomicReference<Exception> sendFailure = new AtomicReference<>();
  private long committed;

  private DeadLetterReplayer(
      Producer<byte[], byte[]> producer,
      ReplayTarget target,
      ReplayLedger ledger,
      int transactionSize,
      Clock clock) {
    this.producer = producer;
    this.target = target;
    this.ledger = ledger;
    this.transactionSize = transactionSize;
    this.clock = clock;
  }

  /** The transactional id of the replays of a dead-letter topic. */
  public static String transactionalId(String deadLetterTopic) {
    return "leadstream-dlq-replay-" + deadLetterTopic;
  }

  /**
   * A transactional producer of bytes for the replays of a dead-letter topic.
   *
   * @param clientProperties Kafka client settings (bootstrap servers, security, max.request.size,
   *     ...)
   */
  public static Producer<byte[], byte[]> openProducer(
      Map<String, Object> clientProperties, String deadLetterTopic) {
    Map<String, Object> props = new HashMap<>(clientProperties);
    props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId(deadLetterTopic));
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
  }

  /**
   * Initializes the producer's transactions, which fences an earlier replayer with the same
   * transactional id and completes or aborts the transaction it left. Read the ledger after this,
   * not before: only then does it hold every replay that will ever commit under this id.
   *
   * @param producer from {@link #openProducer}; the replayer closes it
   * @param target where each dead letter goes back to (the input topic it came from)
   * @param transactionSize dead letters per transaction (at least 1)
   */
  public static DeadLetterReplayer start(
      Producer<byte[], byte[]> producer,
      ReplayTarget target,
      ReplayLedger ledger,
      int transactionSize,
      Clock clock) {
    if (transactionSize < 1) {
      throw new IllegalArgumentException(
          "transactionSize must be at least 1, was " + transactionSize);
    }
    try {
      producer.initTransactions();
    } catch (RuntimeException e) {
      producer.close();
      throw e;
    }
    return new DeadLetterReplayer(producer, target, ledger, transactionSize, clock);
  }

  /**
   * Adds a dead letter to the open transaction (beginning one if needed), and commits once the
   * transaction holds {@code transactionSize} dead letters.
   *
   * @param key the key to send: the dead letter's, or the source record's when it was omitted
   * @param value the bytes to send: the dead letter's value, or the source record's when it was
   *     omitted
   * @throws IllegalStateException when sending or committing fails; the open transaction is then
   *     aborted (nothing of it is visible), and what was committed before stays committed
   */
  public void replay(DeadLetter deadLetter, byte[] key, byte[] value) {
    try {
      if (pending.isEmpty()) {
        producer.beginTransaction();
      }
      pending.add(deadLetter.position());
      RecordHeaders headers = new RecordHeaders();
      headers.add(REPLAY_OF, deadLetter.position().toString().getBytes(StandardCharsets.UTF_8));
      producer.send(
          new ProducerRecord<>(target.topicOf(deadLetter), null, key, value, headers),
          this::onSent);
      producer.send(ledger.entry(deadLetter.position(), clock.instant()), this::onSent);
    } catch (KafkaException e) {
      throw failed(e);
    }
    if (pending.size() >= transactionSize) {
      commit();
    }
  }

  /**
   * Commits the open transaction, if any.
   *
   * @throws IllegalStateException when the commit fails; the transaction is then aborted
   */
  public void commit() {
    if (pending.isEmpty()) {
      return;
    }
    try {
      producer.commitTransaction();
    } catch (KafkaException e) {
      throw failed(e);
    }
    committed += pending.size();
    pending.clear();
  }

  /** Dead letters whose replay is committed. */
  public long committed() {
    return committed;
  }

  /** Aborts a transaction still open (nothing of it becomes visible) and closes the producer. */
  @Override
  public void close() {
    try {
      if (!pending.isEmpty()) {
        producer.abortTransaction();
        pending.clear();
      }
    } catch (KafkaException | IllegalStateException e) {
      // a fenced or failed producer cannot abort; the next replayer's start aborts for it
    } finally {
      producer.close();
    }
  }

  private static boolean isFencing(Throwable e) {
    return e instanceof ProducerFencedException || e instanceof InvalidProducerEpochException;
  }

  private void onSent(Object metadata, Exception exception) {
    if (exception != null) {
      sendFailure.compareAndSet(null, exception);
    }
  }

  private IllegalStateException failed(KafkaException e) {
    int rolledBack = pending.size();
    boolean fenced = isFencing(e) || isFencing(e.getCause());
    if (!fenced) {
      try {
        producer.abortTransaction();
      } catch (KafkaException | IllegalStateException abortFailure) {
        e.addSuppressed(abortFailure);
      }
    }
    pending.clear();
    Exception cause = sendFailure.get() != null ? sendFailure.get() : e;
    String why =
        fenced
            ? "another replay of the same dead-letter topic started and took over"
            : String.valueOf(cause.getMessage()).replaceFirst("\\.$", "");
    String last =
        e instanceof TimeoutException
            ? "The last "
                + rolledBack
                + " dead letters may or may not be committed (the ledger knows)"
            : "The last " + rolledBack + " dead letters were rolled back (not sent)";
    return new IllegalStateException(
        "Replay stopped: "
            + why
            + ". "
            + last
            + "; "
            + committed
            + " replayed before are committed and in the ledger. Running it again goes on from there.",
        e);
  }
}
