package io.leadstream.models.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.leadstream.models.BundleException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code hf:} model source against a fake hub on loopback ({@link FakeHub}): download once,
 * then offline from the cache; corrupted, interrupted, stalled and refused downloads; and the
 * messages for offline, not found and gated repositories.
 */
class HuggingFaceSourceTest {

  private static final String ENCODER = "encoder.onnx";
  private static final String TOKENIZER = "tokenizer.json";

  @TempDir Path cache;
  @TempDir Path bundle;

  private FakeHub hub;
  private final List<long[]> progress = new CopyOnWriteArrayList<>();

  @BeforeEach
  void startHub() throws IOException {
    hub = FakeHub.start();
  }

  @AfterEach
  void stopHub() {
    hub.close();
  }

  @Test
  void shouldDownloadOnceAndThenServeFromTheCacheWithoutTheNetwork() throws IOException {
    ModelSource source = source(settings());

    Path encoder = source.resolve(hf(ENCODER));
    Path tokenizer = source.resolve(hf(TOKENIZER));

    assertThat(encoder)
        .isEqualTo(cache.resolve("hf/leadstream/t5-tiny/main/encoder.onnx"))
        .hasBinaryContent(FakeHub.fixture(ENCODER));
    assertThat(tokenizer).hasBinaryContent(FakeHub.fixture(TOKENIZER));
    assertThat(hub.requests())
        .extracting(FakeHub.Request::server, FakeHub.Request::path)
        .containsExactly(
            tuple("hub", "/leadstream/t5-tiny/resolve/main/" + ENCODER),
            tuple("cdn", "/blobs/" + ENCODER),
            tuple("hub", "/leadstream/t5-tiny/resolve/main/" + TOKENIZER));
    assertThat(progress.get(progress.size() - 1))
        .containsExactly(FakeHub.fixture(TOKENIZER).length, FakeHub.fixture(TOKENIZER).length);
    assertThat(partFiles()).isEmpty();

    int requestsAfterDownload = hub.requests().size();
    assertThat(source.resolve(hf(ENCODER))).isEqualTo(encoder);
    assertThat(source.resolve(hf(TOKENIZER))).isEqualTo(tokenizer);
    assertThat(hub.requests()).hasSize(requestsAfterDownload);

    hub.close();
    ModelSource offline = source(settings());
    assertThat(offline.resolve(hf(ENCODER))).hasBinaryContent(FakeHub.fixture(ENCODER));
    assertThat(offline.resolve(hf(TOKENIZER))).hasBinaryContent(FakeHub.fixture(TOKENIZER));
  }

  @Test
  void shouldRejectACorruptedDownloadNamingBothHashesAndKeepNothing() throws IOException {
    hub.corrupt(ENCODER);
    byte[] served = FakeHub.fixture(ENCODER);
    served[served.length / 3] ^= 0x5a;

    assertThatThrownBy(() -> source(settings()).resolve(hf(ENCODER)))
        .isInstanceOf(BundleException.class)
        .hasMessageContaining("hf:leadstream/t5-tiny/encoder.onnx")
        .hasMessageContaining("does not match the manifest")
        .hasMessageContaining("expected size " + served.length + ", sha256 " + hf(ENCODER).sha256())
        .hasMessageContaining("sha256 " + Sha256.of(served));
    assertThat(hub.requestsFor(ENCODER))
        .extracting(FakeHub.Request::server)
        .containsExactly("hub", "cdn");
    assertThat(cachedFiles()).isEmpty();
  }

  @Test
  void shouldResumeAnInterruptedDownloadWithARangeRequest() throws IOException {
    hub.breakFirstResponse(ENCODER);
    int size = FakeHub.fixture(ENCODER).length;

    Path encoder = source(settings()).resolve(hf(ENCODER));

    assertThat(Sha256.of(encoder)).isEqualTo(hf(ENCODER).sha256());
    List<FakeHub.Request> fromCdn =
        hub.requestsFor(ENCODER).stream().filter(r -> r.server().equals("cdn")).toList();
    assertThat(fromCdn).hasSize(2);
    assertThat(fromCdn.get(0).range()).isNull();
    long resumedAt = rangeStart(fromCdn.get(1).range());
    assertThat(resumedAt).isPositive().isLessThanOrEqualTo(size / 2);
    assertThat(hub.requestsFor(ENCODER).get(2).range())
        .as("the Range header survives the hub's redirect")
        .isEqualTo("bytes=" + resumedAt + "-");
    assertThat(partFiles()).isEmpty();
  }

