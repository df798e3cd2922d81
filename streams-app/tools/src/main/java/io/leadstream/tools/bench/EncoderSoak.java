package io.leadstream.tools.bench;

import io.leadstream.models.inference.EncoderModel;
import io.leadstream.models.inference.TextEncoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Embeds many texts with one encoder and samples the process's resident memory (RSS, which includes
 * the engines' native memory) and the Java heap, to show that native memory is released per call
 * rather than growing with the number of texts.
 */
public final class EncoderSoak {

  /**
   * Memory after some texts.
   *
   * @param texts texts embedded so far
   * @param rssMiB resident set size of the process
   * @param heapUsedMiB Java heap in use (after a GC hint)
   */
  public record Sample(long texts, long rssMiB, long heapUsedMiB) {}

  private EncoderSoak() {}

  /**
   * @param texts texts to cycle through
   * @param total texts to embed in all
   * @param batch texts per call
   * @param every sample after this many texts
   * @param progress told the texts done so far, after each sample
   */
  public static List<Sample> run(
      EncoderModel model,
      List<String> texts,
      long total,
      int batch,
      long every,
      LongConsumer progress) {
    List<Sample> samples = new ArrayList<>();
    samples.add(sample(0));
    try (TextEncoder encoder = model.newEncoder()) {
      int next = 0;
      long done = 0;
      long nextSample = every;
      while (done < total) {
        int size = (int) Math.min(batch, total - done);
        List<String> chunk = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
          chunk.add(texts.get(next));
          next = (next + 1) % texts.size();
        }
        encoder.embed(chunk);
        done += size;
        if (done >= nextSample || done == total) {
          samples.add(sample(done));
          progress.accept(done);
          nextSample += every;
        }
      }
    }
    return samples;
  }

  private static Sample sample(long texts) {
    return new Sample(texts, residentMiB(), heapUsedAfterGcMiB());
  }

  /** The Java heap in use after a GC hint ({@code System.gc()}). */
  static long heapUsedAfterGcMiB() {
    System.gc();
    Runtime runtime = Runtime.getRuntime();
    return (runtime.totalMemory() - runtime.freeMemory()) >> 20;
  }

  /** The process's resident set size from /proc, or -1 where there is none. */
  static long residentMiB() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) >> 10;
        }
      }
      return -1;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      return -1;
    }
  }
}
