package io.avsb;

import static org.assertj.core.api.Assertions.assertThat;

import io.avsb.EvaluationReason.ErrorKind;
import io.avsb.internal.log.LogCapture;
import io.avsb.spi.DataSource;
import io.avsb.spi.DataSourceFactory;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.event.Level;

class AvsbServerTest {
  @RegisterExtension final LogCapture logs = new LogCapture();

  /** A data source that starts and never delivers data. */
  private static final class SilentSource implements DataSource {
    final AtomicBoolean closed = new AtomicBoolean();

    @Override
    public CompletionStage<Boolean> start() {
      return new CompletableFuture<>();
    }

    @Override
    public boolean isInitialized() {
      return false;
    }

    @Override
    public void close() {
      closed.set(true);
    }
  }

  private static AvsbServer offline() {
    return AvsbServer.builder(null).offline(true).startWait(Duration.ZERO).buildServer();
  }

  @Test
  void offlineServerIsReadyAtOnceAndGivesDefaultsWithFlagNotFound() {
    try (AvsbServer server = offline()) {
      assertThat(server.isReady()).isTrue();
      assertThat(server.waitForReady(Duration.ZERO)).isTrue();
      ScopedAvsb avsb = server.forUser(Map.of("kind", "user", "key", "u1"));
      assertThat(avsb.getBoolFlag("checkout-v2", true)).isTrue();
      assertThat(avsb.getStringFlag("ui-theme", "default")).isEqualTo("default");
      assertThat(avsb.getIntFlag("limit", 7)).isEqualTo(7);
      assertThat(avsb.getDoubleFlag("ratio", 0.5)).isEqualTo(0.5);
      assertThat(avsb.getJsonFlag("cfg", AvsbValue.of("d"))).isEqualTo(AvsbValue.of("d"));
      assertThat(avsb.getBoolFlagDetail("checkout-v2", false)).isEqualTo(EvaluationDetail.of(
          false, EvaluationDetail.NO_VARIATION, EvaluationReason.error(ErrorKind.FLAG_NOT_FOUND)));
      assertThat(avsb.getIntFlagDetail("limit", 3).reason().errorKind())
          .isEqualTo(ErrorKind.FLAG_NOT_FOUND);
      assertThat(server.dataSourceStatus().state()).isEqualTo(DataSourceStatus.State.VALID);
    }
  }

  @Test
  void serverWithoutKeyOrFileRunsOffline() {
    try (AvsbServer server = new AvsbServer(
        AvsbConfig.builder("  ").startWait(Duration.ofSeconds(5)).build())) {
      assertThat(server.isReady()).isTrue();
      assertThat(server.forUser(AvsbContext.of("u1")).getStringFlagDetail("f", "x").reason())
          .isEqualTo(EvaluationReason.error(ErrorKind.FLAG_NOT_FOUND));
    }
  }

  @Test
  void sourceThatNeverInitialisesGivesClientNotReady() {
    SilentSource source = new SilentSource();
    DataSourceFactory factory = (context, updates) -> source;
    try (AvsbServer server = AvsbServer.builder("key").eventsEnabled(false).dataSource(factory)
        .startWait(Duration.ofMillis(50)).buildServer()) {
      assertThat(server.isReady()).isFalse();
      assertThat(server.waitForReady(Duration.ofMillis(10))).isFalse();
      ScopedAvsb avsb = server.forUser(AvsbContext.of("u1"));
      assertThat(avsb.getBoolFlagDetail("f", true)).isEqualTo(EvaluationDetail.of(
          true, EvaluationDetail.NO_VARIATION, EvaluationReason.error(ErrorKind.CLIENT_NOT_READY)));
      assertThat(avsb.getDoubleFlag("f", 1.5)).isEqualTo(1.5);
      assertThat(avsb.getJsonFlagDetail("f", AvsbValue.of(1)).reason().errorKind())
          .isEqualTo(ErrorKind.CLIENT_NOT_READY);
      assertThat(server.allFlagsState(AvsbContext.of("u1")).isValid()).isFalse();
    }
    assertThat(source.closed).isTrue();
  }

  @Test
  void sourceThatGivesUpEndsTheWaitAtOnce() {
    DataSourceFactory factory = (context, updates) -> new DataSource() {
      @Override
      public CompletionStage<Boolean> start() {
        return CompletableFuture.completedFuture(false);
      }

      @Override
      public boolean isInitialized() {
        return false;
      }

      @Override
      public void close() {}
    };
    try (AvsbServer server = AvsbServer.builder("key").eventsEnabled(false).dataSource(factory)
        .startWait(Duration.ZERO).buildServer()) {
      assertThat(server.waitForReady(Duration.ofDays(1))).isFalse();
    }
  }

