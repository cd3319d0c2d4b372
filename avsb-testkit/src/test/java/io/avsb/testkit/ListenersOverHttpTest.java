package io.avsb.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.avsb.AsyncAvsbServer;
import io.avsb.AvsbConfig;
import io.avsb.AvsbContext;
import io.avsb.AvsbServer;
import io.avsb.AvsbValue;
import io.avsb.DataSourceStatus;
import io.avsb.DataSourceStatus.State;
import io.avsb.DataSourceStatusProvider;
import io.avsb.FlagChangeEvent;
import io.avsb.FlagValueChangeEvent;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Status, flag change and value change listeners, fed by a real stream from the local service. */
class ListenersOverHttpTest {
  private static final String DATA = "{\"flags\":{"
      + "\"base\":" + flag("base", 1, "[true,false]", 0, "") + ","
      + "\"dependent\":" + flag("dependent", 1, "[\"on\",\"off\"]", 0,
          "\"prerequisites\":[{\"key\":\"base\",\"variation\":0}]") + ","
      + "\"segmented\":" + flag("segmented", 1, "[true,false]", 1, "\"rules\":[{\"id\":\"r\","
          + "\"clauses\":[{\"attribute\":\"key\",\"op\":\"segmentMatch\","
          + "\"values\":[\"beta-testers\"]}],\"variation\":0}]") + ","
      + "\"theme\":" + theme(1, 1, 0) + ","
      + "\"unrelated\":" + flag("unrelated", 1, "[1,2]", 0, "")
      + "},\"segments\":{\"beta-testers\":{\"key\":\"beta-testers\",\"version\":1,"
      + "\"included\":[\"u1\"]}}}";

