package io.avsb.internal.persist;

import static io.avsb.internal.persist.Flags.data;
import static io.avsb.internal.persist.Flags.flag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.avsb.AvsbConfig;
import io.avsb.AvsbServer;
import io.avsb.AvsbValue;
import io.avsb.DataSourceStatus;
import io.avsb.ManualSource;
import io.avsb.StoreStatus;
import io.avsb.spi.DataKind;
import io.avsb.spi.PersistentDataSet;
import io.avsb.spi.SerializedItem;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WriteThroughTest {
  private final MemoryStore store = new MemoryStore();
  private final ManualSource source = new ManualSource();

  @AfterEach
  void closeStore() {
    store.close();
  }

  private AvsbServer server() {
    return new AvsbServer(AvsbConfig.builder("key").dataSource(source).persistentStore(store)
        .eventsEnabled(false).startWait(Duration.ZERO)
        .initialReconnectDelay(Duration.ofMillis(20)).build());
  }

  private String value(AvsbServer server, String flag) {
    return server.forUser(Map.of("key", "u")).getStringFlag(flag, "default");
  }

  @Test
  void fullDataSetIsWrittenThrough() {
    try (AvsbServer server = server()) {
      source.deliver(data(flag("a", 1, "one"), flag("b", 2, "two")));
      assertThat(store.item(DataKind.FLAGS, "b").version()).isEqualTo(2);
      assertThat(AvsbValue.parse(store.item(DataKind.FLAGS, "a").json()))
          .isEqualTo(AvsbValue.parse(flag("a", 1, "one")));
      assertThat(store.initialized()).isTrue();
      assertThat(server.storeStatusProvider().status().state())
          .isEqualTo(StoreStatus.State.AVAILABLE);
    }
  }

  @Test
  void updatesAreWrittenOnlyWhenTheFlagStoreAppliesThem() {
    try (AvsbServer server = server()) {
      source.deliver(data(flag("a", 5, "five")));
      source.updates().upsert(DataKind.FLAGS, "a", AvsbValue.parse(flag("a", 4, "four")));
      assertThat(value(server, "a")).isEqualTo("five");
      assertThat(store.upserts).hasValue(0);
      source.updates().upsert(DataKind.FLAGS, "a", AvsbValue.parse(flag("a", 6, "six")));
      assertThat(value(server, "a")).isEqualTo("six");
      assertThat(store.item(DataKind.FLAGS, "a").version()).isEqualTo(6);
      source.updates().delete(DataKind.FLAGS, "a", 7);
      assertThat(value(server, "a")).isEqualTo("default");
      assertThat(AvsbValue.parse(store.item(DataKind.FLAGS, "a").json()).get("deleted"))
          .isEqualTo(AvsbValue.TRUE);
    }
  }

  @Test
  void anUnchangedDataSetIsNotWrittenAgain() {
    try (AvsbServer server = server()) {
      source.deliver(data(flag("a", 1, "one")));
      source.updates().init(AvsbValue.parse(data(flag("a", 1, "one"))));
      assertThat(store.fullWrites).hasValue(1);
      source.updates().init(AvsbValue.parse(data(flag("a", 2, "two"))));
      assertThat(value(server, "a")).isEqualTo("two");
      assertThat(store.fullWrites).hasValue(2);
    }
  }

  @Test
  void anOutageSkipsWritesAndRecoveryWritesTheWholeSetAgain() {
    try (AvsbServer server = server()) {
      List<StoreStatus> seen = new CopyOnWriteArrayList<>();
      server.storeStatusProvider().addStatusListener(seen::add);
      source.deliver(data(flag("a", 1, "one")));
      store.available(false);
      source.updates().upsert(DataKind.FLAGS, "a", AvsbValue.parse(flag("a", 2, "two")));
      source.updates().upsert(DataKind.FLAGS, "b", AvsbValue.parse(flag("b", 1, "bee")));
      assertThat(value(server, "a")).isEqualTo("two");
      assertThat(server.storeStatusProvider().status().state())
          .isEqualTo(StoreStatus.State.UNAVAILABLE);
      assertThat(server.storeStatusProvider().status().lastError()).contains("memory store is down");
      store.wipe();
      store.available(true);
      await().atMost(Duration.ofSeconds(10)).until(() -> store.item(DataKind.FLAGS, "b") != null);
      assertThat(store.item(DataKind.FLAGS, "a").version()).isEqualTo(2);
      await().atMost(Duration.ofSeconds(10)).until(() ->
          seen.stream().map(StoreStatus::state).toList().containsAll(
              List.of(StoreStatus.State.UNAVAILABLE, StoreStatus.State.AVAILABLE)));
    }
  }

  @Test
  void startsFromTheStoreWhenTheSourceFailsBeforeItsFirstData() {
    store.create(null).init(new PersistentDataSet(
        Map.of("a", new SerializedItem(3, flag("a", 3, "from-store"))), Map.of(), -1));
    try (AvsbServer server = server()) {
      assertThat(value(server, "a")).isEqualTo("default");
      source.updates().updateStatus(DataSourceStatus.State.INITIALIZING,
          new DataSourceStatus.ErrorInfo(DataSourceStatus.ErrorKind.NETWORK_ERROR, 0,
              "connection refused", Instant.now()));
      assertThat(server.waitForReady(Duration.ofSeconds(10))).isTrue();
      assertThat(value(server, "a")).isEqualTo("from-store");
      assertThat(server.storeStatusProvider().status().servingStoreData()).isTrue();
      assertThat(server.dataSourceStatus().state())
          .isEqualTo(DataSourceStatus.State.INITIALIZING);
      assertThat(store.fullWrites).hasValue(1); // the test's own: nothing written back

      source.deliver(data(flag("a", 1, "from-service")));
      assertThat(value(server, "a")).isEqualTo("from-service");
      assertThat(server.storeStatusProvider().status().servingStoreData()).isFalse();
      assertThat(store.item(DataKind.FLAGS, "a").version()).isEqualTo(1);
    }
  }

  @Test
  void anOfflineServerNeverWritesTheStore() {
    try (AvsbServer server = new AvsbServer(AvsbConfig.builder(null).persistentStore(store)
        .startWait(Duration.ZERO).build())) {
      assertThat(server.isReady()).isTrue();
      assertThat(store.initialized()).isFalse();
    }
  }

  @Test
  void withoutAStoreTheStatusSaysNotConfigured() {
    try (AvsbServer server = new AvsbServer(AvsbConfig.builder(null).offline(true).build())) {
      assertThat(server.storeStatusProvider().status().state())
          .isEqualTo(StoreStatus.State.NOT_CONFIGURED);
    }
  }
}
