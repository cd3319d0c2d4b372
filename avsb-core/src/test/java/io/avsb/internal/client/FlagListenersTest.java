package io.avsb.internal.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.avsb.AvsbContext;
import io.avsb.AvsbServer;
import io.avsb.AvsbValue;
import io.avsb.DataSourceStatus;
import io.avsb.DataSourceStatus.State;
import io.avsb.DataSourceStatusProvider;
import io.avsb.FlagChangeEvent;
import io.avsb.FlagValueChangeEvent;
import io.avsb.ManualSource;
import io.avsb.spi.DataKind;
import io.avsb.spi.DataSourceUpdates;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Flag change, flag value change and status listeners of a server, through the public API. */
class FlagListenersTest {
  private static final String DATA = "{\"flags\":{"
      + "\"switch\":" + flag("switch", 1, "[true,false]", 0, "") + ","
      + "\"gated\":{\"key\":\"gated\",\"version\":1,\"on\":true,\"variations\":[\"new\",\"old\"],"
      + "\"offVariation\":1,\"fallthrough\":{\"variation\":0},"
      + "\"prerequisites\":[{\"key\":\"switch\",\"variation\":0}]},"
      + "\"beta\":" + flag("beta", 1, "[true,false]", 1, "\"rules\":[{\"id\":\"r\",\"clauses\":"
          + "[{\"attribute\":\"key\",\"op\":\"segmentMatch\",\"values\":[\"testers\"]}],"
          + "\"variation\":0}]") + ","
      + "\"theme\":" + flag("theme", 1, "[\"dark\",\"light\",\"blue\"]", 1,
          "\"targets\":[{\"variation\":0,\"values\":[\"u1\"]}]") + ","
      + "\"other\":" + flag("other", 1, "[1,2]", 0, "")
      + "},\"segments\":{\"testers\":{\"key\":\"testers\",\"version\":1,\"included\":[\"u1\"]}}}";

  private final ManualSource source = new ManualSource();
  private final AvsbServer server = AvsbServer.builder(null).dataSource(source)
      .startWait(Duration.ZERO).eventsEnabled(false).buildServer();
  private final BlockingQueue<FlagChangeEvent> changes = new LinkedBlockingQueue<>();

  @AfterEach
  void close() {
    server.close();
  }

  private static String flag(String key, int version, String variations, int fallthrough,
      String extra) {
    return "{\"key\":\"" + key + "\",\"version\":" + version + ",\"on\":true,\"variations\":"
        + variations + ",\"offVariation\":" + (fallthrough == 0 ? 1 : 0)
        + ",\"fallthrough\":{\"variation\":" + fallthrough + "}"
        + (extra.isEmpty() ? "" : "," + extra) + "}";
  }

  private DataSourceUpdates ready() {
    source.deliver(DATA);
    return source.updates();
  }

  private static <T> T next(BlockingQueue<T> queue) throws InterruptedException {
    T t = queue.poll(30, TimeUnit.SECONDS);
    assertThat(t).as("an event within 30 s").isNotNull();
    return t;
  }

