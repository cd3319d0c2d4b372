package io.avsb.internal.store;

import io.avsb.AvsbValue;

/**
 * Turns the JSON form of flags and segments into preprocessed model objects. Never throws: an
 * item that cannot be parsed becomes a malformed item. CONTRACT SKELETON.
 */
public final class FlagParser {
  private FlagParser() {}

  /** Parses flag {@code key}; a bad one gives a flag whose {@link Flag#malformedError()} is set. */
  public static Flag parseFlag(String key, AvsbValue json) {
    throw new UnsupportedOperationException("contract skeleton");
  }

  /** Parses segment {@code key}; a bad one gives a malformed segment. */
  public static Segment parseSegment(String key, AvsbValue json) {
    throw new UnsupportedOperationException("contract skeleton");
  }

  /** The {@code version} of an item's JSON form, or 0 when absent or not a number. */
  public static int version(AvsbValue json) {
    return json.get("version").intValue();
  }
}
