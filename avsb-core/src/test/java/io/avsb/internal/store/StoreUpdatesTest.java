package io.avsb.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.avsb.AvsbValue;
import io.avsb.DataSourceStatus;
import io.avsb.spi.DataKind;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class StoreUpdatesTest {
  private final FlagStore store = new FlagStore();
  private final DataSourceStatusTracker status = new DataSourceStatusTracker(Clock.systemUTC());
  private final StoreUpdates updates = new StoreUpdates(store, status);

  private static AvsbValue flag(String key, int version) {
    return AvsbValue.parse("{\"key\":\"" + key + "\",\"version\":" + version + ",\"on\":true,"
        + "\"variations\":[true,false],\"fallthrough\":{\"variation\":0},\"offVariation\":1}");
  }

  private static AvsbValue segment(String key, int version) {
    return AvsbValue.parse("{\"key\":\"" + key + "\",\"version\":" + version + ",\"included\":[\"u\"]}");
  }

  private static AvsbValue data(String flags, String segments) {
    return AvsbValue.parse("{\"flags\":{" + flags + "},\"segments\":{" + segments + "}}");
  }

  @Test
  void emptyStoreIsNotInitialised() {
    assertThat(store.snapshot().initialized()).isFalse();
    assertThat(store.whenInitialized()).isNotDone();
    assertThat(store.snapshot().flag("f")).isNull();
  }

  @Test
  void initReplacesEverything() {
    updates.init(data("\"a\":" + flag("a", 1).toJson(), "\"s\":" + segment("s", 1).toJson()));
    assertThat(updates.init(data("\"b\":" + flag("b", 1).toJson(), ""))).isTrue();
    Snapshot s = store.snapshot();
    assertThat(s.initialized()).isTrue();
    assertThat(store.whenInitialized()).isDone();
    assertThat(s.flag("a")).isNull();
    assertThat(s.flag("b").key()).isEqualTo("b");
    assertThat(s.segment("s")).isNull();
  }

  @Test
  void initWithoutSectionsGivesAnEmptyInitialisedStore() {
    assertThat(updates.init(AvsbValue.parse("{}"))).isTrue();
    assertThat(store.snapshot().initialized()).isTrue();
    assertThat(store.snapshot().flags()).isEmpty();
  }

  @Test
  void nonObjectPayloadIsRejectedAndTheLastGoodDataStays() {
    updates.init(data("\"a\":" + flag("a", 1).toJson(), ""));
    Snapshot before = store.snapshot();
    assertThat(updates.init(AvsbValue.arrayOf(AvsbValue.of(1)))).isFalse();
    assertThat(updates.init(AvsbValue.parse("{\"flags\": [1]}"))).isFalse();
    assertThat(updates.init(AvsbValue.parse("{\"segments\": \"x\"}"))).isFalse();
    assertThat(updates.upsert(DataKind.FLAGS, "a", AvsbValue.of("not an object"))).isFalse();
    assertThat(store.snapshot()).isSameAs(before);
  }

  @Test
  void upsertAppliesOnlyAHigherVersion() {
    updates.init(data("\"a\":" + flag("a", 5).toJson(), ""));
    assertThat(updates.upsert(DataKind.FLAGS, "a", flag("a", 4))).isFalse();
    assertThat(updates.upsert(DataKind.FLAGS, "a", flag("a", 5))).isFalse();
    assertThat(store.snapshot().flag("a").version()).isEqualTo(5);
    assertThat(updates.upsert(DataKind.FLAGS, "a", flag("a", 6))).isTrue();
    assertThat(store.snapshot().flag("a").version()).isEqualTo(6);
  }

  @Test
  void upsertOfANewKeyIsApplied() {
    updates.init(data("", ""));
    assertThat(updates.upsert(DataKind.SEGMENTS, "s", segment("s", 1))).isTrue();
    assertThat(store.snapshot().segment("s").key()).isEqualTo("s");
  }

  @Test
  void deleteLeavesATombstoneThatBlocksOlderUpdates() {
    updates.init(data("\"a\":" + flag("a", 3).toJson(), ""));
    assertThat(updates.delete(DataKind.FLAGS, "a", 2)).isFalse();
    assertThat(store.snapshot().flag("a")).isNotNull();
    assertThat(updates.delete(DataKind.FLAGS, "a", 4)).isTrue();
    assertThat(store.snapshot().flag("a")).isNull();
    assertThat(store.snapshot().stored(DataKind.FLAGS, "a")).isEqualTo(StoredItem.tombstone(4));
    assertThat(updates.upsert(DataKind.FLAGS, "a", flag("a", 4))).isFalse();
    assertThat(updates.delete(DataKind.FLAGS, "a", 4)).isFalse();
    assertThat(store.snapshot().flag("a")).isNull();
    assertThat(updates.upsert(DataKind.FLAGS, "a", flag("a", 5))).isTrue();
    assertThat(store.snapshot().flag("a").version()).isEqualTo(5);
  }

  @Test
  void deleteOfAnUnknownKeyStoresATombstone() {
    updates.init(data("", ""));
    assertThat(updates.delete(DataKind.SEGMENTS, "s", 7)).isTrue();
    assertThat(updates.upsert(DataKind.SEGMENTS, "s", segment("s", 6))).isFalse();
    assertThat(store.snapshot().segment("s")).isNull();
  }

  @Test
  void itemMarkedDeletedIsATombstone() {
    updates.init(data("\"a\":{\"key\":\"a\",\"version\":9,\"deleted\":true}", ""));
    assertThat(store.snapshot().flag("a")).isNull();
    assertThat(updates.upsert(DataKind.FLAGS, "a", flag("a", 8))).isFalse();
    assertThat(updates.upsert(DataKind.FLAGS, "a",
        AvsbValue.parse("{\"key\":\"a\",\"version\":10,\"deleted\":true}"))).isTrue();
    assertThat(store.snapshot().stored(DataKind.FLAGS, "a")).isEqualTo(StoredItem.tombstone(10));
  }

  @Test
  void malformedItemIsKeptAsMalformedAndDoesNotStopTheOthers() {
    updates.init(data("\"bad\":{\"key\":\"bad\",\"version\":1,\"variations\":\"nope\"},"
        + "\"good\":" + flag("good", 1).toJson(), ""));
    assertThat(store.snapshot().flag("bad").malformedError()).isNotNull();
    assertThat(store.snapshot().flag("good").malformedError()).isNull();
  }

  @Test
  void earlierSnapshotIsUnchangedByLaterUpdates() {
    updates.init(data("\"a\":" + flag("a", 1).toJson(), ""));
    Snapshot before = store.snapshot();
    updates.upsert(DataKind.FLAGS, "a", flag("a", 2));
    updates.upsert(DataKind.FLAGS, "b", flag("b", 1));
    assertThat(before.flag("a").version()).isEqualTo(1);
    assertThat(before.flag("b")).isNull();
  }

  @Test
  void concurrentUpsertsKeepTheHighestVersion() throws Exception {
    updates.init(data("", ""));
    int threads = 4;
    int perThread = 200;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int offset = t;
      done.add(pool.submit(() -> {
        go.await();
        for (int i = 0; i < perThread; i++) {
          int v = i * threads + offset + 1;
          updates.upsert(DataKind.FLAGS, "f" + (i % 3), flag("f" + (i % 3), v));
          updates.upsert(DataKind.FLAGS, "shared", flag("shared", v));
        }
        return null;
      }));
    }
    go.countDown();
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();
    assertThat(store.snapshot().flag("shared").version()).isEqualTo(threads * perThread);
    assertThat(store.snapshot().flags()).containsKeys("f0", "f1", "f2", "shared");
  }

  @Test
  void statusReportsReachTheTracker() {
    updates.updateStatus(DataSourceStatus.State.VALID, null);
    assertThat(status.current().state()).isEqualTo(DataSourceStatus.State.VALID);
    updates.updateStatus(null, null);
    assertThat(status.current().state()).isEqualTo(DataSourceStatus.State.VALID);
  }
}
