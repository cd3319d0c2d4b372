package io.avsb.internal.client;

import io.avsb.AvsbValue;

/** The JSON types the typed getters accept. */
enum ValueType {
  /** Only {@code true} and {@code false}. */
  BOOL,
  /**
   * A number that truncated toward zero fits an {@code int}; the getter truncates, as the
   * reference SDK does. A number out of {@code int} range (such as {@code 1.2e29}) is {@code
   * WRONG_TYPE}: the reference SDK would clamp it to {@link Integer#MAX_VALUE}, a value the flag
   * never held.
   */
  INT,
  /** Any number. */
  DOUBLE,
  /** Only strings. */
  STRING,
  /** Any value. */
  JSON;

  boolean accepts(AvsbValue value) {
    switch (this) {
      case BOOL:
        return value instanceof AvsbValue.Bool;
      case INT:
        // exclusive bounds: truncation maps (-2^31 - 1, 2^31) onto the int range
        return value instanceof AvsbValue.Num n
            && n.value() > Integer.MIN_VALUE - 1.0 && n.value() < Integer.MAX_VALUE + 1.0;
      case DOUBLE:
        return value instanceof AvsbValue.Num;
      case STRING:
        return value instanceof AvsbValue.Str;
      default:
        return true;
    }
  }
}