  /** The keys of the next {@code n} change events. */
  private List<String> nextKeys(int n) throws InterruptedException {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      keys.add(next(changes).key());
    }
    return keys;
  }

  @Test
  void patchedFlagNotifiesItselfAndFlagsRequiringItOnTheNotifierThread() throws Exception {
    DataSourceUpdates updates = ready();
    BlockingQueue<String> threads = new LinkedBlockingQueue<>();
    server.flagTracker().addFlagChangeListener(e -> {
      threads.add(Thread.currentThread().getName());
      changes.add(e);
    });
    updates.upsert(DataKind.FLAGS, "switch",
        AvsbValue.parse(flag("switch", 2, "[true,false]", 1, "")));
    assertThat(nextKeys(2)).containsExactly("gated", "switch");
    assertThat(next(threads)).startsWith("avsb-notifier-");
    updates.upsert(DataKind.SEGMENTS, "testers",
        AvsbValue.parse("{\"key\":\"testers\",\"version\":2,\"included\":[\"u2\"]}"));
    assertThat(nextKeys(1)).containsExactly("beta");
    assertThat(changes).isEmpty();
  }

  @Test
  void throwingListenerIsSkippedAndTheOthersStillHear() throws Exception {
    DataSourceUpdates updates = ready();
    server.flagTracker().addFlagChangeListener(e -> {
      throw new IllegalStateException("broken listener");
    });
    server.flagTracker().addFlagChangeListener(changes::add);
    updates.upsert(DataKind.FLAGS, "other", AvsbValue.parse(flag("other", 2, "[1,2]", 1, "")));
    updates.upsert(DataKind.FLAGS, "other", AvsbValue.parse(flag("other", 3, "[1,2]", 0, "")));
    assertThat(nextKeys(2)).containsExactly("other", "other");
  }

  @Test
  void removedListenerHearsNothingMore() throws Exception {
    DataSourceUpdates updates = ready();
    BlockingQueue<FlagChangeEvent> removed = new LinkedBlockingQueue<>();
    Consumer<FlagChangeEvent> listener = removed::add;
    server.flagTracker().addFlagChangeListener(listener);
    server.flagTracker().removeFlagChangeListener(listener);
    server.flagTracker().addFlagChangeListener(changes::add);
    updates.upsert(DataKind.FLAGS, "other", AvsbValue.parse(flag("other", 2, "[1,2]", 1, "")));
    assertThat(nextKeys(1)).containsExactly("other");
    assertThat(removed).isEmpty();
  }

  @Test
  void valueListenerFiresOnlyWhenTheValueForItsContextChanges() throws Exception {
    DataSourceUpdates updates = ready();
    BlockingQueue<FlagValueChangeEvent> values = new LinkedBlockingQueue<>();
    server.flagTracker().addFlagValueChangeListener("theme", AvsbContext.of("u1"), values::add);
    // added after the value listener, so it hears each change after it: a barrier
    server.flagTracker().addFlagChangeListener(changes::add);

    // the fallthrough changes, but u1 is a target: same value for u1
    updates.upsert(DataKind.FLAGS, "theme", AvsbValue.parse(flag("theme", 2,
        "[\"dark\",\"light\",\"blue\"]", 2, "\"targets\":[{\"variation\":0,\"values\":[\"u1\"]}]")));
    assertThat(nextKeys(1)).containsExactly("theme");
    assertThat(values).isEmpty();

    updates.upsert(DataKind.FLAGS, "theme", AvsbValue.parse(flag("theme", 3,
        "[\"dark\",\"light\",\"blue\"]", 2, "\"targets\":[{\"variation\":2,\"values\":[\"u1\"]}]")));
    assertThat(next(values))
        .isEqualTo(new FlagValueChangeEvent("theme", AvsbValue.of("dark"), AvsbValue.of("blue")));

    updates.delete(DataKind.FLAGS, "theme", 4);
    assertThat(next(values))
        .isEqualTo(new FlagValueChangeEvent("theme", AvsbValue.of("blue"), AvsbValue.NULL));
    assertThat(nextKeys(2)).containsExactly("theme", "theme");
    assertThat(values).isEmpty();
  }

  @Test
  void valueListenerHearsAChangeOfAPrerequisite() throws Exception {
    DataSourceUpdates updates = ready();
    BlockingQueue<FlagValueChangeEvent> values = new LinkedBlockingQueue<>();
    Consumer<FlagChangeEvent> handle = server.flagTracker()
        .addFlagValueChangeListener("gated", AvsbContext.of("u9"), values::add);
    server.flagTracker().addFlagChangeListener(changes::add);
    updates.upsert(DataKind.FLAGS, "switch",
        AvsbValue.parse(flag("switch", 2, "[true,false]", 1, "")));
    assertThat(next(values))
        .isEqualTo(new FlagValueChangeEvent("gated", AvsbValue.of("new"), AvsbValue.of("old")));
    server.flagTracker().removeFlagChangeListener(handle);
    updates.upsert(DataKind.FLAGS, "switch",
        AvsbValue.parse(flag("switch", 3, "[true,false]", 0, "")));
    assertThat(nextKeys(4)).containsExactly("gated", "switch", "gated", "switch");
    assertThat(values).isEmpty();
  }

  @Test
  void valueListenerAddedBeforeTheFirstDataHearsTheFirstValue() throws Exception {
    BlockingQueue<FlagValueChangeEvent> values = new LinkedBlockingQueue<>();
    server.flagTracker().addFlagValueChangeListener("other", AvsbContext.of("u1"), values::add);
    ready();
    assertThat(next(values))
        .isEqualTo(new FlagValueChangeEvent("other", AvsbValue.NULL, AvsbValue.of(1)));
  }

  @Test
  void statusListenersHearChangesOnTheNotifierThreadAndWaitForSeesThem() throws Exception {
    DataSourceStatusProvider provider = server.dataSourceStatusProvider();
    assertThat(provider.status().state()).isEqualTo(State.INITIALIZING);
    BlockingQueue<DataSourceStatus> heard = new LinkedBlockingQueue<>();
    BlockingQueue<String> threads = new LinkedBlockingQueue<>();
    provider.addStatusListener(s -> {
      threads.add(Thread.currentThread().getName());
      heard.add(s);
    });
    provider.addStatusListener(s -> {
      throw new IllegalStateException("broken listener");
    });
    assertThat(provider.waitFor(State.VALID, Duration.ofMillis(1))).isFalse();
    DataSourceUpdates updates = ready();
    assertThat(provider.waitFor(State.VALID, Duration.ofMinutes(1))).isTrue();
    assertThat(next(heard).state()).isEqualTo(State.VALID);
    assertThat(next(threads)).startsWith("avsb-notifier-");
    updates.updateStatus(State.INTERRUPTED, new DataSourceStatus.ErrorInfo(
        DataSourceStatus.ErrorKind.NETWORK_ERROR, 0, "reset", java.time.Instant.now()));
    DataSourceStatus interrupted = next(heard);
    assertThat(interrupted.state()).isEqualTo(State.INTERRUPTED);
    assertThat(interrupted.lastError().message()).isEqualTo("reset");
    assertThat(provider.status()).isEqualTo(interrupted);
    server.close();
    assertThat(next(heard).state()).isEqualTo(State.OFF);
    assertThat(provider.waitFor(State.VALID, Duration.ofDays(1))).isFalse();
  }

  @Test
  void listenerThatClosesTheServerDoesNotHangIt() throws Exception {
    DataSourceUpdates updates = ready();
    CompletableFuture<Void> closed = new CompletableFuture<>();
    server.flagTracker().addFlagChangeListener(e -> {
      server.close();
      closed.complete(null);
    });
    updates.upsert(DataKind.FLAGS, "other", AvsbValue.parse(flag("other", 2, "[1,2]", 1, "")));
    closed.get(1, TimeUnit.MINUTES);
    assertThat(server.dataSourceStatus().state()).isEqualTo(State.OFF);
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
        Thread.getAllStackTraces().keySet().stream()
            .noneMatch(t -> t.isAlive() && t.getName().startsWith("avsb-notifier-")));
  }
}
