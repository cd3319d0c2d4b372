package io.avsb;

import java.util.ArrayList;
import java.util.List;

/**
 * A reference to a context attribute: either a plain attribute name, or a path such as {@code
 * /address/city} into nested JSON objects, where {@code ~1} stands for {@code /} and {@code ~0}
 * for {@code ~} within a path component.
 *
 * <p>An invalid reference does not throw: {@link #isValid()} is false and {@link #error()} says
 * why, so that a flag holding one can be reported as malformed. Immutable and thread-safe.
 */
public final class AttributeRef {
  private final String text;
  private final String[] components;
  private final String error;
  // which built-in attribute the first component names (BUILT_IN_*), found once here rather than
  // by a string switch on every lookup
  private final int builtIn;

  static final int CUSTOM = 0;
  static final int BUILT_IN_KIND = 1;
  static final int BUILT_IN_KEY = 2;
  static final int BUILT_IN_NAME = 3;
  static final int BUILT_IN_ANONYMOUS = 4;

  private AttributeRef(String text, String[] components, String error) {
    this.text = text;
    this.components = components;
    this.error = error;
    this.builtIn = components.length == 0 ? CUSTOM : builtIn(components[0]);
  }

  /** Which built-in attribute {@code name} is, or {@link #CUSTOM}. */
  static int builtIn(String name) {
    switch (name) {
      case "kind":
        return BUILT_IN_KIND;
      case "key":
        return BUILT_IN_KEY;
      case "name":
        return BUILT_IN_NAME;
      case "anonymous":
        return BUILT_IN_ANONYMOUS;
      default:
        return CUSTOM;
    }
  }

  /** Which built-in attribute the first component names, or {@link #CUSTOM}. */
  int builtIn() {
    return builtIn;
  }

  /**
   * Parses {@code ref}: a string starting with {@code /} is a path, anything else is one
   * attribute name taken literally.
   */
  public static AttributeRef of(String ref) {
    if (ref == null || ref.isEmpty()) {
      return invalid(ref, "attribute reference must not be empty");
    }
    if (ref.charAt(0) != '/') {
      return new AttributeRef(ref, new String[] {ref}, null);
    }
    if (ref.length() == 1) {
      return invalid(ref, "attribute reference \"/\" names no attribute");
    }
    List<String> parts = new ArrayList<>();
    int start = 1;
    while (true) {
      int slash = ref.indexOf('/', start);
      String raw = slash < 0 ? ref.substring(start) : ref.substring(start, slash);
      if (raw.isEmpty()) {
        return invalid(ref, "attribute reference has an empty path component");
      }
      String part = unescape(raw);
      if (part == null) {
        return invalid(ref, "attribute reference has an invalid escape (only ~0 and ~1 are allowed)");
      }
      parts.add(part);
      if (slash < 0) {
        break;
      }
      start = slash + 1;
    }
    return new AttributeRef(ref, parts.toArray(new String[0]), null);
  }

  /** A reference to the top-level attribute {@code name}, never interpreted as a path. */
  public static AttributeRef ofLiteral(String name) {
    if (name == null || name.isEmpty()) {
      return invalid(name, "attribute name must not be empty");
    }
    return new AttributeRef(name, new String[] {name}, null);
  }

  private static AttributeRef invalid(String text, String error) {
    return new AttributeRef(text == null ? "" : text, new String[0], error);
  }

  private static String unescape(String raw) {
    if (raw.indexOf('~') < 0) {
      return raw;
    }
    StringBuilder sb = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c != '~') {
        sb.append(c);
        continue;
      }
      if (i + 1 >= raw.length()) {
        return null;
      }
      char next = raw.charAt(++i);
      if (next == '0') {
        sb.append('~');
      } else if (next == '1') {
        sb.append('/');
      } else {
        return null;
      }
    }
    return sb.toString();
  }

  /** True if the reference can be used to look up an attribute. */
  public boolean isValid() {
    return error == null;
  }

  /** Why the reference is invalid, or {@code null} when it is valid. */
  public String error() {
    return error;
  }

  /** The number of path components; 0 for an invalid reference. */
  public int depth() {
    return components.length;
  }

  /** The unescaped path component at {@code index}. */
  public String component(int index) {
    return components[index];
  }

  /** The text the reference was made from. */
  @Override
  public String toString() {
    return text;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AttributeRef r
        && java.util.Arrays.equals(r.components, components)
        && java.util.Objects.equals(r.error, error);
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(components);
  }
}
