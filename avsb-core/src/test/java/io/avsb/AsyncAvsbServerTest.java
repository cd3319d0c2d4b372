package io.avsb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.avsb.EvaluationReason.ErrorKind;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AsyncAvsbServerTest {
  private static final String DATA = "{\"flags\":{\"checkout-v2\":{\"key\":\"checkout-v2\","
      + "\"version\":1,\"on\":true,\"variations\":[true,false],\"offVariation\":1,"
      + "\"fallthrough\":{\"variation\":0},\"clientSideAvailability\":{\"usingEnvironmentId\":true}},"
      + "\"limit\":{\"key\":\"limit\",\"version\":1,\"on\":true,\"variations\":[7.5,\"x\"],"
      + "\"fallthrough\":{\"variation\":0}}},\"segments\":{}}";
  private static final AvsbContext U1 = AvsbContext.of("u1");

  private static AsyncAvsbServer server(ManualSource source, Duration startWait) {
    return new AsyncAvsbServer(AvsbConfig.builder(null).dataSource(source).startWait(startWait)
        .eventsEnabled(false).build());
  }

  private static <T> T get(CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(1, TimeUnit.MINUTES);
  }

  @Test
  void gettersWaitForTheFirstDataThenEvaluateOnTheNotifierThread() throws Exception {
    ManualSource source = new ManualSource();
    try (AsyncAvsbServer server = server(source, Duration.ofHours(1))) {
      AsyncScopedAvsb avsb = server.forUser(Map.of("key", "u1"));
      CompletableFuture<String> thread = new CompletableFuture<>();
      CompletionStage<Boolean> flag = avsb.getBoolFlag("checkout-v2", false);
      flag.thenRun(() -> thread.complete(Thread.currentThread().getName()));
      CompletionStage<EvaluationDetail<Double>> limit = avsb.getDoubleFlagDetail("limit", 1);
      CompletionStage<FeatureFlagsState> all = server.allFlagsState(U1);
      assertThat(flag.toCompletableFuture()).isNotDone();
      assertThat(server.isReady()).isFalse();
      source.deliver(DATA);
      assertThat(get(flag)).isTrue();
      assertThat(get(thread)).startsWith("avsb-notifier-");
      assertThat(get(limit)).isEqualTo(EvaluationDetail.of(7.5, 0, EvaluationReason.fallthrough()));
      assertThat(get(all).isValid()).isTrue();
      assertThat(get(all).getFlagValue("checkout-v2")).isEqualTo(AvsbValue.of(true));
      assertThat(get(server.onReady())).isNull();
      // once ready, stages are complete when returned
      assertThat(avsb.getIntFlag("limit", 0).toCompletableFuture()).isCompletedWithValue(7);
      assertThat(avsb.getStringFlagDetail("limit", "d").toCompletableFuture().join().reason())
          .isEqualTo(EvaluationReason.error(ErrorKind.WRONG_TYPE));
      assertThat(server.sync().forUser(U1).getBoolFlag("checkout-v2", false)).isTrue();
    }
  }

  @Test
  void gettersGiveClientNotReadyOnceTheStartWaitHasPassed() throws Exception {
    ManualSource source = new ManualSource();
    try (AsyncAvsbServer server = server(source, Duration.ofMillis(50))) {
      AsyncScopedAvsb avsb = server.forUser(U1);
      assertThat(get(avsb.getBoolFlagDetail("checkout-v2", true))).isEqualTo(EvaluationDetail.of(
          true, EvaluationDetail.NO_VARIATION, EvaluationReason.error(ErrorKind.CLIENT_NOT_READY)));
      assertThat(get(avsb.getJsonFlag("cfg", AvsbValue.of("d")))).isEqualTo(AvsbValue.of("d"));
      assertThat(get(server.allFlagsState(U1)).isValid()).isFalse();
      assertThat(server.onReady().toCompletableFuture()).isNotDone();
      source.deliver(DATA);
      assertThat(get(server.onReady())).isNull();
      assertThat(get(avsb.getBoolFlag("checkout-v2", false))).isTrue();
    }
  }

  @Test
  void zeroStartWaitEvaluatesAtOnce() {
    ManualSource source = new ManualSource();
    try (AsyncAvsbServer server = server(source, Duration.ZERO)) {
      assertThat(server.forUser(U1).getIntFlagDetail("limit", 3).toCompletableFuture().join()
          .reason().errorKind()).isEqualTo(ErrorKind.CLIENT_NOT_READY);
    }
  }

  @Test
  void onReadyCompletesExceptionallyWhenTheSourceGivesUp() throws Exception {
    ManualSource source = new ManualSource();
    try (AsyncAvsbServer server = server(source, Duration.ofHours(1))) {
      CompletionStage<Boolean> pending = server.forUser(U1).getBoolFlag("checkout-v2", true);
      source.giveUp(401);
      assertThatThrownBy(() -> get(server.onReady()))
          .isInstanceOf(ExecutionException.class)
          .cause().isInstanceOf(AvsbNotReadyException.class)
          .hasMessageContaining("the data source stopped")
          .hasMessageContaining("401")
          .satisfies(e -> assertThat(((AvsbNotReadyException) e).status().state())
              .isEqualTo(DataSourceStatus.State.OFF));
      // pending getters do not wait out the hour
      assertThat(get(pending)).isTrue();
    }
  }

  @Test
  void closeBeforeReadyFailsOnReadyAndCompletesPendingGettersWithDefaults() throws Exception {
    ManualSource source = new ManualSource();
    AsyncAvsbServer server = server(source, Duration.ofHours(1));
    CompletionStage<Void> ready = server.onReady();
    CompletionStage<String> pending = server.forUser(U1).getStringFlag("checkout-v2", "dflt");
    server.close();
    assertThat(source.closed).isTrue();
    assertThat(get(pending)).isEqualTo("dflt");
    assertThatThrownBy(() -> get(ready)).cause()
        .isInstanceOf(AvsbNotReadyException.class)
        .hasMessageContaining("closed");
    assertThat(get(server.forUser(U1).getBoolFlag("checkout-v2", true))).isTrue();
  }

  @Test
  void constructorDoesNotWaitForData() {
    ManualSource source = new ManualSource();
    try (AsyncAvsbServer server = server(source, Duration.ofDays(1))) {
      assertThat(server.isReady()).isFalse();
      assertThat(server.dataSourceStatus().state()).isEqualTo(DataSourceStatus.State.INITIALIZING);
      assertThat(server.onReady().toCompletableFuture()).isNotDone();
    }
  }

  @Test
  void invalidContextGivesUserNotSpecified() throws Exception {
    ManualSource source = new ManualSource();
    try (AsyncAvsbServer server = server(source, Duration.ofHours(1))) {
      source.deliver(DATA);
      AsyncScopedAvsb nobody = server.forUser((AvsbContext) null);
      assertThat(get(nobody.getBoolFlagDetail("checkout-v2", false)).reason())
          .isEqualTo(EvaluationReason.error(ErrorKind.USER_NOT_SPECIFIED));
      nobody.track("purchase");
      nobody.identify();
    }
  }
}
