package io.avsb.redis;

import io.avsb.internal.log.LogCapture;
import static io.avsb.redis.Fixtures.WAIT;
import static io.avsb.redis.Fixtures.data;
import static io.avsb.redis.Fixtures.flag;
import static io.avsb.redis.Fixtures.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.avsb.AvsbServer;
import io.avsb.AvsbValue;
import io.avsb.DataSourceStatus;
import io.avsb.StoreStatus;
import io.avsb.testkit.AvsbTestService;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

class RedisStartFromStoreTest {
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
  void aServiceDownAtStartMeansStartingFromRedisUntilTheServiceDataReplacesIt() {
    RedisStore store = Fixtures.store(redis.uri(), "start");
    int port;
    try (AvsbTestService service = new AvsbTestService().start()) {
      port = service.uri().getPort();
      service.setData(data(flag("a", 3, "fleet's last")));
      Fixtures.readyWriter(service, store).close();
    }
    URI serviceUri = URI.create("http://127.0.0.1:" + port);
    try (LogCapture log = new LogCapture();
        AvsbServer server = new AvsbServer(Fixtures.writer(serviceUri, store).build())) {
      assertThat(server.waitForReady(WAIT)).isTrue();
      assertThat(value(server, "a")).isEqualTo("fleet's last");
      assertThat(server.storeStatusProvider().status().servingStoreData()).isTrue();
      assertThat(server.dataSourceStatus().state()).isNotEqualTo(DataSourceStatus.State.VALID);
      // logged right after the data became visible
      await().atMost(WAIT).until(() -> !log.linesWith("Started from the persistent store's data"
          + " (1 flags, 0 segments)").isEmpty());
      assertThat(log.linesWith("Started from the persistent store")).hasSize(1);

      try (AvsbTestService back = new AvsbTestService()) {
        back.setData(data(flag("a", 1, "service's")));
        back.start(port);
        await().atMost(WAIT).until(() -> value(server, "a").equals("service's"));
        assertThat(server.storeStatusProvider().status())
            .extracting(StoreStatus::servingStoreData).isEqualTo(false);
        try (RedisClient c = redis.client()) {
          await().atMost(WAIT).until(() -> "1".equals(c.hget("start:versions", "flags/a")));
          assertThat(AvsbValue.parse(c.hget("start:flags", "a")))
              .isEqualTo(flag("a", 1, "service's"));
        }
      }
    }
  }
}
