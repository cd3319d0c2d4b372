package io.avsb.openfeature.internal;

import dev.openfeature.sdk.ImmutableStructure;
import dev.openfeature.sdk.Structure;
import dev.openfeature.sdk.Value;
import io.avsb.AvsbValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts between OpenFeature {@link Value}s and {@link AvsbValue}s. An OpenFeature instant
 * becomes its ISO-8601 string (as the flag model compares dates given as RFC 3339 strings); a
 * whole number within the {@code int} range becomes an OpenFeature integer, any other number a
 * double. Stateless and thread-safe.
 */
public final class Values {
  private Values() {}

  /** {@code value} as an {@link AvsbValue}; null gives {@link AvsbValue#NULL}. */
  public static AvsbValue toAvsb(Value value) {
    if (value == null || value.isNull()) {
      return AvsbValue.NULL;
    }
    if (value.isBoolean()) {
      return AvsbValue.of(value.asBoolean());
    }
    if (value.isString()) {
      return AvsbValue.of(value.asString());
    }
    if (value.isNumber()) {
      double d = value.asDouble();
      return Double.isFinite(d) ? AvsbValue.of(d) : AvsbValue.NULL;
    }
    if (value.isInstant()) {
      return AvsbValue.of(value.asInstant().toString());
    }
    if (value.isList()) {
      List<AvsbValue> items = new ArrayList<>();
      for (Value v : value.asList()) {
        items.add(toAvsb(v));
      }
      return new AvsbValue.Arr(items);
    }
    if (value.isStructure()) {
      return toAvsb(value.asStructure());
    }
    return AvsbValue.NULL;
  }

  /** {@code structure} as an {@link AvsbValue.Obj}. */
  public static AvsbValue.Obj toAvsb(Structure structure) {
    Map<String, AvsbValue> fields = new LinkedHashMap<>();
    structure.asUnmodifiableMap().forEach((k, v) -> fields.put(k, toAvsb(v)));
    return new AvsbValue.Obj(fields);
  }

  /** {@code value} as an OpenFeature {@link Value}. */
  public static Value toOpenFeature(AvsbValue value) {
    if (value == null || value instanceof AvsbValue.Null) {
      return new Value();
    }
    if (value instanceof AvsbValue.Bool b) {
      return new Value(b.value());
    }
    if (value instanceof AvsbValue.Str s) {
      return new Value(s.value());
    }
    if (value instanceof AvsbValue.Num n) {
      double d = n.value();
      return d == Math.rint(d) && d >= Integer.MIN_VALUE && d <= Integer.MAX_VALUE
          ? new Value((int) d)
          : new Value(d);
    }
    if (value instanceof AvsbValue.Arr a) {
      List<Value> items = new ArrayList<>();
      for (AvsbValue v : a.values()) {
        items.add(toOpenFeature(v));
      }
      return new Value(items);
    }
    return new Value(toStructure(((AvsbValue.Obj) value).values()));
  }

  /** {@code fields} as an immutable OpenFeature structure. */
  public static Structure toStructure(Map<String, AvsbValue> fields) {
    Map<String, Value> converted = new LinkedHashMap<>();
    fields.forEach((k, v) -> converted.put(k, toOpenFeature(v)));
    return new ImmutableStructure(converted);
  }
}
