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
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One writer and twenty daemon-mode readers share a real Redis: changes reach all 21; a Redis
 * crash (killed, restarted empty) leaves every reader answering with the last data and catching
 * up after; a reader started while the service and the writer are down serves the last flags from
 * Redis. The timings of the same run are measured by {@code avsb-bench}'s {@code FleetRun}.
 */
class FleetTest {
  private static final int READERS = 20;
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
  void twentyReadersFollowOneWriterThroughARedisCrashAndAServiceOutage() {
    RedisStore store = Fixtures.store(redis.uri(), "fleet");
    AvsbTestService service = new AvsbTestService().start();
    service.setData(data(Fleet.flag(1), flag("other", 1, "unchanged")));
    try (LogCapture log = new LogCapture(); Fleet fleet = new Fleet(service, store, READERS, Fixtures.RETRY)) {
      assertThat(fleet.instances()).hasSize(READERS + 1);
      // 1. each change reaches the writer and all twenty readers
      for (int round = 0; round < 3; round++) {
        assertThat(java.util.Arrays.stream(fleet.change(WAIT))).hasSize(READERS + 1).allMatch(nanos -> nanos > 0);
        for (AvsbServer s : fleet.instances()) {
          assertThat(value(s, Fleet.FLAG)).isEqualTo(fleet.value());
        }
      }

      // 2. Redis crashes: readers keep the last data; a change made meanwhile arrives after
      String before = fleet.value();
      redis.kill();
      for (AvsbServer r : fleet.readers()) {
        await().atMost(WAIT).until(() ->
            r.storeStatusProvider().status().state() == StoreStatus.State.UNAVAILABLE);
        assertThat(value(r, Fleet.FLAG)).isEqualTo(before);
        assertThat(value(r, "other")).isEqualTo("unchanged");
      }
      fleet.changeUnobserved();
      await().atMost(WAIT).until(() -> value(fleet.writer(), Fleet.FLAG).equals(fleet.value()));
      for (AvsbServer r : fleet.readers()) {
        assertThat(value(r, Fleet.FLAG)).isEqualTo(before);
      }
      redis.restart();
      for (AvsbServer r : fleet.readers()) {
        await().atMost(WAIT).until(() -> value(r, Fleet.FLAG).equals(fleet.value()));
        await().atMost(WAIT).until(() -> r.dataSourceStatus().state()
            == DataSourceStatus.State.VALID);
      }
      assertThat(fleet.change(WAIT)).hasSize(READERS + 1);

      // 3. the service and the writer go down; a new reader starts from Redis alone
      String last = fleet.value();
      service.close();
      fleet.stopWriter();
      AvsbServer late = fleet.startReader();
      assertThat(value(late, Fleet.FLAG)).isEqualTo(last);
      assertThat(value(late, "other")).isEqualTo("unchanged");
      for (AvsbServer r : fleet.readers()) {
        assertThat(value(r, Fleet.FLAG)).isEqualTo(last);
      }
      assertThat(log.linesWith("The persistent store is unavailable")).hasSizeGreaterThanOrEqualTo(
          READERS);
    } finally {
      service.close();
    }
  }
}
