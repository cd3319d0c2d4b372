package io.avsb.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.avsb.AsyncAvsbServer;
import io.avsb.AsyncScopedAvsb;
import io.avsb.AvsbConfig;
import io.avsb.AvsbNotReadyException;
import io.avsb.AvsbValue;
import io.avsb.DataSourceStatus;
import io.avsb.EvaluationDetail;
import io.avsb.EvaluationReason;
import io.avsb.EvaluationReason.ErrorKind;
import io.avsb.internal.log.LogCapture;
import io.avsb.testkit.AvsbTestService.Endpoint;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The async server against the local service over real HTTP. */
class AsyncAvsbServerOverHttpTest {
  private static final String KEY = "sdk-key-async-0001";
  private static final String DATA = "{\"flags\":{\"checkout-v2\":{\"key\":\"checkout-v2\","
      + "\"version\":1,\"on\":true,\"variations\":[true,false],\"offVariation\":1,"
      + "\"fallthrough\":{\"variation\":1},\"targets\":[{\"variation\":0,\"values\":[\"u1\"]}]}},"
      + "\"segments\":{}}";

  private final AvsbTestService service = new AvsbTestService();

  @AfterEach
  void stopService() {
    service.close();
  }

  private static AvsbConfig.Builder config(String key, URI uri) {
    return AvsbConfig.builder(key).baseUri(uri).streamUri(uri).eventsUri(uri)
        .initialReconnectDelay(Duration.ofMillis(50)).flushInterval(Duration.ofMillis(100));
  }

  private static <T> T get(CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Test
  void gettersCompleteWithRealValuesOnceTheServiceBecomesReadyAfterFailures() throws Exception {
    int port = ReservedPort.free();
    try (AsyncAvsbServer server = new AsyncAvsbServer(
        config(KEY, ReservedPort.uri(port)).startWait(Duration.ofMinutes(2)).build())) {
      AsyncScopedAvsb u1 = server.forUser(Map.of("kind", "user", "key", "u1"));
      // nothing listens on the port yet, so these stages must wait
      CompletionStage<EvaluationDetail<Boolean>> detail = u1.getBoolFlagDetail("checkout-v2", false);
      CompletionStage<Boolean> value = u1.getBoolFlag("checkout-v2", false);
      CompletionStage<Void> ready = server.onReady();
      assertThat(server.isReady()).isFalse();

      service.failNext(Endpoint.STREAM, 3, 503);
      service.start(port);
      service.setData(DATA);

      assertThat(get(detail))
          .isEqualTo(EvaluationDetail.of(true, 0, EvaluationReason.targetMatch()));
      assertThat(get(value)).isTrue();
      assertThat(get(ready)).isNull();
      assertThat(service.requests(Endpoint.STREAM)).hasSizeGreaterThanOrEqualTo(4);
      assertThat(server.dataSourceStatus().state()).isEqualTo(DataSourceStatus.State.VALID);
    }
  }

  @Test
  void gettersGiveClientNotReadyAfterTheStartWaitAgainstADeadPortAndWarnOnce() throws Exception {
    int port = ReservedPort.free();
    try (LogCapture err = new LogCapture();
        AsyncAvsbServer server = new AsyncAvsbServer(
            config(KEY, ReservedPort.uri(port)).startWait(Duration.ofMillis(200)).build())) {
      AsyncScopedAvsb u1 = server.forUser(Map.of("key", "u1"));
      assertThat(get(u1.getBoolFlagDetail("checkout-v2", true))).isEqualTo(EvaluationDetail.of(
          true, EvaluationDetail.NO_VARIATION, EvaluationReason.error(ErrorKind.CLIENT_NOT_READY)));
      assertThat(get(u1.getStringFlag("checkout-v2", "dflt"))).isEqualTo("dflt");
      assertThat(get(server.allFlagsState(u1.context())).isValid()).isFalse();
      assertThat(server.onReady().toCompletableFuture()).isNotDone();
      assertThat(err.lines()).filteredOn(l -> l.contains("A vs B is not ready")).singleElement()
          .satisfies(l -> assertThat(l).contains("WARN", "no full data set within PT0.2S",
              "INITIALIZING", "NETWORK_ERROR").doesNotContain(KEY));
    }
  }

  @Test
  void onReadyCompletesExceptionallyOn401AndWaitingGettersGetTheirDefaults() throws Exception {
    service.expectedSdkKey("sdk-key-the-right-one").start();
    service.setData(DATA);
    try (AsyncAvsbServer server = new AsyncAvsbServer(
        config(KEY, service.uri()).startWait(Duration.ofMinutes(10)).build())) {
      CompletionStage<Boolean> pending = server.forUser(Map.of("key", "u1"))
          .getBoolFlag("checkout-v2", false);
      assertThatThrownBy(() -> get(server.onReady()))
          .isInstanceOf(ExecutionException.class)
          .cause().isInstanceOf(AvsbNotReadyException.class)
          .hasMessageContaining("stopped")
          .hasMessageContaining("401")
          .hasMessageNotContaining(KEY);
      // the ten-minute start wait is not waited out
      assertThat(get(pending)).isFalse();
      assertThat(server.dataSourceStatus().state()).isEqualTo(DataSourceStatus.State.OFF);
      assertThat(server.dataSourceStatus().lastError().statusCode()).isEqualTo(401);
    }
  }

  @Test
  void trackAndEvaluationsFromAsyncHelpersReachTheEventsEndpoint() throws Exception {
    service.start();
    service.setData(DATA);
    try (AsyncAvsbServer server = new AsyncAvsbServer(
        config(KEY, service.uri()).startWait(Duration.ofSeconds(30)).build())) {
      AsyncScopedAvsb u1 = server.forUser(Map.of("key", "u1"));
      assertThat(get(u1.getBoolFlag("checkout-v2", false))).isTrue();
      u1.track("purchase", 149.99, Map.of("currency", "usd"));
      u1.identify();
      server.flush();
      org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(
          () -> kinds().contains("custom") && kinds().contains("identify")
              && kinds().contains("summary"));
      assertThat(server.sync().isReady()).isTrue();
    }
  }

  private java.util.Set<String> kinds() {
    java.util.Set<String> kinds = new java.util.HashSet<>();
    for (AvsbTestService.EventPost post : service.events()) {
      AvsbValue payload = post.payload();
      for (int i = 0; i < payload.size(); i++) {
        kinds.add(payload.get(i).get("kind").stringValue());
      }
    }
    return kinds;
  }
}
