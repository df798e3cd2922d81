package io.leadstream.models.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadstream.models.BundleException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * {@code hf:} files a manifest names without a hash: pinned in the folder's {@link FilesLock} on
 * their first download, verified against it afterwards (offline too), refused where no lock can be
 * written; and a hash without a size.
 */
class PinnedDownloadTest {

  private static final String TOKENIZER = "tokenizer.json";
  private static final String ENCODER = "encoder.onnx";

  @TempDir Path cache;
  @TempDir Path bundle;

  private FakeHub hub;
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private final Logger sourceLogger = (Logger) LoggerFactory.getLogger(ModelSource.class);
  private final List<Long> totals = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    hub = FakeHub.start();
    log.start();
    sourceLogger.addAppender(log);
  }

  @AfterEach
  void stop() {
    sourceLogger.detachAppender(log);
    hub.close();
  }

  @Test
  void shouldPinOnTheFirstDownloadAndVerifyOfflineAfterwards() throws IOException {
    byte[] content = FakeHub.fixture(ENCODER);

    Path first = source().resolve(unpinned(ENCODER));

    assertThat(first).hasBinaryContent(content);
    JsonNode pin = lockEntry(ENCODER);
    assertThat(pin.get("sha256").asText()).isEqualTo(Sha256.of(content));
    assertThat(pin.get("size").asLong()).isEqualTo(content.length);
    assertThat(pin.get("revision").asText()).isEqualTo(FakeHub.COMMIT);
    assertThat(warnings())
        .containsExactly(
            "pinned on first download: hf:leadstream/t5-tiny/encoder.onnx sha256="
                + Sha256.of(content)
                + " size="
                + content.length
                + " (revision "
                + FakeHub.COMMIT
                + ", recorded in "
                + bundle.resolve(FilesLock.FILE_NAME)
                + "; later loads must match)");

    hub.close();
    assertThat(source().resolve(unpinned(ENCODER))).hasBinaryContent(content);
    assertThat(warnings()).as("logged once").hasSize(1);
  }

  @Test
  void shouldPinAFileAlreadyInTheCacheWithoutTheNetwork(@TempDir Path other) throws IOException {
    Path cached = source().resolve(unpinned(ENCODER));
    hub.close();

    ModelSource otherBundle = ModelSource.forFolder(other).withCacheRoot(cache).withHub(settings());
    assertThat(otherBundle.resolve(unpinned(ENCODER))).isEqualTo(cached);

    assertThat(FilesLock.in(other).get(hfSource(ENCODER)))
        .contains(new FilesLock.Pin(Sha256.of(cached), Files.size(cached), "main"));
    assertThat(warnings().get(1))
        .startsWith(
            "pinned on first use (found in the cache): hf:leadstream/t5-tiny/encoder.onnx sha256=");
  }

  @Test
  void shouldFailNamingBothHashesWhenTheHubFileChangedAfterPinning() throws IOException {
    Path first = source().resolve(unpinned(TOKENIZER));
    String pinned = Sha256.of(first);
    Files.delete(first);
    hub.corrupt(TOKENIZER);
    byte[] changed = FakeHub.fixture(TOKENIZER);
    changed[changed.length / 3] ^= 0x5a;

    assertThatThrownBy(() -> source().resolve(unpinned(TOKENIZER)))
        .isInstanceOf(BundleException.class)
        .hasMessageContaining("hf:leadstream/t5-tiny/tokenizer.json: downloaded content does not")
        .hasMessageContaining("match files.lock.json")
        .hasMessageContaining("sha256 " + Sha256.of(changed) + ";")
        .hasMessageContaining("expected size " + changed.length + ", sha256 " + pinned + ")")
        .hasMessageContaining("hf:leadstream/t5-tiny/tokenizer.json@" + FakeHub.COMMIT)
        .hasMessageContaining("delete its entry from " + bundle.resolve(FilesLock.FILE_NAME));
    assertThat(warnings()).hasSize(1);
  }

  @Test
  void shouldTakeABodyWithoutContentLengthAndResumeABrokenOne() throws IOException {
    hub.omitContentLength(TOKENIZER);
    hub.breakFirstResponse(ENCODER);

    assertThat(source().resolve(unpinned(TOKENIZER))).hasBinaryContent(FakeHub.fixture(TOKENIZER));
    assertThat(totals).as("no size from the manifest nor the server").contains(-1L);
    assertThat(source().resolve(unpinned(ENCODER))).hasBinaryContent(FakeHub.fixture(ENCODER));

    assertThat(lockEntry(TOKENIZER).get("size").asLong())
        .isEqualTo(FakeHub.fixture(TOKENIZER).length);
    assertThat(lockEntry(ENCODER).get("sha256").asText())
        .isEqualTo(Sha256.of(FakeHub.fixture(ENCODER)));
    assertThat(hub.requestsFor(ENCODER))
        .filteredOn(r -> r.server().equals("cdn"))
        .extracting(FakeHub.Request::range)
        .hasSize(2)
        .first()
        .isNull();
  }

  @Test
  void shouldCheckAHashGivenWithoutASize() {
    byte[] content = FakeHub.fixture(TOKENIZER);
    ModelFile known = new ModelFile(hfSource(TOKENIZER), Sha256.of(content), 0);
    ModelFile wrong = new ModelFile(hfSource(TOKENIZER), "0".repeat(64), 0);

    assertThatThrownBy(() -> source().resolve(wrong))
        .isInstanceOf(BundleException.class)
        .hasMessageContaining("does not match the manifest (size " + content.length)
        .hasMessageContaining("expected sha256 " + "0".repeat(64) + ")");
    assertThat(source().resolve(known)).hasBinaryContent(content);
    assertThat(bundle.resolve(FilesLock.FILE_NAME)).doesNotExist();
    assertThat(warnings()).isEmpty();
  }

  @Test
  void shouldNameThePinnedFilesOfAnEncoderSpecOnceLoaded() throws IOException {
    EncoderSpec onnx = T5Tiny.onnxSpec();
    EncoderSpec onHub = onnx.withFiles(unpinned(ENCODER), unpinned(TOKENIZER));
    Path specFile = bundle.resolve("encoder.json");
    new ObjectMapper().writeValue(specFile.toFile(), onHub);
    String endpoint = System.setProperty(HubSettings.ENDPOINT_PROPERTY, hub.endpoint().toString());
    String cacheDir = System.setProperty(ModelSource.CACHE_DIR_PROPERTY, cache.toString());
    try {
      LocatedEncoder located = LocatedEncoder.fromSpecFile(specFile);
      assertThat(located.pinned()).isEqualTo(onHub);

      located.load(InferenceOptions.ENGINE_DEFAULT).close();

      assertThat(located.pinned().model())
          .isEqualTo(new ModelFile(hfSource(ENCODER), onnx.model().sha256(), onnx.model().size()));
      assertThat(located.pinned().tokenizer().sha256()).isEqualTo(onnx.tokenizer().sha256());
    } finally {
      restore(HubSettings.ENDPOINT_PROPERTY, endpoint);
      restore(ModelSource.CACHE_DIR_PROPERTY, cacheDir);
    }
  }

  private static void restore(String property, String value) {
    if (value == null) {
      System.clearProperty(property);
    } else {
      System.setProperty(property, value);
    }
  }

  @Test
  void shouldRefuseToPinForABundleOnTheClassPath() {
    ModelSource classpath =
        ModelSource.forClasspath("bundles/x").withCacheRoot(cache).withHub(settings());

    assertThatThrownBy(() -> classpath.resolve(unpinned(TOKENIZER)))
        .isInstanceOf(BundleException.class)
        .hasMessageStartingWith(
            "hf:leadstream/t5-tiny/tokenizer.json: the manifest names no sha256, and a bundle on"
                + " the class path cannot pin the file on its first download");
    assertThat(hub.requests()).isEmpty();
  }

  @Test
  void shouldStillRequireTheHashOfABundleFile() {
    assertThatThrownBy(() -> source().resolve(new ModelFile("encoder.onnx", null, 0)))
        .isInstanceOf(BundleException.class)
        .hasMessage(
            "encoder.onnx: sha256 missing; only hf: files may leave it out (they are pinned on"
                + " their first download)");
  }

  private ModelSource source() {
    return ModelSource.forFolder(bundle).withCacheRoot(cache).withHub(settings());
  }

  private HubSettings settings() {
    return new HubSettings(
        hub.endpoint(), null, Duration.ofSeconds(20), (file, done, total) -> totals.add(total));
  }

  private static String hfSource(String fileName) {
    return "hf:" + FakeHub.OWNER + "/" + FakeHub.REPO + "/" + fileName;
  }

  private static ModelFile unpinned(String fileName) {
    return new ModelFile(hfSource(fileName), null, 0);
  }

  private JsonNode lockEntry(String fileName) throws IOException {
    return new ObjectMapper()
        .readTree(bundle.resolve(FilesLock.FILE_NAME).toFile())
        .at("/files")
        .get(hfSource(fileName));
  }

  private List<String> warnings() {
    return log.list.stream()
        .filter(e -> e.getLevel() == Level.WARN)
        .map(ILoggingEvent::getFormattedMessage)
        .toList();
  }
}