  @Test
  void shouldResumeAPartialFileThatAnEarlierRunLeftBehind() throws IOException {
    byte[] content = FakeHub.fixture(ENCODER);
    Path part = writePart(ENCODER, Arrays.copyOf(content, content.length / 2));

    Path encoder = source(settings()).resolve(hf(ENCODER));

    assertThat(encoder).hasBinaryContent(content);
    assertThat(part).doesNotExist();
    assertThat(hub.requestsFor(ENCODER))
        .extracting(FakeHub.Request::range)
        .containsExactly("bytes=" + content.length / 2 + "-", "bytes=" + content.length / 2 + "-");
  }

  @Test
  void shouldStartAgainFromZeroWhenTheResumedFileHasTheWrongHash() throws IOException {
    byte[] content = FakeHub.fixture(ENCODER);
    byte[] damagedHalf = Arrays.copyOf(content, content.length / 2);
    damagedHalf[10] ^= 1;
    writePart(ENCODER, damagedHalf);

    Path encoder = source(settings()).resolve(hf(ENCODER));

    assertThat(encoder).hasBinaryContent(content);
    assertThat(hub.requestsFor(ENCODER))
        .filteredOn(r -> r.server().equals("cdn"))
        .extracting(FakeHub.Request::range)
        .containsExactly("bytes=" + content.length / 2 + "-", null);
  }

  @Test
  void shouldStartAgainFromZeroWhenTheServerRefusesTheRange() throws IOException {
    byte[] content = FakeHub.fixture(TOKENIZER);
    writePart(TOKENIZER, Arrays.copyOf(content, 100));
    hub.refuseRanges(TOKENIZER);

    Path tokenizer = source(settings()).resolve(hf(TOKENIZER));

    assertThat(tokenizer).hasBinaryContent(content);
    assertThat(hub.requestsFor(TOKENIZER))
        .extracting(FakeHub.Request::range)
        .containsExactly("bytes=100-", null);
  }

  @Test
  void shouldAbortAStalledDownloadAndResumeIt() {
    hub.stallFirstResponse(TOKENIZER);
    int size = FakeHub.fixture(TOKENIZER).length;
    long started = System.nanoTime();

    Path tokenizer =
        source(settings().withStallTimeout(Duration.ofMillis(300))).resolve(hf(TOKENIZER));

    assertThat(tokenizer).hasBinaryContent(FakeHub.fixture(TOKENIZER));
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    assertThat(hub.requestsFor(TOKENIZER))
        .extracting(FakeHub.Request::range)
        .containsExactly(null, "bytes=" + size / 2 + "-");
  }

  @Test
  void shouldSayWhatToDoWhenOfflineAndNotCached() {
    HubSettings settings = settings();
    hub.close();

    assertThatThrownBy(() -> source(settings).resolve(hf(ENCODER)))
        .isInstanceOf(BundleException.class)
        .hasMessageStartingWith(
            "cannot download hf:leadstream/t5-tiny/encoder.onnx from "
                + settings.endpoint()
                + " (Connection refused); the file is not in the cache "
                + cache.resolve("hf/leadstream/t5-tiny/main/encoder.onnx"))
        .hasMessageEndingWith(
            "Connect to the internet once, or put the file there, or set"
                + " leadstream.hf.endpoint to a mirror.");
  }