  @Test
  void failingFactoryGivesAServerThatIsNeverReadyInsteadOfAnException() {
    DataSourceFactory factory = (context, updates) -> {
      throw new IllegalStateException("cannot build");
    };
    try (AvsbServer server =
        AvsbServer.builder("key").eventsEnabled(false).dataSource(factory).buildServer()) {
      assertThat(server.isReady()).isFalse();
      assertThat(server.dataSourceStatus().state()).isEqualTo(DataSourceStatus.State.OFF);
      assertThat(server.forUser(AvsbContext.of("u")).getIntFlag("f", 4)).isEqualTo(4);
    }
    assertThat(logs.messages(Level.ERROR, "io.avsb.client")).containsExactly(
        "Could not create the data source (java.lang.IllegalStateException: cannot build); the"
            + " server will not become ready; every flag gives the caller's default");
  }

  @Test
  void invalidContextGivesUserNotSpecified() {
    try (AvsbServer server = offline()) {
      for (ScopedAvsb avsb : new ScopedAvsb[] {
          server.forUser(Map.of("kind", "user", "key", "")),
          server.forUser((AvsbContext) null),
          server.forUser((Map<String, ?>) null)}) {
        assertThat(avsb.getStringFlagDetail("f", "d")).isEqualTo(EvaluationDetail.of(
            "d", EvaluationDetail.NO_VARIATION,
            EvaluationReason.error(ErrorKind.USER_NOT_SPECIFIED)));
        assertThat(avsb.getBoolFlag("f", true)).isTrue();
        assertThat(avsb.allFlagsState().isValid()).isFalse();
      }
    }
  }

  @Test
  void nullFlagKeyIsNotFound() {
    try (AvsbServer server = offline()) {
      assertThat(server.forUser(AvsbContext.of("u")).getIntFlagDetail(null, 2))
          .isEqualTo(EvaluationDetail.of(2, EvaluationDetail.NO_VARIATION,
              EvaluationReason.error(ErrorKind.FLAG_NOT_FOUND)));
    }
  }

  @Test
  void closeStopsSchedulerThreadsThatWereBusyAndIsIdempotent() {
    CompletableFuture<Thread> ran = new CompletableFuture<>();
    DataSourceFactory factory = (context, updates) -> new DataSource() {
      @Override
      public CompletionStage<Boolean> start() {
        context.scheduler().scheduleAtFixedRate(
            () -> ran.complete(Thread.currentThread()), 0, 1, java.util.concurrent.TimeUnit.MILLISECONDS);
        updates.init(AvsbValue.parse("{}"));
        return CompletableFuture.completedFuture(true);
      }

      @Override
      public boolean isInitialized() {
        return true;
      }

      @Override
      public void close() {}
    };
    AvsbServer server = AvsbServer.builder(null).dataSource(factory).buildServer();
    Thread worker = ran.join();
    assertThat(worker.getName()).startsWith("avsb-scheduler-");
    assertThat(worker.isDaemon()).isTrue();
    server.close();
    server.close();
    assertThat(worker.isAlive()).isFalse();
    assertThat(avsbThreads()).isEmpty();
  }

  private static java.util.List<String> avsbThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(n -> n.startsWith("avsb-"))
        .toList();
  }

  @Test
  void readinessFollowsTheFirstFullDataSet() {
    CompletableFuture<io.avsb.spi.DataSourceUpdates> updatesRef = new CompletableFuture<>();
    DataSourceFactory factory = (context, updates) -> {
      updatesRef.complete(updates);
      return new SilentSource();
    };
    try (AvsbServer server = AvsbServer.builder("k").eventsEnabled(false).dataSource(factory)
        .startWait(Duration.ZERO).buildServer()) {
      assertThat(server.isReady()).isFalse();
      io.avsb.spi.DataSourceUpdates updates = updatesRef.join();
      assertThat(updates.init(AvsbValue.of("not an object"))).isFalse();
      assertThat(server.isReady()).isFalse();
      CompletableFuture<Boolean> waited = CompletableFuture.supplyAsync(
          () -> server.waitForReady(Duration.ofMinutes(1)));
      assertThat(updates.init(AvsbValue.parse("{\"flags\":{},\"segments\":{}}"))).isTrue();
      assertThat(waited.join()).isTrue();
      assertThat(server.isReady()).isTrue();
      assertThat(server.allFlagsState(AvsbContext.of("u")).isValid()).isTrue();
    }
    assertThat(logs.messages(Level.ERROR, "io.avsb.store")).containsExactly(
        "Rejected a full data set that is not a JSON object; keeping the last good data");
  }

  @Test
  void waitForReadyHonoursAnInterrupt() {
    try (AvsbServer server = AvsbServer.builder("k").eventsEnabled(false)
        .dataSource((c, u) -> new SilentSource())
        .startWait(Duration.ZERO).buildServer()) {
      Thread.currentThread().interrupt();
      assertThat(server.waitForReady(Duration.ofMinutes(1))).isFalse();
      assertThat(Thread.interrupted()).isTrue();
    }
  }
}
