package io.avsb.redis;

import io.avsb.internal.log.LogCapture;
import static io.avsb.redis.Fixtures.WAIT;
import static io.avsb.redis.Fixtures.data;
import static io.avsb.redis.Fixtures.flag;
import static io.avsb.redis.Fixtures.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.avsb.AvsbServer;
import io.avsb.StoreStatus;
import io.avsb.testkit.AvsbTestService;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RedisCredentialsTest {
  private static final String PASSWORD = "s3cret-Pa55";
  private static RedisServer redis;

  @BeforeAll
  static void startRedis() {
    // the default user is off; "fleet" has the password and exactly the rights docs/scale.md lists
    redis = RedisServer.start("--user", "default", "off", "--user", "fleet", "on",
        ">" + PASSWORD, "~acl:*", "&acl:changes", "+evalsha", "+eval", "+hget", "+hgetall",
        "+hset", "+del", "+set", "+get", "+exists", "+incr", "+publish", "+subscribe",
        "+unsubscribe", "+multi", "+exec", "+discard", "+ping", "+hello", "+auth",
        "+client|setname");
  }

  @AfterAll
  static void stopRedis() {
    if (redis != null) {
      redis.close();
    }
  }

  private URI uri(String password) {
    return URI.create("redis://fleet:" + password + "@127.0.0.1:" + redis.port() + "/0");
  }

  @Test
  @SuppressWarnings("try") // the writer is used for its lifetime
  void anAclUserWithTheDocumentedRightsAndAPasswordInTheUriWorks() {
    RedisStore store = Fixtures.store(uri(PASSWORD), "acl");
    try (AvsbTestService service = new AvsbTestService().start()) {
      service.setData(data(flag("a", 1, "one")));
      try (AvsbServer writer = Fixtures.readyWriter(service, store);
          AvsbServer reader = new AvsbServer(Fixtures.reader(store).build())) {
        assertThat(reader.waitForReady(WAIT)).isTrue();
        assertThat(value(reader, "a")).isEqualTo("one");
        service.putFlag("a", flag("a", 2, "two"));
        await().atMost(WAIT).until(() -> value(reader, "a").equals("two"));
      }
    }
  }

  @Test
  void aWrongPasswordMakesTheStoreUnavailableAndIsNeverLogged() {
    String wrong = "wr0ng-Pa55";
    RedisStore store = Fixtures.store(uri(wrong), "acl");
    try (LogCapture log = new LogCapture();
        AvsbServer reader = new AvsbServer(Fixtures.reader(store).build())) {
      await().atMost(WAIT).until(() ->
          reader.storeStatusProvider().status().state() == StoreStatus.State.UNAVAILABLE);
      String error = reader.storeStatusProvider().status().lastError();
      assertThat(error).contains("redis://fleet:****@127.0.0.1:" + redis.port())
          .containsIgnoringCase("WRONGPASS").doesNotContain(wrong);
      assertThat(reader.dataSourceStatus().lastError().message()).doesNotContain(wrong);
      assertThat(log.lines()).isNotEmpty().noneMatch(l -> l.contains(wrong));
      assertThat(store.toString()).doesNotContain(wrong);
    }
  }
}
