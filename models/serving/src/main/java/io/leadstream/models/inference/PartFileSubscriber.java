package io.leadstream.models.inference;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.LongConsumer;

/**
 * Streams a response body into a {@code .part} file while hashing it, either from the start
 * (truncating) or appended to the bytes already there. The body is the file's size on disk when the
 * response ends.
 *
 * <p>{@link #abort()} stops writing at once, from any thread: once it returns, the file is closed
 * and no more bytes reach it, so the next attempt can reopen it safely.
 */
final class PartFileSubscriber implements HttpResponse.BodySubscriber<Long> {

  private final Path part;
  private final boolean append;
  private final MessageDigest digest;
  private final LongConsumer onBytes;
  private final CompletableFuture<Long> result = new CompletableFuture<>();

  private Flow.Subscription subscription;
  private FileChannel channel;
  private long size;
  private boolean stopped;
  private volatile long lastActivityNanos = System.nanoTime();

  /**
   * @param part the file to write
   * @param offset bytes already in {@code part} that {@code digest} has seen; 0 truncates
   * @param digest digest to continue with the body's bytes
   * @param onBytes receives the file size after each chunk
   */
  PartFileSubscriber(Path part, long offset, MessageDigest digest, LongConsumer onBytes) {
    this.part = part;
    this.append = offset > 0;
    this.size = offset;
    this.digest = digest;
    this.onBytes = onBytes;
  }

  @Override
  public synchronized void onSubscribe(Flow.Subscription newSubscription) {
    subscription = newSubscription;
    if (stopped) {
      newSubscription.cancel();
      return;
    }
    try {
      channel =
          append
              ? FileChannel.open(part, StandardOpenOption.WRITE, StandardOpenOption.APPEND)
              : FileChannel.open(
                  part,
                  StandardOpenOption.CREATE,
                  StandardOpenOption.WRITE,
                  StandardOpenOption.TRUNCATE_EXISTING);
    } catch (IOException e) {
      fail(e);
      return;
    }
    touch();
    onBytes.accept(size);
    newSubscription.request(1);
  }

  @Override
  public synchronized void onNext(List<ByteBuffer> buffers) {
    if (stopped) {
      return;
    }
    try {
      for (ByteBuffer buffer : buffers) {
        ByteBuffer hashed = buffer.duplicate();
        while (buffer.hasRemaining()) {
          size += channel.write(buffer);
        }
        digest.update(hashed);
      }
    } catch (IOException e) {
      fail(e);
      return;
    }
    touch();
    onBytes.accept(size);
    subscription.request(1);
  }

  @Override
  public synchronized void onError(Throwable error) {
    if (!stopped) {
      stopped = true;
      close();
    }
    result.completeExceptionally(error);
  }

  @Override
  public synchronized void onComplete() {
    if (stopped) {
      return;
    }
    stopped = true;
    try {
      channel.force(false);
      channel.close();
      result.complete(size);
    } catch (IOException e) {
      close();
      result.completeExceptionally(e);
    }
  }

  @Override
  public CompletionStage<Long> getBody() {
    return result;
  }

  /** Cancels the transfer and closes the file; no byte is written after this returns. */
  synchronized void abort() {
    if (stopped) {
      return;
    }
    stopped = true;
    if (subscription != null) {
      subscription.cancel();
    }
    close();
    result.completeExceptionally(new IOException("transfer aborted"));
  }

  /** Nanoseconds since the last byte arrived (or since the body started). */
  long idleNanos() {
    return System.nanoTime() - lastActivityNanos;
  }

  private void touch() {
    lastActivityNanos = System.nanoTime();
  }

  private void fail(IOException e) {
    stopped = true;
    if (subscription != null) {
      subscription.cancel();
    }
    close();
    result.completeExceptionally(e);
  }

  private void close() {
    if (channel == null) {
      return;
    }
    try {
      channel.close();
    } catch (IOException ignored) {
      // nothing was lost that the size and hash check after the transfer will not catch
    }
  }
}
