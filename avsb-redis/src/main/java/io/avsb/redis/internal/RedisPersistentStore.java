package io.avsb.redis.internal;

import io.avsb.spi.DataKind;
import io.avsb.spi.PersistentDataSet;
import io.avsb.spi.PersistentStore;
import io.avsb.spi.PersistentStoreException;
import io.avsb.spi.SerializedItem;
import io.avsb.spi.StoreChangeListener;
import io.avsb.spi.StoreSubscription;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import redis.clients.jedis.AbstractTransaction;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.Response;
import redis.clients.jedis.SslOptions;
import redis.clients.jedis.SslVerifyMode;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * A {@link PersistentStore} on a standalone Redis, in the layout of {@link KeyLayout}: a whole data
 * set is written in one {@code MULTI}/{@code EXEC} transaction; an upsert is the {@link
 * UpsertScript}; full reads are one transaction, so flags and segments come from the same moment.
 * Commands run on a pool of connections; change notices come through a {@link RedisSubscription}.
 * The pool runs no evictor thread (nothing to stop on undeploy, no idle pings); instead a command
 * that meets a broken connection (Redis restarted, an idle connection dropped on the way) empties
 * the pool's idle connections and runs once more on a new one: every command here is safe to
 * repeat (a whole set replaces, an upsert is versioned, reads change nothing). Thread-safe.
 */
public final class RedisPersistentStore implements PersistentStore {
  private final RedisSettings settings;
  private final KeyLayout keys;
  private final HostAndPort address;
  private final JedisClientConfig clientConfig;
  private final RedisClient redis;
  private final UpsertScript upsert = new UpsertScript();
  private final List<RedisSubscription> subscriptions = new CopyOnWriteArrayList<>();

  /** A store for {@code settings}; connects lazily, so Redis need not be up yet. */
  public RedisPersistentStore(RedisSettings settings) {
    this.settings = settings;
    this.keys = settings.keys();
    RedisEndpoint e = settings.endpoint();
    this.address = new HostAndPort(e.host(), e.port());
    DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
        .connectionTimeoutMillis(millis(settings.connectTimeout()))
        .socketTimeoutMillis(millis(settings.socketTimeout()))
        .database(e.database()).clientName("avsb").user(e.user()).password(e.password());
    if (e.tls()) {
      // FULL: the certificate must be trusted and must name the host
      SslOptions.Builder tls = SslOptions.builder().sslVerifyMode(SslVerifyMode.FULL);
      TrustStore trust = settings.trustStore();
      if (trust != null) {
        tls.truststore(trust.file().toFile(), trust.password().toCharArray());
      }
      config.sslOptions(tls.build());
    }
    this.clientConfig = config.build();
    ConnectionPoolConfig pool = new ConnectionPoolConfig();
    pool.setMaxTotal(settings.poolSize());
    pool.setMaxIdle(settings.poolSize());
    pool.setMinIdle(0);
    pool.setMaxWait(settings.socketTimeout());
    pool.setJmxEnabled(false); // one MBean per pool would outlive a webapp's class loader
    pool.setTimeBetweenEvictionRuns(Duration.ofMillis(-1)); // no shared evictor thread
    pool.setTestWhileIdle(false);
    this.redis = RedisClient.builder().hostAndPort(address).clientConfig(clientConfig)
        .poolConfig(pool).build();
  }

  @Override
  public void init(PersistentDataSet data) {
    Map<String, String> versions = new HashMap<>();
    for (DataKind kind : DataKind.values()) {
      data.items(kind).forEach((key, item) ->
          versions.put(KeyLayout.versionField(kind, key), Integer.toString(item.version())));
    }
    run("writing the data set", r -> {
      try (AbstractTransaction tx = r.multi()) {
        tx.del(keys.items(DataKind.FLAGS), keys.items(DataKind.SEGMENTS), keys.versions());
        for (DataKind kind : DataKind.values()) {
          Map<String, String> json = new HashMap<>();
          data.items(kind).forEach((key, item) -> json.put(key, item.json()));
          if (!json.isEmpty()) {
            tx.hset(keys.items(kind), json);
          }
        }
        if (!versions.isEmpty()) {
          tx.hset(keys.versions(), versions);
        }
        tx.set(keys.initialized(), "1");
        tx.incr(keys.generation());
        tx.publish(keys.channel(), ChangeNotice.INIT);
        tx.exec();
      }
      return null;
    });
  }

