package io.avsb;

import io.avsb.internal.json.JsonCodec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable JSON value: the type of flag variations, context attributes and event data.
 *
 * <p>The kit has its own JSON type so that no JSON library appears in its public API; {@link
 * #toJson()} and {@link #parse(String)} convert to and from JSON text for use with any library.
 * Numbers are held as {@code double}, as in JSON, so {@code 1} and {@code 1.0} are equal. Instances
 * are immutable and thread-safe.
 */
public sealed interface AvsbValue
    permits AvsbValue.Null, AvsbValue.Bool, AvsbValue.Num, AvsbValue.Str, AvsbValue.Arr, AvsbValue.Obj {

  /** The JSON {@code null}. */
  Null NULL = new Null();
  /** The JSON {@code true}. */
  Bool TRUE = new Bool(true);
  /** The JSON {@code false}. */
  Bool FALSE = new Bool(false);

  /** Returns the JSON {@code null}. */
  static AvsbValue ofNull() {
    return NULL;
  }

  /** Returns the JSON boolean for {@code value}. */
  static AvsbValue of(boolean value) {
    return value ? TRUE : FALSE;
  }

  /** Returns a JSON string, or {@link #NULL} when {@code value} is null. */
  static AvsbValue of(String value) {
    return value == null ? NULL : new Str(value);
  }

  /** Returns a JSON number. */
  static AvsbValue of(double value) {
    return new Num(value);
  }

  /** Returns a JSON number. */
  static AvsbValue of(long value) {
    return new Num(value);
  }

  /** Returns a JSON array of the given values ({@code null} elements become {@link #NULL}). */
  static AvsbValue arrayOf(AvsbValue... values) {
    List<AvsbValue> list = new ArrayList<>(values.length);
    for (AvsbValue v : values) {
      list.add(v == null ? NULL : v);
    }
    return new Arr(list);
  }

  /**
   * Converts a plain Java value: {@code null}, {@link Boolean}, {@link Number}, {@link CharSequence},
   * {@link Map} (keys as strings), {@link Iterable}, arrays of objects, or an {@code AvsbValue}.
   * Safe on hostile input: a value that contains itself, nests deeper than 200 levels or has more
   * than 1,000,000 elements is refused with an exception, never a {@link StackOverflowError}.
   *
   * @throws IllegalArgumentException naming the type when the value has no JSON form, or saying
   *     that it is cyclic, too deep or too large
   */
  static AvsbValue fromJava(Object value) {
    return ValueLimits.convert(value);
  }

  /**
   * Parses JSON text.
   *
   * @throws IllegalArgumentException when {@code json} is not valid JSON
   */
  static AvsbValue parse(String json) {
    return JsonCodec.parse(json);
  }

  /** Returns this value as compact JSON text. */
  default String toJson() {
    return JsonCodec.write(this);
  }

  /** True for the JSON {@code null}. */
  default boolean isNull() {
    return this instanceof Null;
  }

  /** True for a JSON number. */
  default boolean isNumber() {
    return this instanceof Num;
  }

  /** True for a JSON number with no fractional part. */
  default boolean isInt() {
    return this instanceof Num n && n.value() == Math.rint(n.value()) && !Double.isInfinite(n.value());
  }

  /** True for a JSON string. */
  default boolean isString() {
    return this instanceof Str;
  }

  /** The boolean value, or {@code false} for anything but {@link #TRUE}. */
  default boolean booleanValue() {
    return this instanceof Bool b && b.value();
  }

  /** The numeric value, or {@code 0} for a non-number. */
  default double doubleValue() {
    return this instanceof Num n ? n.value() : 0;
  }

  /** The numeric value truncated toward zero, or {@code 0} for a non-number. */
  default int intValue() {
    return this instanceof Num n ? (int) n.value() : 0;
  }

  /** The string value, or {@code null} for a non-string. */
  default String stringValue() {
    return this instanceof Str s ? s.value() : null;
  }

  /** The element count of an array or object, else 0. */
  default int size() {
    if (this instanceof Arr a) {
      return a.values().size();
    }
    return this instanceof Obj o ? o.values().size() : 0;
  }

  /** The array element at {@code index}, or {@link #NULL} when out of range or not an array. */
  default AvsbValue get(int index) {
    if (this instanceof Arr a && index >= 0 && index < a.values().size()) {
      return a.values().get(index);
    }
    return NULL;
  }

  /** The object property {@code name}, or {@link #NULL} when absent or not an object. */
  default AvsbValue get(String name) {
    if (this instanceof Obj o) {
      AvsbValue v = o.values().get(name);
      return v == null ? NULL : v;
    }
    return NULL;
  }

  /** The JSON {@code null}; use {@link #NULL}. */
  record Null() implements AvsbValue {
    @Override
    public String toString() {
      return "null";
    }

    // equals and hashCode as a record's, written out in each kind: the generated ones are linked
    // on first use, which costs a cold start tens of milliseconds (a data set's load compares
    // values)
    @Override
    public boolean equals(Object o) {
      return o instanceof Null;
    }

    @Override
    public int hashCode() {
      return 0;
    }
  }

  /**
   * A JSON boolean.
   *
   * @param value the boolean
   */
  record Bool(boolean value) implements AvsbValue {
    @Override
    public String toString() {
      return Boolean.toString(value);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Bool b && value == b.value;
    }

    @Override
    public int hashCode() {
      return Boolean.hashCode(value);
    }
  }

  /**
   * A JSON number. {@code -0.0} equals {@code 0.0}.
   *
   * @param value the number; must be finite
   */
  record Num(double value) implements AvsbValue {
    /** Validates that the number is finite, as JSON requires. */
    public Num {
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException("value must be a finite number, was " + value);
      }
      if (value == 0) {
        value = 0; // one zero, so that equals and hashCode agree with JSON equality
      }
    }

    @Override
    public String toString() {
      return toJson();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Num n && Double.compare(value, n.value) == 0;
    }

    @Override
    public int hashCode() {
      return Double.hashCode(value);
    }
  }

  /**
   * A JSON string.
   *
   * @param value the string, not null
   */
  record Str(String value) implements AvsbValue {
    /** Validates that the string is not null. */
    public Str {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
      return toJson();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Str s && value.equals(s.value);
    }

    @Override
    public int hashCode() {
      return value.hashCode();
    }
  }

  /**
   * A JSON array.
   *
   * @param values the elements, copied into an unmodifiable list
   */
  record Arr(List<AvsbValue> values) implements AvsbValue {
    /** Copies the elements; null elements become {@link AvsbValue#NULL}. */
    public Arr {
      List<AvsbValue> copy = new ArrayList<>(values.size());
      for (AvsbValue v : values) {
        copy.add(v == null ? NULL : v);
      }
      values = Collections.unmodifiableList(copy);
    }

    @Override
    public String toString() {
      return toJson();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Arr a && values.equals(a.values);
    }

    @Override
    public int hashCode() {
      return values.hashCode();
    }
  }

  /**
   * A JSON object, keeping the order of its properties.
   *
   * @param values the properties, copied into an unmodifiable map
   */
  record Obj(Map<String, AvsbValue> values) implements AvsbValue {
    /** Copies the properties; null values become {@link AvsbValue#NULL}. */
    public Obj {
      Map<String, AvsbValue> copy = new LinkedHashMap<>();
      for (Map.Entry<String, AvsbValue> e : values.entrySet()) {
        copy.put(Objects.requireNonNull(e.getKey(), "property name"),
            e.getValue() == null ? NULL : e.getValue());
      }
      values = Collections.unmodifiableMap(copy);
    }

    @Override
    public String toString() {
      return toJson();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Obj b && values.equals(b.values);
    }

    @Override
    public int hashCode() {
      return values.hashCode();
    }
  }
}
