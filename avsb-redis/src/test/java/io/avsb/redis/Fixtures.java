package io.avsb.redis;

import io.avsb.AvsbConfig;
import io.avsb.AvsbServer;
import io.avsb.AvsbValue;
import io.avsb.spi.PersistentStore;
import io.avsb.testkit.AvsbTestService;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;

/**
 * Flags, stores and servers for the module's tests: writers stream from a service, readers follow
 * Redis. Stateless and thread-safe.
 */
public final class Fixtures {
  /** Short retry delays, so that outages heal quickly in tests. */
  public static final Duration RETRY = Duration.ofMillis(50);
  /** How long a test waits for something that should happen within milliseconds. */
  public static final Duration WAIT = Duration.ofSeconds(20);

  private Fixtures() {}

  /** Flag {@code key} at {@code version} serving {@code value} to everyone. */
  public static AvsbValue flag(String key, int version, String value) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("key", key);
    f.put("version", version);
    f.put("on", true);
    f.put("salt", key);
    f.put("variations", List.of(value));
    f.put("offVariation", 0);
    f.put("fallthrough", Map.of("variation", 0));
    return AvsbValue.fromJava(f);
  }

  /** A full data set of these flags and no segments. */
  public static AvsbValue data(AvsbValue... flags) {
    Map<String, AvsbValue> byKey = new LinkedHashMap<>();
    for (AvsbValue f : flags) {
      byKey.put(f.get("key").stringValue(), f);
    }
    return new AvsbValue.Obj(Map.of("flags", new AvsbValue.Obj(byKey),
        "segments", new AvsbValue.Obj(Map.of())));
  }

  /** A store on {@code redis} under {@code prefix} with short timeouts. */
  public static RedisStore store(URI redis, String prefix) {
    return RedisStore.builder().uri(redis).prefix(prefix).connectTimeout(Duration.ofMillis(500))
        .socketTimeout(Duration.ofSeconds(2)).poolSize(2).build();
  }

  /** A writer: streams from {@code service} and writes through to {@code store}. */
  public static AvsbConfig.Builder writer(URI service, RedisStore store) {
    return AvsbConfig.builder("sdk-key").baseUri(service).streamUri(service).eventsEnabled(false)
        .persistentStore(store).initialReconnectDelay(RETRY).startWait(Duration.ZERO);
  }

  /** A daemon-mode reader of {@code store}, retrying after {@link #RETRY}. */
  public static AvsbConfig.Builder reader(RedisStore store) {
    return reader(store, RETRY);
  }

  /** A daemon-mode reader of {@code store} whose reconnects start at {@code retry}. */
  public static AvsbConfig.Builder reader(RedisStore store, Duration retry) {
    return AvsbConfig.builder("sdk-key").persistentStore(store).daemonMode(true)
        .eventsEnabled(false).initialReconnectDelay(retry).startWait(Duration.ZERO);
  }

  /** A writer server on a started {@code service}. */
  public static AvsbServer writer(AvsbTestService service, RedisStore store) {
    return new AvsbServer(writer(service.uri(), store).build());
  }

  /**
   * A writer as above that has written its first data set to Redis, so that readers started next
   * find one.
   */
  public static AvsbServer readyWriter(AvsbTestService service, RedisStore store) {
    return readyWriter(service, store, RETRY);
  }

  /** {@link #readyWriter(AvsbTestService, RedisStore)} whose reconnects start at {@code retry}. */
  public static AvsbServer readyWriter(AvsbTestService service, RedisStore store,
      Duration retry) {
    AvsbServer writer = new AvsbServer(writer(service.uri(), store)
        .initialReconnectDelay(retry).build());
    if (!writer.waitForReady(WAIT)) {
      writer.close();
      throw new AssertionError("the writer got no data from the service within " + WAIT);
    }
    // the flag store is written first, Redis right after it
    try (PersistentStore check = store.create(null)) {
      Awaitility.await().atMost(WAIT).until(check::isInitialized);
    }
    return writer;
  }

  /** The string {@code flag} gives an anonymous-looking user on {@code server}. */
  public static String value(AvsbServer server, String flag) {
    return server.forUser(Map.of("key", "user-1")).getStringFlag(flag, "default");
  }
}
