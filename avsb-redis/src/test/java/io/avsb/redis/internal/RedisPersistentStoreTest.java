package io.avsb.redis.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.avsb.internal.log.LogCapture;
import io.avsb.redis.RedisServer;
import io.avsb.redis.RedisStore;
import io.avsb.spi.DataKind;
import io.avsb.spi.PersistentDataSet;
import io.avsb.spi.PersistentStore;
import io.avsb.spi.PersistentStoreException;
import io.avsb.spi.SerializedItem;
import io.avsb.spi.StoreChangeListener;
import io.avsb.spi.StoreSubscription;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

class RedisPersistentStoreTest {
  private static RedisServer redis;
  private static int prefixes;
  private PersistentStore store;
  private String prefix;

  @BeforeAll
  static void startRedis() {
    redis = RedisServer.start();
  }

  @AfterAll
  static void stopRedis() {
    redis.close();
  }

  private PersistentStore newStore() {
    return RedisStore.builder().uri(redis.uri()).prefix(prefix)
        .connectTimeout(Duration.ofMillis(500)).socketTimeout(Duration.ofSeconds(1))
        .build().create(null);
  }

  @BeforeEach
  void createStore() {
    if (!redis.isRunning()) {
      redis.restart();
    }
    prefix = "test" + (++prefixes);
    store = newStore();
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  private static SerializedItem item(String key, int version) {
    return new SerializedItem(version, "{\"key\":\"" + key + "\",\"version\":" + version + "}");
  }

  private static PersistentDataSet flags(SerializedItem... items) {
    Map<String, SerializedItem> m = new java.util.HashMap<>();
    for (SerializedItem i : items) {
      m.put(io.avsb.AvsbValue.parse(i.json()).get("key").stringValue(), i);
    }
    return new PersistentDataSet(m, Map.of(), -1);
  }

  @Test
  void holdsNoDataSetUntilOneIsWritten() {
    assertThat(store.isInitialized()).isFalse();
    assertThat(store.readAll()).isNull();
    store.init(flags(item("a", 1)));
    assertThat(store.isInitialized()).isTrue();
    assertThat(store.readAll().flags()).containsOnlyKeys("a");
  }

  @Test
  void aDataSetReplacesTheWholePreviousOne() {
    store.init(new PersistentDataSet(Map.of("a", item("a", 1), "b", item("b", 2)),
        Map.of("s", item("s", 3)), -1));
    store.init(flags(item("c", 4)));
    PersistentDataSet read = store.readAll();
    assertThat(read.flags()).containsOnlyKeys("c");
    assertThat(read.segments()).isEmpty();
    assertThat(read.flags().get("c")).isEqualTo(item("c", 4));
    try (RedisClient c = redis.client()) {
      assertThat(c.hgetAll(prefix + ":versions")).isEqualTo(Map.of("flags/c", "4"));
    }
  }

  @Test
  void anUpsertNeverOverwritesANewerVersion() {
    store.init(flags(item("a", 5)));
    try (PersistentStore other = newStore()) {
      assertThat(other.upsert(DataKind.FLAGS, "a", item("a", 4))).isFalse();
      assertThat(other.upsert(DataKind.FLAGS, "a", item("a", 5))).isFalse();
      assertThat(store.upsert(DataKind.FLAGS, "a", item("a", 6))).isTrue();
      assertThat(other.get(DataKind.FLAGS, "a")).isEqualTo(item("a", 6));
      assertThat(other.upsert(DataKind.SEGMENTS, "a", item("a", 1))).isTrue();
      assertThat(other.getAll(DataKind.SEGMENTS)).isEqualTo(Map.of("a", item("a", 1)));
    }
  }

  @Test
  void concurrentWritersEndWithTheHighestVersion() throws Exception {
    store.init(flags());
    try (PersistentStore other = newStore()) {
      CompletableFuture<Void> odd = CompletableFuture.runAsync(() -> {
        for (int v = 199; v >= 1; v -= 2) {
          other.upsert(DataKind.FLAGS, "race", item("race", v));
        }
      });
      for (int v = 1; v <= 200; v += 2) {
        store.upsert(DataKind.FLAGS, "race", item("race", v + 1));
      }
      odd.get(30, TimeUnit.SECONDS);
      assertThat(store.get(DataKind.FLAGS, "race")).isEqualTo(item("race", 200));
    }
  }

  @Test
  @SuppressWarnings("try") // the subscription is used for its lifetime
  void followersHearEachStoredItemWithTheCounterAndEachReplacedSet() throws Exception {
    Recorder notices = new Recorder();
    try (StoreSubscription s = store.follow(notices)) {
      store.init(flags(item("a", 1)));
      assertThat(notices.next()).isEqualTo("replaced");
      long before = store.generation();
      store.upsert(DataKind.FLAGS, "odd key/with spaces\n", item("x", 2));
      store.upsert(DataKind.FLAGS, "a", item("a", 1)); // not newer: no notice
      store.upsert(DataKind.SEGMENTS, "s", item("s", 3));
      assertThat(notices.next()).isEqualTo((before + 1) + " FLAGS odd key/with spaces\n "
          + item("x", 2));
      assertThat(notices.next()).isEqualTo((before + 2) + " SEGMENTS s " + item("s", 3));
    }
  }

  @Test
  @SuppressWarnings("try") // the subscription is used for its lifetime
  void aMalformedNoticeIsSkippedWithOneLogLine() throws Exception {
    Recorder notices = new Recorder();
    try (StoreSubscription s = store.follow(notices); RedisClient c = redis.client();
        LogCapture log = new LogCapture()) {
      c.publish(prefix + ":changes", "garbage");
      store.upsert(DataKind.FLAGS, "a", item("a", 1));
      assertThat(notices.next()).contains("FLAGS a");
      assertThat(log.linesWith("Skipped a malformed change notice")).hasSize(1);
    }
  }

  @Test
  void aRestartedServerIsUsedAtOnceAndGetsTheUpsertScriptAgain() {
    store.init(flags(item("a", 1)));
    assertThat(store.upsert(DataKind.FLAGS, "a", item("a", 2))).isTrue();
    redis.restart(); // the pooled connection died with the server: it is replaced at once
    assertThat(store.isAvailable()).isTrue();
    assertThat(store.upsert(DataKind.FLAGS, "a", item("a", 3))).isTrue();
    assertThat(store.get(DataKind.FLAGS, "a")).isEqualTo(item("a", 3));
  }

  @Test
  @SuppressWarnings("try") // the subscription is used for its lifetime
  void aDownServerFailsOperationsAndEndsSubscriptions() throws Exception {
    Recorder notices = new Recorder();
    try (StoreSubscription s = store.follow(notices)) {
      redis.kill();
      assertThat(notices.next()).startsWith("lost");
      assertThat(store.isAvailable()).isFalse();
      assertThatThrownBy(() -> store.readAll()).isInstanceOf(PersistentStoreException.class)
          .hasMessageContaining("reading the data set on redis://127.0.0.1:" + redis.port());
      assertThatThrownBy(() -> store.follow(new Recorder()))
          .isInstanceOf(PersistentStoreException.class).hasMessageContaining("subscribing");
    } finally {
      redis.restart();
    }
  }

  /** Records notices as text, in order. */
  private static final class Recorder implements StoreChangeListener {
    private final BlockingQueue<String> seen = new LinkedBlockingQueue<>();

    @Override
    public void itemChanged(long generation, DataKind kind, String key, SerializedItem item) {
      seen.add(generation + " " + kind + " " + key + " " + item);
    }

    @Override
    public void dataSetReplaced() {
      seen.add("replaced");
    }

    @Override
    public void subscriptionLost(String reason) {
      seen.add("lost " + reason);
    }

    String next() throws InterruptedException {
      String s = seen.poll(10, TimeUnit.SECONDS);
      assertThat(s).as("a notice within 10 s").isNotNull();
      return s;
    }
  }
}