  @Override
  public SerializedItem get(DataKind kind, String key) {
    return run("reading an item", r -> {
      try (AbstractTransaction tx = r.multi()) {
        Response<String> json = tx.hget(keys.items(kind), key);
        Response<String> version = tx.hget(keys.versions(), KeyLayout.versionField(kind, key));
        tx.exec();
        return json.get() == null ? null : new SerializedItem(version(version.get()), json.get());
      }
    });
  }

  @Override
  public Map<String, SerializedItem> getAll(DataKind kind) {
    return run("reading all items", r -> {
      try (AbstractTransaction tx = r.multi()) {
        Response<Map<String, String>> items = tx.hgetAll(keys.items(kind));
        Response<Map<String, String>> versions = tx.hgetAll(keys.versions());
        tx.exec();
        return withVersions(kind, items.get(), versions.get());
      }
    });
  }

  @Override
  public PersistentDataSet readAll() {
    return run("reading the data set", r -> {
      try (AbstractTransaction tx = r.multi()) {
        Response<Boolean> initialized = tx.exists(keys.initialized());
        Response<String> generation = tx.get(keys.generation());
        Response<Map<String, String>> flags = tx.hgetAll(keys.items(DataKind.FLAGS));
        Response<Map<String, String>> segments = tx.hgetAll(keys.items(DataKind.SEGMENTS));
        Response<Map<String, String>> versions = tx.hgetAll(keys.versions());
        tx.exec();
        if (!Boolean.TRUE.equals(initialized.get())) {
          return null;
        }
        return new PersistentDataSet(withVersions(DataKind.FLAGS, flags.get(), versions.get()),
            withVersions(DataKind.SEGMENTS, segments.get(), versions.get()),
            counter(generation.get()));
      }
    });
  }

  @Override
  public boolean upsert(DataKind kind, String key, SerializedItem item) {
    List<String> k = List.of(keys.items(kind), keys.versions(), keys.generation());
    List<String> args = List.of(key, KeyLayout.versionField(kind, key),
        Integer.toString(item.version()), item.json(), keys.channel(),
        ChangeNotice.header(kind, item.version(), key));
    return run("writing an item", r -> upsert.run(r, k, args));
  }

  @Override
  public boolean isInitialized() {
    return run("checking for a data set", r -> r.exists(keys.initialized()));
  }

  @Override
  public boolean isAvailable() {
    try {
      return run("pinging", r -> "PONG".equals(r.ping()));
    } catch (PersistentStoreException e) {
      return false;
    }
  }

  @Override
  public long generation() {
    return run("reading the change counter", r -> counter(r.get(keys.generation())));
  }

  @Override
  public StoreSubscription follow(StoreChangeListener listener) {
    RedisSubscription s = RedisSubscription.open(address, clientConfig, keys.channel(), listener,
        settings.endpoint().toString(), settings.connectTimeout().plus(settings.socketTimeout()));
    subscriptions.add(s);
    return () -> {
      subscriptions.remove(s);
      s.close();
    };
  }

  @Override
  public void close() {
    for (RedisSubscription s : subscriptions) {
      s.close();
    }
    subscriptions.clear();
    redis.close();
  }

  @Override
  public String toString() {
    return "Redis store at " + settings.endpoint() + " under " + keys.prefix();
  }

  private <T> T run(String operation, Function<RedisClient, T> command) {
    try {
      try {
        return command.apply(redis);
      } catch (JedisConnectionException e) {
        redis.getPool().clear(); // idle connections are likely dead too
        return command.apply(redis);
      }
    } catch (JedisException e) {
      if (e instanceof JedisConnectionException) {
        redis.getPool().clear();
      }
      throw new PersistentStoreException(operation + " on " + settings.endpoint() + " failed: "
          + RedisErrors.describe(e), e);
    }
  }

  private static Map<String, SerializedItem> withVersions(DataKind kind, Map<String, String> items,
      Map<String, String> versions) {
    Map<String, SerializedItem> out = new HashMap<>();
    items.forEach((key, json) -> out.put(key,
        new SerializedItem(version(versions.get(KeyLayout.versionField(kind, key))), json)));
    return out;
  }

  private static int version(String text) {
    try {
      return text == null ? 0 : Integer.parseInt(text);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static long counter(String text) {
    try {
      return text == null ? 0 : Long.parseLong(text);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static int millis(Duration d) {
    return (int) Math.min(Integer.MAX_VALUE, d.toMillis());
  }
}
