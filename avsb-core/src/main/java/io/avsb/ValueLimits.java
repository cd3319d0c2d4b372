package io.avsb;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts caller-supplied Java values to {@link AvsbValue} and checks caller-built values, within
 * limits that keep every later walk of the value (hashing, redaction, JSON writing) safe: at most
 * {@link #MAX_DEPTH} levels of nesting, at most {@link #MAX_ELEMENTS} elements counted as visited
 * (so a structure that shares one list many times over cannot expand without end), and no cycle.
 * Recursion never goes deeper than the depth limit, so a cyclic or absurdly deep input gives an
 * {@link IllegalArgumentException}, never a {@link StackOverflowError}. Stateless and thread-safe;
 * each conversion uses its own walk.
 */
final class ValueLimits {
  /** The deepest nesting of arrays and objects accepted, as JSON parsing accepts. */
  static final int MAX_DEPTH = 200;
  /** The most elements (array elements and object properties) one value may have. */
  static final int MAX_ELEMENTS = 1_000_000;

  private ValueLimits() {}

  /** Converts as {@link AvsbValue#fromJava} documents. */
  static AvsbValue convert(Object value) {
    AvsbValue scalar = scalar(value);
    return scalar != null ? scalar : new Walk().convert(value, 1);
  }

  /** Why {@code value} breaks the limits, or null when it keeps them. */
  static String problem(AvsbValue value) {
    if (!(value instanceof AvsbValue.Arr) && !(value instanceof AvsbValue.Obj)) {
      return null;
    }
    try {
      new Walk().check(value, 1);
      return null;
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  private static AvsbValue scalar(Object value) {
    if (value == null) {
      return AvsbValue.NULL;
    }
    if (value instanceof Boolean b) {
      return AvsbValue.of(b.booleanValue());
    }
    if (value instanceof Number n) {
      return AvsbValue.of(n.doubleValue());
    }
    if (value instanceof CharSequence s) {
      return AvsbValue.of(s.toString());
    }
    if (value instanceof AvsbValue v && !(v instanceof AvsbValue.Arr) && !(v instanceof AvsbValue.Obj)) {
      return v;
    }
    return null;
  }

  /** One conversion or check: the element count and the containers on the current path. */
  private static final class Walk {
    private int elements;
    private Object[] path; // the Java containers being converted, outermost first

    AvsbValue convert(Object value, int depth) {
      AvsbValue scalar = scalar(value);
      if (scalar != null) {
        return scalar;
      }
      if (value instanceof AvsbValue v) {
        check(v, depth);
        return v;
      }
      if (!(value instanceof Map) && !(value instanceof Iterable) && !(value instanceof Object[])) {
        throw new IllegalArgumentException(
            "value of type " + value.getClass().getName() + " has no JSON form");
      }
      enter(value, depth);
      try {
        if (value instanceof Map<?, ?> map) {
          Map<String, AvsbValue> out = new LinkedHashMap<>();
          for (Map.Entry<?, ?> e : map.entrySet()) {
            count();
            out.put(String.valueOf(e.getKey()), convert(e.getValue(), depth + 1));
          }
          return new AvsbValue.Obj(out);
        }
        Iterable<?> items = value instanceof Object[] array ? Arrays.asList(array) : (Iterable<?>) value;
        List<AvsbValue> out = new ArrayList<>();
        for (Object item : items) {
          count();
          out.add(convert(item, depth + 1));
        }
        return new AvsbValue.Arr(out);
      } finally {
        path[depth - 1] = null;
      }
    }

    void check(AvsbValue value, int depth) {
      if (value instanceof AvsbValue.Obj o) {
        requireDepth(depth);
        for (AvsbValue v : o.values().values()) {
          count();
          check(v, depth + 1);
        }
      } else if (value instanceof AvsbValue.Arr a) {
        requireDepth(depth);
        List<AvsbValue> values = a.values();
        for (int i = 0; i < values.size(); i++) {
          count();
          check(values.get(i), depth + 1);
        }
      }
    }

    private void enter(Object container, int depth) {
      requireDepth(depth);
      for (int i = 0; path != null && i < depth - 1; i++) {
        if (path[i] == container) {
          throw new IllegalArgumentException(
              "value is cyclic: a map, collection or array contains itself");
        }
      }
      if (path == null) {
        path = new Object[8];
      } else if (depth > path.length) {
        path = Arrays.copyOf(path, path.length * 2);
      }
      path[depth - 1] = container;
    }

    private static void requireDepth(int depth) {
      if (depth > MAX_DEPTH) {
        throw new IllegalArgumentException("value nests deeper than " + MAX_DEPTH + " levels");
      }
    }

    private void count() {
      if (++elements > MAX_ELEMENTS) {
        throw new IllegalArgumentException("value has more than " + MAX_ELEMENTS + " elements");
      }
    }
  }
}
