package io.avsb.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.avsb.AvsbConfig;
import io.avsb.AvsbServer;
import io.avsb.DataSourceStatus;
import io.avsb.EvaluationReason.ErrorKind;
import io.avsb.ScopedAvsb;
import io.avsb.internal.log.LogCapture;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Start-up against a service that is down, and shutdown of a busy server, over real HTTP. */
class AvsbServerStartupOverHttpTest {
  private static final String KEY = "sdk-key-startup-0001";
  private static final String DATA = "{\"flags\":{\"checkout-v2\":{\"key\":\"checkout-v2\","
      + "\"version\":1,\"on\":true,\"variations\":[true,false],\"offVariation\":1,"
      + "\"fallthrough\":{\"variation\":0},\"trackEvents\":true}},\"segments\":{}}";

  private final AvsbTestService service = new AvsbTestService();

  @AfterEach
  void stopService() {
    service.close();
  }

  private static AvsbConfig.Builder config(URI uri) {
    return AvsbConfig.builder(KEY).baseUri(uri).streamUri(uri).eventsUri(uri)
        .initialReconnectDelay(Duration.ofMillis(50)).flushInterval(Duration.ofMillis(100));
  }

  @Test
  void startAgainstADeadServiceReturnsAtTheStartWaitWithAWarningAndBecomesReadyLater() {
    int port = ReservedPort.free();
    try (LogCapture err = new LogCapture();
        AvsbServer server = new AvsbServer(
            config(ReservedPort.uri(port)).startWait(Duration.ofMillis(300)).build())) {
      assertThat(server.isReady()).isFalse();
      assertThat(err.lines()).filteredOn(l -> l.contains("A vs B is not ready")).singleElement()
          .satisfies(l -> assertThat(l).contains("WARN", "no full data set within PT0.3S",
              "CLIENT_NOT_READY", "NETWORK_ERROR").doesNotContain(KEY));
      ScopedAvsb avsb = server.forUser(Map.of("key", "u1"));
      assertThat(avsb.getBoolFlagDetail("checkout-v2", false).reason().errorKind())
          .isEqualTo(ErrorKind.CLIENT_NOT_READY);

      service.start(port);
      service.setData(DATA);
      assertThat(server.waitForReady(Duration.ofSeconds(30))).isTrue();
      assertThat(avsb.getBoolFlag("checkout-v2", false)).isTrue();
      assertThat(server.dataSourceStatus().state()).isEqualTo(DataSourceStatus.State.VALID);
    }
  }

  @Test
  void closeOfAStreamingServerWithEventsReturnsAndLeavesNoAvsbThread() throws Exception {
    Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
    service.start();
    service.setData(DATA);
    AvsbServer server = new AvsbServer(config(service.uri()).startWait(Duration.ofSeconds(30))
        .build());
    assertThat(server.isReady()).isTrue();
    CompletableFuture<DataSourceStatus> off = new CompletableFuture<>();
    server.dataSourceStatusProvider().addStatusListener(s -> {
      if (s.state() == DataSourceStatus.State.OFF) {
        off.complete(s);
      }
    });
    ScopedAvsb avsb = server.forUser(Map.of("key", "u1"));
    avsb.getBoolFlag("checkout-v2", false);
    avsb.track("purchase");
    server.flush();
    service.awaitEvents(1, Duration.ofSeconds(30));
    avsb.track("after-last-flush");
    assertThat(sdkThreads(before)).extracting(Thread::getName)
        .anyMatch(n -> n.startsWith("avsb-stream"))
        .anyMatch(n -> n.startsWith("avsb-event"));

    CompletableFuture<Void> closed = CompletableFuture.runAsync(server::close);
    closed.get(1, TimeUnit.MINUTES);

    assertThat(sdkThreads(before)).isEmpty();
    assertThat(off.getNow(null)).as("listeners heard OFF before the notifier stopped").isNotNull();
    assertThat(service.events().stream().map(p -> p.payload().toJson()).toList())
        .anyMatch(json -> json.contains("after-last-flush"));
  }

  /** Live threads named avsb-, started since {@code before}, except the test service's own. */
  private static List<Thread> sdkThreads(Set<Thread> before) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && !before.contains(t))
        .filter(t -> t.getName().startsWith("avsb-"))
        .filter(t -> !t.getName().startsWith("avsb-test-service-"))
        .toList();
  }
}
