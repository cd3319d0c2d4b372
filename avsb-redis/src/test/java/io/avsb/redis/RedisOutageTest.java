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
import io.avsb.StoreStatus;
import io.avsb.testkit.AvsbTestService;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

class RedisOutageTest {
  private static RedisServer redis;

  @BeforeAll
  static void startRedis() {
    redis = RedisServer.start();
  }

  @AfterAll
  static void stopRedis() {
    redis.close();
  }

  private static List<StoreStatus.State> states(List<StoreStatus> seen) {
    return seen.stream().map(StoreStatus::state).toList();
  }

  @Test
  void theLastDataIsServedThroughAnOutageAndTheWriterRewritesItsSetAfter() {
    RedisStore store = Fixtures.store(redis.uri(), "outage");
    try (LogCapture log = new LogCapture();
        AvsbTestService service = new AvsbTestService().start()) {
      service.setData(data(flag("a", 1, "before")));
      try (AvsbServer writer = Fixtures.readyWriter(service, store);
          AvsbServer reader = new AvsbServer(Fixtures.reader(store).build())) {
        assertThat(reader.waitForReady(WAIT)).isTrue();
        List<StoreStatus> writerSaw = new CopyOnWriteArrayList<>();
        List<StoreStatus> readerSaw = new CopyOnWriteArrayList<>();
        writer.storeStatusProvider().addStatusListener(writerSaw::add);
        reader.storeStatusProvider().addStatusListener(readerSaw::add);

        redis.kill();
        await().atMost(WAIT).until(() -> states(readerSaw).contains(StoreStatus.State.UNAVAILABLE));
        service.putFlag("a", flag("a", 2, "during"));
        await().atMost(WAIT).until(() -> states(writerSaw).contains(StoreStatus.State.UNAVAILABLE));
        assertThat(value(writer, "a")).isEqualTo("during");
        assertThat(value(reader, "a")).isEqualTo("before");
        assertThat(reader.dataSourceStatus().state())
            .isEqualTo(DataSourceStatus.State.INTERRUPTED);
        assertThat(reader.storeStatusProvider().status().lastError())
            .contains("redis://127.0.0.1:" + redis.port());

        redis.restart(); // empty: no persistence; only the writer's rewrite brings "during" back
        await().atMost(WAIT).until(() -> value(reader, "a").equals("during"));
        try (RedisClient c = redis.client()) {
          assertThat(c.exists("outage:initialized")).isTrue();
        }
        await().atMost(WAIT).until(() -> states(writerSaw).contains(StoreStatus.State.AVAILABLE)
            && states(readerSaw).contains(StoreStatus.State.AVAILABLE));
        await().atMost(WAIT).until(() ->
            reader.dataSourceStatus().state() == DataSourceStatus.State.VALID);

        service.putFlag("a", flag("a", 3, "after"));
        await().atMost(WAIT).until(() -> value(reader, "a").equals("after"));
      }
      assertThat(log.linesWith("The persistent store is unavailable")).hasSize(2);
    }
  }
}
