package io.avsb.redis;

import static io.avsb.redis.Fixtures.WAIT;
import static io.avsb.redis.Fixtures.data;
import static io.avsb.redis.Fixtures.flag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.avsb.AvsbServer;
import io.avsb.AvsbValue;
import io.avsb.StoreStatus;
import io.avsb.testkit.AvsbTestService;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

class RedisWriteThroughTest {
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
  void theStreamsDataSetsAndPatchesAreMirroredIntoRedis() {
    try (AvsbTestService service = new AvsbTestService().start();
        RedisClient c = redis.client()) {
      service.setData(data(flag("a", 1, "one"), flag("b", 2, "two")));
      try (AvsbServer writer = Fixtures.writer(service, Fixtures.store(redis.uri(), "wt"))) {
        assertThat(writer.waitForReady(WAIT)).isTrue();
        // the flag store is written first, Redis right after it
        await().atMost(WAIT).until(() -> c.exists("wt:initialized"));
        assertThat(c.hgetAll("wt:flags")).containsOnlyKeys("a", "b");
        assertThat(AvsbValue.parse(c.hget("wt:flags", "a"))).isEqualTo(flag("a", 1, "one"));
        assertThat(c.hgetAll("wt:versions")).isEqualTo(Map.of("flags/a", "1", "flags/b", "2"));

        service.putFlag("a", flag("a", 2, "uno"));
        await().atMost(WAIT).until(() -> "2".equals(c.hget("wt:versions", "flags/a")));
        assertThat(AvsbValue.parse(c.hget("wt:flags", "a"))).isEqualTo(flag("a", 2, "uno"));

        service.deleteFlag("b", 3);
        await().atMost(WAIT).until(() -> "3".equals(c.hget("wt:versions", "flags/b")));
        assertThat(AvsbValue.parse(c.hget("wt:flags", "b")).get("deleted"))
            .isEqualTo(AvsbValue.TRUE);
        assertThat(writer.storeStatusProvider().status())
            .extracting(StoreStatus::state, StoreStatus::servingStoreData)
            .containsExactly(StoreStatus.State.AVAILABLE, false);
      }
    }
  }
}
