package io.avsb.internal.datasource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.avsb.AvsbServer;
import io.avsb.DataSourceStatus.ErrorKind;
import io.avsb.DataSourceStatus.State;
import io.avsb.EvaluationReason;
import io.avsb.ScopedAvsb;
import io.avsb.internal.log.LogCapture;
import io.avsb.spi.DataKind;
import io.avsb.spi.DataSourceContext;
import io.avsb.spi.DataSourceUpdates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileDataSourceHostileTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String GOOD = "{\"flagValues\": {\"theme\": \"dark\"}}";

  @TempDir
  Path dir;

  private final RecordingUpdates recorded = new RecordingUpdates();
  private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
  private FileDataSource source;

  @AfterEach
  void close() {
    if (source != null) {
      source.close();
    }
    scheduler.shutdownNow();
  }

  @Test
  void fileLargerThanTheLimitIsNotReadAndSaysSo() throws Exception {
    Path file = dir.resolve("flags.json");
    write(file, "{\"flagValues\": {\"theme\": \"" + "x".repeat(200) + "\"}}");
    try (LogCapture log = new LogCapture()) {
      source = source(file, 100, recorded);
      source.start();
      await().atMost(WAIT).until(() -> !recorded.statuses().isEmpty());

      assertThat(recorded.calls()).filteredOn(c -> c.op().equals("init")).isEmpty();
      assertThat(recorded.statuses()).singleElement().satisfies(s -> {
        assertThat(s.state()).isEqualTo(State.INTERRUPTED);
        assertThat(s.error().kind()).isEqualTo(ErrorKind.INVALID_DATA);
        assertThat(s.error().message()).isEqualTo("flags file " + file + " is larger than 100 bytes (maxDataBytes)");
      });
      assertThat(log.linesWith("ERROR")).hasSize(1);

      write(file, GOOD);
      assertThat(source.start().toCompletableFuture().get(20, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(recorded.items(DataKind.FLAGS)).containsOnlyKeys("theme");
  }

  // The OutOfMemoryError is injected by the store double, as a store that runs out of heap on a
  // huge file raises it: on the scheduler's thread, while the file is applied.
  @Test
  void outOfMemoryWhileLoadingIsReportedAndTheFileIsReadAgainAfterABackoff() throws Exception {
    Path file = dir.resolve("flags.json");
    write(file, GOOD);
    try (LogCapture log = new LogCapture()) {
      source = source(file, 1 << 20, new FailingUpdates(recorded, new OutOfMemoryError("Java heap space")));

      assertThat(source.start().toCompletableFuture().get(20, TimeUnit.SECONDS)).isTrue();

      assertThat(log.linesWith("ERROR")).singleElement().satisfies(l -> assertThat(l)
          .contains("unexpected \"java.lang.OutOfMemoryError: Java heap space\" while loading flags file"));
    }
    assertThat(recorded.statuses()).extracting(RecordingUpdates.Status::state)
        .containsExactly(State.VALID, State.INTERRUPTED, State.VALID);
    assertThat(recorded.statuses().get(1).error().kind()).isEqualTo(ErrorKind.UNKNOWN);
    assertThat(recorded.items(DataKind.FLAGS)).containsOnlyKeys("theme");
  }

  @Test
  void numberTooLargeForADoubleMakesOnlyItsFlagMalformed() throws IOException {
    Path file = dir.resolve("flags.json");
    write(file, "{\"flagValues\": {\"theme\": \"dark\", \"limit\": 1e400}}");
    try (LogCapture log = new LogCapture();
        AvsbServer server = AvsbServer.builder(null).flagsFile(file).startWait(WAIT).buildServer()) {
      ScopedAvsb user = server.forUser(Map.of("key", "u1"));

      assertThat(server.isReady()).isTrue();
      assertThat(user.getStringFlag("theme", "light")).isEqualTo("dark");
      assertThat(user.getDoubleFlagDetail("limit", 5.0).reason())
          .isEqualTo(EvaluationReason.error(EvaluationReason.ErrorKind.MALFORMED_FLAG));
      assertThat(log.linesWith("WARN io.avsb.store")).singleElement()
          .satisfies(l -> assertThat(l).contains("flag \"limit\": a number out of range in \"limit\": 1e400"));
    }
  }

  private FileDataSource source(Path file, int maxBytes, DataSourceUpdates updates) {
    DataSourceContext context = new DataSourceContext() {
      @Override
      public ScheduledExecutorService scheduler() {
        return scheduler;
      }

      @Override
      public Clock clock() {
        return Clock.systemUTC();
      }
    };
    return new FileDataSource(file, Duration.ofMillis(10), maxBytes, context, updates);
  }

  private static void write(Path file, String content) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, content);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