  @Test
  void shouldSayWhatToCheckWhenTheFileIsNotFound() {
    ModelFile missing =
        new ModelFile("hf:leadstream/t5-tiny/onnx/missing.onnx", hf(ENCODER).sha256(), 1);

    assertThatThrownBy(() -> source(settings()).resolve(missing))
        .isInstanceOf(BundleException.class)
        .hasMessageStartingWith(
            "hf:leadstream/t5-tiny/onnx/missing.onnx: not found (HTTP 404:"
                + " Entry not found) at "
                + hub.endpoint()
                + "/leadstream/t5-tiny/resolve/main/onnx/missing.onnx")
        .hasMessageContaining(
            "Check the repo id 'leadstream/t5-tiny', the revision 'main'"
                + " and the file path 'onnx/missing.onnx'");
  }

  @Test
  void shouldAskForHfTokenWhenTheRepositoryIsGated() {
    ModelFile gated = gated(ENCODER);

    assertThatThrownBy(() -> source(settings()).resolve(gated))
        .isInstanceOf(BundleException.class)
        .hasMessageContaining("hf:leadstream/t5-tiny-gated/encoder.onnx")
        .hasMessageContaining("HTTP 401: Access to model leadstream/t5-tiny-gated is restricted")
        .hasMessageContaining("private or gated")
        .hasMessageContaining("set HF_TOKEN");
  }

  @Test
  void shouldSendTheTokenToTheHubButNotToTheCdn() {
    Path encoder = source(settings().withToken(FakeHub.TOKEN)).resolve(gated(ENCODER));

    assertThat(encoder).hasBinaryContent(FakeHub.fixture(ENCODER));
    assertThat(hub.requestsFor(ENCODER))
        .extracting(FakeHub.Request::server, FakeHub.Request::authorization)
        .containsExactly(tuple("hub", "Bearer " + FakeHub.TOKEN), tuple("cdn", null));
  }

  @ParameterizedTest
  @ValueSource(longs = {1, -1})
  void shouldRefuseAFileOfAnotherSizeThanTheManifestSays(long sizeOffset) throws IOException {
    ModelFile declared = hf(TOKENIZER);
    long wrongSize = declared.size() + sizeOffset;
    ModelFile placeholder = new ModelFile(declared.source(), "<fill in>", wrongSize);

    assertThatThrownBy(() -> source(settings()).resolve(placeholder))
        .isInstanceOf(BundleException.class)
        .hasMessageContaining("hf:leadstream/t5-tiny/tokenizer.json")
        .hasMessageContaining("has " + declared.size() + " bytes, the manifest says " + wrongSize);
    assertThat(cachedFiles()).isEmpty();
  }

  private HubSettings settings() {
    return new HubSettings(
        hub.endpoint(),
        null,
        Duration.ofSeconds(20),
        (file, done, total) -> progress.add(new long[] {done, total}));
  }

  private ModelSource source(HubSettings settings) {
    return ModelSource.forFolder(bundle).withCacheRoot(cache).withHub(settings);
  }

  static ModelFile hf(String fileName) {
    return describe("hf:" + FakeHub.OWNER + "/" + FakeHub.REPO + "/" + fileName, fileName);
  }

  private static ModelFile gated(String fileName) {
    return describe("hf:" + FakeHub.OWNER + "/" + FakeHub.GATED_REPO + "/" + fileName, fileName);
  }

  private static ModelFile describe(String source, String fileName) {
    byte[] content = FakeHub.fixture(fileName);
    return new ModelFile(source, Sha256.of(content), content.length);
  }

  private Path writePart(String fileName, byte[] content) throws IOException {
    Path part = cache.resolve("hf/leadstream/t5-tiny/main/" + fileName + ".part");
    Files.createDirectories(part.getParent());
    return Files.write(part, content);
  }

  private List<Path> cachedFiles() throws IOException {
    try (Stream<Path> files = Files.walk(cache)) {
      return files
          .filter(Files::isRegularFile)
          .filter(file -> !file.getFileName().toString().equals(".lock"))
          .toList();
    }
  }

  private List<Path> partFiles() throws IOException {
    return cachedFiles().stream().filter(f -> f.toString().endsWith(".part")).toList();
  }

  private static long rangeStart(String range) {
    assertThat(range).matches("bytes=\\d+-");
    return Long.parseLong(range.substring("bytes=".length(), range.length() - 1));
  }
}
