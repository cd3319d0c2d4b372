package io.avsb.internal.client;

import io.avsb.AvsbValue;

/** The JSON types the typed getters accept. */
enum ValueType {
  /** Only {@code true} and {@code false}. */
  BOOL,
  /** Any number; the getter truncates toward zero. */
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
      case DOUBLE:
        return value instanceof AvsbValue.Num;
      case STRING:
        return value instanceof AvsbValue.Str;
      default:
        return true;
    }
  }
}
