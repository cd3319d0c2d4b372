package io.avsb.redis;

import io.avsb.internal.log.LogCapture;
import static io.avsb.redis.Fixtures.WAIT;
import static io.avsb.redis.Fixtures.data;
import static io.avsb.redis.Fixtures.flag;
import static io.avsb.redis.Fixtures.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.avsb.AvsbServer;
import io.avsb.DataSourceStatus;
import io.avsb.EvaluationReason;
import io.avsb.FlagChangeEvent;
import io.avsb.StoreStatus;
import io.avsb.testkit.AvsbTestService;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

class RedisDaemonModeTest {
  private static RedisServer redis;

  @BeforeAll
  static void startRedis() {
    redis = RedisServer.start();
  }

  @AfterAll
  static void stopRedis() {
    redis.close();
  }

  @Test
  @SuppressWarnings("try") // the writer is used for its lifetime
  void aReaderServesWhatTheWriterStreamsAndFollowsEachChange() {
    RedisStore store = Fixtures.store(redis.uri(), "follow");
    try (AvsbTestService service = new AvsbTestService().start()) {
      service.setData(data(flag("a", 1, "one")));
      try (AvsbServer writer = Fixtures.readyWriter(service, store);
          AvsbServer reader = new AvsbServer(Fixtures.reader(store).build())) {
        assertThat(reader.waitForReady(WAIT)).isTrue();
        assertThat(value(reader, "a")).isEqualTo("one");
        assertThat(reader.dataSourceStatus().state()).isEqualTo(DataSourceStatus.State.VALID);
        assertThat(reader.storeStatusProvider().status().servingStoreData()).isTrue();
        List<String> changed = new CopyOnWriteArrayList<>();
        reader.flagTracker().addFlagChangeListener((FlagChangeEvent e) -> changed.add(e.key()));

        service.putFlag("a", flag("a", 2, "two"));
        await().atMost(WAIT).until(() -> value(reader, "a").equals("two"));
        await().atMost(WAIT).until(() -> changed.contains("a"));
        service.putFlag("b", flag("b", 1, "bee"));
        await().atMost(WAIT).until(() -> value(reader, "b").equals("bee"));
        try (LogCapture log = new LogCapture()) {
          service.deleteFlag("a", 3);
          await().atMost(WAIT).until(() -> value(reader, "a").equals("default"));
          assertThat(log.linesWith("Flag \"a\" does not exist")).hasSize(1);
        }
      }
    }
  }

  @Test
  void aMalformedItemInRedisIsSkippedWithOneLogLineAndTheOthersServed() {
    RedisStore store = Fixtures.store(redis.uri(), "malformed");
    try (AvsbTestService service = new AvsbTestService().start()) {
      service.setData(data(flag("a", 1, "one")));
      Fixtures.readyWriter(service, store).close();
    }
    try (RedisClient c = redis.client()) {
      c.hset("malformed:flags", "bad", "{\"key\": \"bad\", \"version\": ");
    }
    try (LogCapture log = new LogCapture();
        AvsbServer reader = new AvsbServer(Fixtures.reader(store).build())) {
      assertThat(reader.waitForReady(WAIT)).isTrue();
      assertThat(value(reader, "a")).isEqualTo("one");
      assertThat(reader.forUser(Map.of("key", "u")).getStringFlagDetail("bad", "d").reason()
          .errorKind()).isEqualTo(EvaluationReason.ErrorKind.FLAG_NOT_FOUND);
      assertThat(log.linesWith("Skipped flag \"bad\" read from the persistent store")).hasSize(1);
    }
  }

  @Test
  void theResyncFindsAnEditMadeWithoutANotice() {
    RedisStore store = Fixtures.store(redis.uri(), "resync");
    try (AvsbTestService service = new AvsbTestService().start()) {
      service.setData(data(flag("a", 1, "one")));
      Fixtures.readyWriter(service, store).close();
    }
    try (AvsbServer reader = new AvsbServer(Fixtures.reader(store)
        .storeResyncInterval(Duration.ofMillis(100)).build());
        RedisClient c = redis.client()) {
      assertThat(reader.waitForReady(WAIT)).isTrue();
      c.hset("resync:flags", "a", flag("a", 5, "edited by hand").toJson());
      c.incr("resync:generation");
      await().atMost(WAIT).until(() -> value(reader, "a").equals("edited by hand"));
    }
  }

  @Test
  @SuppressWarnings("try") // the writer is used for its lifetime
  void aReaderIsNotReadyWhileRedisIsDownAndReadsOnceItIsUp() {
    RedisStore store = Fixtures.store(redis.uri(), "late");
    redis.kill();
    try (LogCapture log = new LogCapture();
        AvsbServer reader = new AvsbServer(Fixtures.reader(store).build())) {
      await().atMost(WAIT).until(() ->
          reader.storeStatusProvider().status().state() == StoreStatus.State.UNAVAILABLE);
      assertThat(reader.isReady()).isFalse();
      assertThat(reader.forUser(Map.of("key", "u")).getStringFlagDetail("a", "d").reason()
          .errorKind()).isEqualTo(EvaluationReason.ErrorKind.CLIENT_NOT_READY);
      assertThat(reader.dataSourceStatus().lastError().kind())
          .isEqualTo(DataSourceStatus.ErrorKind.STORE_ERROR);
      redis.restart();
      try (AvsbTestService service = new AvsbTestService().start()) {
        service.setData(data(flag("a", 1, "one")));
        try (AvsbServer writer = Fixtures.writer(service, store)) {
          assertThat(reader.waitForReady(WAIT)).isTrue();
          assertThat(value(reader, "a")).isEqualTo("one");
        }
      }
      assertThat(log.linesWith("The persistent store is unavailable")).isNotEmpty();
    } finally {
      if (!redis.isRunning()) {
        redis.restart();
      }
    }
  }
}
