package io.avsb.redis.internal;

import io.avsb.spi.DataKind;
import io.avsb.spi.SerializedItem;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A message on the change channel. A whole data set written is {@code init}; one item stored is
 * {@code GENERATION KIND VERSION KEY}, a newline, and the item's JSON, where the key is URL-encoded
 * (so it holds no space or newline) and the first part is added inside Redis by the upsert script.
 * The item travels with the notice, so that readers apply it without another round trip. Immutable
 * and thread-safe.
 *
 * @param generation the change counter after this change
 * @param kind the item's kind
 * @param key the item's key
 * @param item the item as stored
 */
record ChangeNotice(long generation, DataKind kind, String key, SerializedItem item) {
  /** The message of a whole data set written. */
  static final String INIT = "init";

  /** The part a writer gives the script: {@code KIND VERSION KEY}. */
  static String header(DataKind kind, int version, String key) {
    return kind.jsonName() + " " + version + " " + URLEncoder.encode(key, StandardCharsets.UTF_8);
  }

  /**
   * Reads an item notice.
   *
   * @throws IllegalArgumentException when the message is not one
   */
  static ChangeNotice parse(String message) {
    int newline = message.indexOf('\n');
    if (newline < 0) {
      throw new IllegalArgumentException("no newline after the header");
    }
    String[] parts = message.substring(0, newline).split(" ", -1);
    if (parts.length != 4) {
      throw new IllegalArgumentException("the header has " + parts.length + " parts, not 4");
    }
    DataKind kind = null;
    for (DataKind k : DataKind.values()) {
      if (k.jsonName().equals(parts[1])) {
        kind = k;
      }
    }
    if (kind == null) {
      throw new IllegalArgumentException("unknown kind");
    }
    try {
      long generation = Long.parseLong(parts[0]);
      int version = Integer.parseInt(parts[2]);
      String key = URLDecoder.decode(parts[3], StandardCharsets.UTF_8);
      return new ChangeNotice(generation, kind, key,
          new SerializedItem(version, message.substring(newline + 1)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("generation or version is not a number");
    }
  }
}
