package io.avsb.redis.internal;

import java.time.Duration;
import java.util.Objects;

/**
 * Everything a Redis store is made from. Immutable and thread-safe; {@link #toString()} masks the
 * password.
 *
 * @param endpoint the server and credentials
 * @param keys the key layout of the environment
 * @param connectTimeout the TCP connect timeout
 * @param socketTimeout the read timeout of a command
 * @param poolSize the most connections the pool opens (the subscriber's is extra)
 * @param trustStore what a {@code rediss://} server's certificate is checked against, or null for
 *     the JVM's default CA certificates
 */
public record RedisSettings(RedisEndpoint endpoint, KeyLayout keys, Duration connectTimeout,
    Duration socketTimeout, int poolSize, TrustStore trustStore) {
  /** Checks that every part is present and the pool size is positive. */
  public RedisSettings {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(keys, "keys");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(socketTimeout, "socketTimeout");
    if (poolSize < 1) {
      throw new IllegalArgumentException("poolSize must be at least 1, was " + poolSize);
    }
  }
}
