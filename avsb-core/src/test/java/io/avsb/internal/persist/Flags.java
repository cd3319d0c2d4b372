package io.avsb.internal.persist;

import io.avsb.AvsbValue;
import io.avsb.spi.SerializedItem;

/** Flag JSON for the persistence tests: a flag that serves one string to everyone. */
final class Flags {
  private Flags() {}

  /** Flag {@code key} at {@code version} serving {@code value}. */
  static String flag(String key, int version, String value) {
    return "{\"key\":\"" + key + "\",\"version\":" + version + ",\"on\":true,\"salt\":\"s\","
        + "\"variations\":[\"" + value + "\"],\"offVariation\":0,\"fallthrough\":{\"variation\":0}}";
  }

  /** A full data set of the given flag JSON texts, keyed by their keys. */
  static String data(String... flags) {
    StringBuilder b = new StringBuilder("{\"flags\":{");
    for (int i = 0; i < flags.length; i++) {
      if (i > 0) {
        b.append(',');
      }
      b.append('"').append(AvsbValue.parse(flags[i]).get("key").stringValue()).append("\":")
          .append(flags[i]);
    }
    return b.append("},\"segments\":{}}").toString();
  }

  /** Flag {@code key} as a store holds it. */
  static SerializedItem stored(String key, int version, String value) {
    return new SerializedItem(version, flag(key, version, value));
  }
}
