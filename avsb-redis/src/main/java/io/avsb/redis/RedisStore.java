package io.avsb.redis;

import io.avsb.redis.internal.KeyLayout;
import io.avsb.redis.internal.RedisEndpoint;
import io.avsb.redis.internal.RedisPersistentStore;
import io.avsb.redis.internal.RedisSettings;
import io.avsb.redis.internal.TrustStore;
import io.avsb.spi.DataSourceContext;
import io.avsb.spi.PersistentStore;
import io.avsb.spi.PersistentStoreFactory;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * A fleet's shared Redis as the persistent store of an A vs B server:
 *
 * <pre>{@code
 * RedisStore redis = RedisStore.builder()
 *     .uri(System.getenv("AVSB_REDIS_URI"))          // redis://user:password@cache:6379/0
 *     .prefix("avsb:production")                    // one prefix per environment
 *     .build();
 * // the instance with the stream writes through; the others follow Redis:
 * AvsbServer writer = AvsbServer.builder(sdkKey).persistentStore(redis).buildServer();
 * AvsbServer reader = AvsbServer.builder(sdkKey).persistentStore(redis).daemonMode(true)
 *     .buildServer();
 * }</pre>
 *
 * <p>The key layout under the prefix: {@code PREFIX:flags} and {@code PREFIX:segments} (hashes of
 * item JSON), {@code PREFIX:versions} (a hash of item versions), {@code PREFIX:initialized},
 * {@code PREFIX:generation} (a change counter) and the channel {@code PREFIX:changes}. Standalone
 * Redis is the tested target. The password is never logged: {@link #toString()} masks it. Each
 * server makes its own connection pool and subscriber; a factory may serve several servers.
 * Immutable and thread-safe.
 */
public final class RedisStore implements PersistentStoreFactory {
  private final RedisSettings settings;

  private RedisStore(RedisSettings settings) {
    this.settings = settings;
  }

  /** A builder starting from {@code redis://127.0.0.1:6379/0}, prefix {@code avsb}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Creates the store of one server; it connects on first use, so Redis need not be up yet. */
  @Override
  public PersistentStore create(DataSourceContext context) {
    return new RedisPersistentStore(settings);
  }

  /** The key prefix of this environment. */
  public String prefix() {
    return settings.keys().prefix();
  }

  /** The endpoint and prefix, with the password masked. */
  @Override
  public String toString() {
    return "RedisStore[" + settings.endpoint() + ", prefix " + prefix() + "]";
  }

  /**
   * Builds a {@link RedisStore}. Setters validate eagerly and throw {@link
   * IllegalArgumentException} or {@link NullPointerException} naming the argument; no message
   * repeats a password. Not thread-safe.
   */
  public static final class Builder {
    private RedisEndpoint endpoint = new RedisEndpoint("127.0.0.1", RedisEndpoint.DEFAULT_PORT,
        false, 0, null, null);
    private String user;
    private String password;
    private String prefix = "avsb";
    private Duration connectTimeout = Duration.ofSeconds(2);
    private Duration socketTimeout = Duration.ofSeconds(2);
    private int poolSize = 8;
    private TrustStore trustStore;

    private Builder() {}

    /**
     * The server: {@code redis://[[user]:password@]host[:port][/database]}, or {@code rediss://}
     * for TLS (the certificate must be trusted by the JVM and name the host).
     */
    public Builder uri(URI uri) {
      this.endpoint = RedisEndpoint.parse(Objects.requireNonNull(uri, "uri"));
      return this;
    }

    /** {@link #uri(URI)} from text. */
    public Builder uri(String uri) {
      Objects.requireNonNull(uri, "uri");
      URI parsed;
      try {
        parsed = new URI(uri.trim());
      } catch (java.net.URISyntaxException e) {
        // the text is not repeated: it may hold a password
        throw new IllegalArgumentException("uri is not a valid URI (" + e.getReason() + ")");
      }
      return uri(parsed);
    }

    /** The ACL user, replacing the URI's (for a password kept out of the URI). */
    public Builder user(String user) {
      this.user = Objects.requireNonNull(user, "user");
      return this;
    }

    /** The password, replacing the URI's; never logged. */
    public Builder password(String password) {
      this.password = Objects.requireNonNull(password, "password");
      return this;
    }

    /**
     * The key prefix, one per environment (default {@code avsb}). In Redis Cluster, wrap it in
     * braces ({@code {avsb:production}}) so that every key of the environment is in one slot.
     */
    public Builder prefix(String prefix) {
      this.prefix = new KeyLayout(Objects.requireNonNull(prefix, "prefix")).prefix();
      return this;
    }

    /** The TCP connect timeout (default 2 s). */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = requirePositive(connectTimeout, "connectTimeout");
      return this;
    }

    /** How long a command may wait for its answer (default 2 s). */
    public Builder socketTimeout(Duration socketTimeout) {
      this.socketTimeout = requirePositive(socketTimeout, "socketTimeout");
      return this;
    }

    /** The most pooled connections per server (default 8); the subscriber has one more. */
    public Builder poolSize(int poolSize) {
      if (poolSize < 1) {
        throw new IllegalArgumentException("poolSize must be at least 1, was " + poolSize);
      }
      this.poolSize = poolSize;
      return this;
    }

    /**
     * For {@code rediss://}: a trust store file (PKCS12 or JKS) with the certificates to trust,
     * such as a private CA's (default: the JVM's CA certificates). The certificate must name the
     * host either way. The password is never logged.
     */
    public Builder trustStore(Path file, String password) {
      this.trustStore = new TrustStore(Objects.requireNonNull(file, "file"),
          Objects.requireNonNull(password, "password"));
      return this;
    }

    /** Builds the store factory. */
    public RedisStore build() {
      return new RedisStore(new RedisSettings(endpoint.withCredentials(user, password),
          new KeyLayout(prefix), connectTimeout, socketTimeout, poolSize, trustStore));
    }

    private static Duration requirePositive(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isZero() || d.isNegative()) {
        throw new IllegalArgumentException(name + " must be positive, was " + d);
      }
      return d;
    }
  }
}
