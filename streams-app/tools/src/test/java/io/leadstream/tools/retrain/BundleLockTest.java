package io.leadstream.tools.retrain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleLockTest {

  @TempDir Path root;

  @Test
  void shouldRefuseASecondChangeOfTheFolderWhileOneIsUnderWay() {
    Path bundle = root.resolve("acme");
    AtomicBoolean secondRan = new AtomicBoolean();

    String first =
        BundleLock.holding(
            bundle,
            () -> {
              assertThatThrownBy(() -> BundleLock.holding(bundle, () -> secondRan.getAndSet(true)))
                  .isInstanceOf(IllegalStateException.class)
                  .hasMessage(
                      "another retrain or rollback of "
                          + bundle
                          + " is running (it holds "
                          + root.resolve("acme.lock")
                          + ")");
              return "done";
            });

    assertThat(first).isEqualTo("done");
    assertThat(secondRan).isFalse();
  }

  @Test
  void shouldReleaseTheLockWhenTheWorkEndsOrFails() {
    Path bundle = root.resolve("acme");
    assertThatThrownBy(
            () ->
                BundleLock.holding(
                    bundle,
                    () -> {
                      throw new IllegalArgumentException("training failed");
                    }))
        .hasMessage("training failed");

    assertThat(BundleLock.holding(bundle, () -> "again")).isEqualTo("again");
    assertThat(BundleLock.holding(root.resolve("other"), () -> "another folder"))
        .isEqualTo("another folder");
  }
}