  private final AvsbTestService service = new AvsbTestService();
  private final BlockingQueue<FlagChangeEvent> changes = new LinkedBlockingQueue<>();
  private final List<AutoCloseable> toClose = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable c : toClose) {
      c.close();
    }
    service.close();
  }

  private static String flag(String key, int version, String variations, int fallthrough,
      String extra) {
    return "{\"key\":\"" + key + "\",\"version\":" + version + ",\"on\":true,\"variations\":"
        + variations + ",\"offVariation\":" + (fallthrough == 0 ? 1 : 0)
        + ",\"fallthrough\":{\"variation\":" + fallthrough + "}"
        + (extra.isEmpty() ? "" : "," + extra) + "}";
  }

  /** Theme: dark, light or blue; u1 is targeted with {@code u1Variation}. */
  private static String theme(int version, int fallthrough, int u1Variation) {
    return flag("theme", version, "[\"dark\",\"light\",\"blue\"]", fallthrough,
        "\"targets\":[{\"variation\":" + u1Variation + ",\"values\":[\"u1\"]}]");
  }

  private static AvsbConfig.Builder config(URI uri) {
    return AvsbConfig.builder("sdk-key-listeners-01").baseUri(uri).streamUri(uri).eventsUri(uri)
        .eventsEnabled(false).initialReconnectDelay(Duration.ofMillis(50))
        .startWait(Duration.ofSeconds(30));
  }

  private AvsbServer readyServer() {
    service.start();
    service.setData(DATA);
    AvsbServer server = new AvsbServer(config(service.uri()).build());
    toClose.add(server);
    assertThat(server.isReady()).isTrue();
    return server;
  }

  private static <T> T next(BlockingQueue<T> queue) throws InterruptedException {
    T t = queue.poll(30, TimeUnit.SECONDS);
    assertThat(t).as("an event within 30 s").isNotNull();
    return t;
  }

  private List<String> nextKeys(int n) throws InterruptedException {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      keys.add(next(changes).key());
    }
    return keys;
  }

  @Test
  void statusListenerSeesInitializingValidInterruptedValidAcrossADroppedStream() {
    int port = ReservedPort.free();
    AsyncAvsbServer server = new AsyncAvsbServer(config(ReservedPort.uri(port)).build());
    toClose.add(server);
    DataSourceStatusProvider provider = server.dataSourceStatusProvider();
    List<DataSourceStatus> heard = new CopyOnWriteArrayList<>();
    provider.addStatusListener(heard::add);
    // nothing listens on the port yet: the source cannot have left INITIALIZING
    State first = provider.status().state();

    service.start(port);
    service.setData(DATA);
    assertThat(provider.waitFor(State.VALID, Duration.ofSeconds(30))).isTrue();
    service.awaitStreamConnections(1, Duration.ofSeconds(30));
    service.dropStreamsMidEvent();
    await().atMost(Duration.ofSeconds(30))
        .until(() -> states(first, heard).size() >= 4);

    assertThat(states(first, heard))
        .containsExactly(State.INITIALIZING, State.VALID, State.INTERRUPTED, State.VALID);
    assertThat(heard).filteredOn(s -> s.state() == State.INITIALIZING)
        .allSatisfy(s -> assertThat(s.lastError().kind())
            .isEqualTo(DataSourceStatus.ErrorKind.NETWORK_ERROR));
    assertThat(heard).filteredOn(s -> s.state() == State.INTERRUPTED).singleElement()
        .satisfies(s -> assertThat(s.lastError().message()).contains("closed the stream"));
    assertThat(service.streamConnections()).isEqualTo(2);
  }

  /** The states seen, starting with {@code first}, without consecutive repeats. */
  private static List<State> states(State first, List<DataSourceStatus> heard) {
    List<State> out = new ArrayList<>(List.of(first));
    for (DataSourceStatus s : heard) {
      if (out.get(out.size() - 1) != s.state()) {
        out.add(s.state());
      }
    }
    return out;
  }

  @Test
  void flagChangeListenerHearsAPatchedFlagAndFlagsDependingOnItByPrerequisiteAndSegment()
      throws Exception {
    AvsbServer server = readyServer();
    server.flagTracker().addFlagChangeListener(changes::add);

    service.putFlag("base", AvsbValue.parse(flag("base", 2, "[true,false]", 1, "")));
    assertThat(nextKeys(2)).containsExactly("base", "dependent");
    service.putSegment("beta-testers", AvsbValue.parse(
        "{\"key\":\"beta-testers\",\"version\":2,\"included\":[\"u2\"]}"));
    assertThat(nextKeys(1)).containsExactly("segmented");
    // a flag nothing depends on names only itself, and nothing else came in between
    service.putFlag("unrelated", AvsbValue.parse(flag("unrelated", 2, "[1,2]", 1, "")));
    assertThat(nextKeys(1)).containsExactly("unrelated");
    // an update at an old version changes nothing and is not reported
    service.putFlag("base", AvsbValue.parse(flag("base", 1, "[true,false]", 0, "")));
    service.deleteFlag("dependent", 5);
    assertThat(nextKeys(1)).containsExactly("dependent");
    assertThat(server.forUser(AvsbContext.of("u1")).getBoolFlag("base", true)).isFalse();
  }

  @Test
  void valueListenerFiresOnlyWhenTheValueForItsContextChanges() throws Exception {
    AvsbServer server = readyServer();
    BlockingQueue<FlagValueChangeEvent> values = new LinkedBlockingQueue<>();
    server.flagTracker().addFlagValueChangeListener("theme", AvsbContext.of("u1"), values::add);
    BlockingQueue<FlagValueChangeEvent> others = new LinkedBlockingQueue<>();
    server.flagTracker().addFlagValueChangeListener("theme", AvsbContext.of("u2"), others::add);
    // added last, so each notice reaches it after the value listeners: a barrier
    server.flagTracker().addFlagChangeListener(changes::add);

    service.putFlag("theme", AvsbValue.parse(theme(2, 2, 0)));
    assertThat(nextKeys(1)).containsExactly("theme");
    assertThat(values).isEmpty();
    assertThat(next(others)).isEqualTo(
        new FlagValueChangeEvent("theme", AvsbValue.of("light"), AvsbValue.of("blue")));

    service.putFlag("theme", AvsbValue.parse(theme(3, 2, 2)));
    assertThat(next(values)).isEqualTo(
        new FlagValueChangeEvent("theme", AvsbValue.of("dark"), AvsbValue.of("blue")));
    assertThat(nextKeys(1)).containsExactly("theme");
    assertThat(others).isEmpty();

    service.putFlag("unrelated", AvsbValue.parse(flag("unrelated", 2, "[1,2]", 1, "")));
    assertThat(nextKeys(1)).containsExactly("unrelated");
    assertThat(values).isEmpty();
  }
}
