package io.avsb.redis.internal;

import io.avsb.spi.DataKind;
import java.util.Objects;

/**
 * The Redis keys of one environment, all under one prefix ({@code avsb} by default):
 *
 * <ul>
 *   <li>{@code PREFIX:flags}, {@code PREFIX:segments}: hashes, item key to the item's JSON (a
 *       deleted item is a tombstone, {@code {"key":..,"version":N,"deleted":true}});
 *   <li>{@code PREFIX:versions}: a hash, {@code flags/KEY} or {@code segments/KEY} to the item's
 *       version, which versioned upserts compare inside Redis;
 *   <li>{@code PREFIX:initialized}: set once a whole data set was written;
 *   <li>{@code PREFIX:generation}: a counter raised by every write, so a reader can tell cheaply
 *       whether it missed something;
 *   <li>{@code PREFIX:changes}: the pub/sub channel of change notices.
 * </ul>
 *
 * Immutable and thread-safe.
 *
 * @param prefix the prefix, such as {@code avsb:production}; in Redis Cluster wrap it in braces
 *     ({@code {avsb:production}}) so that every key lands in one hash slot
 */
public record KeyLayout(String prefix) {
  /** Checks the prefix: not blank, no whitespace. */
  public KeyLayout {
    Objects.requireNonNull(prefix, "prefix");
    if (prefix.isEmpty() || prefix.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("prefix must be non-empty without whitespace, was \""
          + prefix + "\"");
    }
  }

  /** The hash holding the items of {@code kind}. */
  public String items(DataKind kind) {
    return prefix + ":" + kind.jsonName();
  }

  /** The hash of item versions. */
  public String versions() {
    return prefix + ":versions";
  }

  /** The field of item {@code key} of {@code kind} in {@link #versions()}. */
  public static String versionField(DataKind kind, String key) {
    return kind.jsonName() + "/" + key;
  }

  /** The key set once a whole data set was written. */
  public String initialized() {
    return prefix + ":initialized";
  }

  /** The change counter. */
  public String generation() {
    return prefix + ":generation";
  }

  /** The pub/sub channel of change notices. */
  public String channel() {
    return prefix + ":changes";
  }
}
