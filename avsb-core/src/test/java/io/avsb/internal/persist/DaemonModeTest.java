package io.avsb.internal.persist;

import static io.avsb.internal.persist.Flags.flag;
import static io.avsb.internal.persist.Flags.stored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.avsb.AvsbConfig;
import io.avsb.AvsbServer;
import io.avsb.DataSourceStatus;
import io.avsb.EvaluationReason;
import io.avsb.StoreStatus;
import io.avsb.spi.DataKind;
import io.avsb.spi.PersistentDataSet;
import io.avsb.spi.PersistentStore;
import io.avsb.spi.SerializedItem;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DaemonModeTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private final MemoryStore store = new MemoryStore();
  private final PersistentStore writer = store.create(null);

  @AfterEach
  void closeStore() {
    store.close();
  }

  private AvsbServer reader(Duration resync) {
    return new AvsbServer(AvsbConfig.builder(null).persistentStore(store).daemonMode(true)
        .eventsEnabled(false).startWait(Duration.ZERO).storeResyncInterval(resync)
        .initialReconnectDelay(Duration.ofMillis(20)).build());
  }

  private static String value(AvsbServer server, String flag) {
    return server.forUser(Map.of("key", "u")).getStringFlag(flag, "default");
  }

  private void writeSet(SerializedItem... flags) {
    Map<String, SerializedItem> byKey = new java.util.HashMap<>();
    for (SerializedItem f : flags) {
      byKey.put(io.avsb.AvsbValue.parse(f.json()).get("key").stringValue(), f);
    }
    writer.init(new PersistentDataSet(byKey, Map.of(), -1));
  }

  @Test
  void readsTheWholeSetAtStartAndFollowsChangeNotices() {
    writeSet(stored("a", 1, "one"));
    try (AvsbServer server = reader(Duration.ofMinutes(1))) {
      assertThat(server.waitForReady(WAIT)).isTrue();
      assertThat(value(server, "a")).isEqualTo("one");
      assertThat(server.dataSourceStatus().state()).isEqualTo(DataSourceStatus.State.VALID);
      assertThat(server.storeStatusProvider().status().servingStoreData()).isTrue();
      writer.upsert(DataKind.FLAGS, "a", stored("a", 2, "two"));
      await().atMost(WAIT).until(() -> value(server, "a").equals("two"));
    }
  }

  @Test
  void aGapInTheChangeCounterReadsEverythingAgain() {
    writeSet(stored("a", 1, "one"));
    try (AvsbServer server = reader(Duration.ofMinutes(1))) {
      assertThat(server.waitForReady(WAIT)).isTrue();
      store.putSilently(DataKind.FLAGS, "b", stored("b", 1, "missed"));
      store.putSilently(DataKind.FLAGS, "c", stored("c", 1, "missed too"));
      store.announce(4, DataKind.FLAGS, "c", stored("c", 1, "missed too"));
      await().atMost(WAIT).until(() -> value(server, "b").equals("missed"));
      assertThat(value(server, "c")).isEqualTo("missed too");
    }
  }

  @Test
  void theResyncFindsChangesMadeWithoutANotice() {
    writeSet(stored("a", 1, "one"));
    try (AvsbServer server = reader(Duration.ofMillis(50))) {
      assertThat(server.waitForReady(WAIT)).isTrue();
      store.putSilently(DataKind.FLAGS, "a", stored("a", 2, "silent"));
      await().atMost(WAIT).until(() -> value(server, "a").equals("silent"));
    }
  }

  @Test
  void aMalformedItemIsSkippedAndTheOthersServed() {
    writer.init(new PersistentDataSet(Map.of("a", stored("a", 1, "one"),
        "bad", new SerializedItem(1, "{not json")), Map.of(), -1));
    try (AvsbServer server = reader(Duration.ofMinutes(1))) {
      assertThat(server.waitForReady(WAIT)).isTrue();
      assertThat(value(server, "a")).isEqualTo("one");
      assertThat(server.forUser(Map.of("key", "u")).getStringFlagDetail("bad", "d").reason()
          .errorKind()).isEqualTo(EvaluationReason.ErrorKind.FLAG_NOT_FOUND);
    }
  }

  @Test
  void notReadyWhileTheStoreIsDownThenReadyWhenItIsBack() {
    writeSet(stored("a", 1, "one"));
    store.available(false);
    try (AvsbServer server = reader(Duration.ofMinutes(1))) {
      await().atMost(WAIT).until(() -> server.storeStatusProvider().status().state()
          == StoreStatus.State.UNAVAILABLE);
      assertThat(server.isReady()).isFalse();
      assertThat(value(server, "a")).isEqualTo("default");
      assertThat(server.dataSourceStatus().lastError().kind())
          .isEqualTo(DataSourceStatus.ErrorKind.STORE_ERROR);
      store.available(true);
      assertThat(server.waitForReady(WAIT)).isTrue();
      assertThat(value(server, "a")).isEqualTo("one");
    }
  }

  @Test
  void keepsTheLastDataThroughAnOutageAndCatchesUpAfter() {
    writeSet(stored("a", 1, "one"));
    try (AvsbServer server = reader(Duration.ofMinutes(1))) {
      assertThat(server.waitForReady(WAIT)).isTrue();
      store.available(false);
      await().atMost(WAIT).until(() -> server.dataSourceStatus().state()
          == DataSourceStatus.State.INTERRUPTED);
      assertThat(value(server, "a")).isEqualTo("one");
      store.putSilently(DataKind.FLAGS, "a", stored("a", 2, "after"));
      store.available(true);
      await().atMost(WAIT).until(() -> value(server, "a").equals("after"));
      await().atMost(WAIT).until(() -> server.dataSourceStatus().state()
          == DataSourceStatus.State.VALID);
    }
  }

  @Test
  void waitsForAWriterWhenTheStoreHoldsNoDataSet() {
    try (AvsbServer server = reader(Duration.ofMinutes(1))) {
      await().atMost(WAIT).until(() -> server.dataSourceStatus().lastError() != null);
      assertThat(server.isReady()).isFalse();
      writeSet(stored("a", 1, "one"));
      assertThat(server.waitForReady(WAIT)).isTrue();
      assertThat(value(server, "a")).isEqualTo("one");
    }
  }

  @Test
  void daemonModeNeedsAStoreAndNoOtherSource() {
    assertThatThrownBy(() -> AvsbConfig.builder("k").daemonMode(true).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("persistentStore");
    assertThatThrownBy(() -> AvsbConfig.builder("k").daemonMode(true).persistentStore(store)
        .flagsFile(Path.of("flags.json")).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("flagsFile");
  }
}
