package io.avsb;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Who a flag is evaluated for: a single context of one kind (a user, an organization, a device)
 * with a key and attributes, or a multi-context that combines one context per kind.
 *
 * <p>Contexts never throw on bad input: an invalid one (empty key, bad kind, duplicate kinds) is
 * still built, {@link #isValid()} is false and {@link #error()} says why, and evaluating a flag for
 * it gives the default value with the error {@code USER_NOT_SPECIFIED}. This is a final class
 * rather than a record because it keeps precomputed lookups so that evaluation allocates nothing.
 * Immutable and thread-safe.
 */
public final class AvsbContext {
  /** The default kind, {@code user}. */
  public static final String DEFAULT_KIND = "user";
  /** The kind of a multi-context, {@code multi}. */
  public static final String MULTI_KIND = "multi";

  private static final int IDENTITY_SCAN = 8;
  private static final String[] NO_NAMES = new String[0];
  private static final AvsbValue[] NO_VALUES = new AvsbValue[0];

  private final String kind;
  private final String key;
  private final String name;
  private final boolean anonymous;
  private final Map<String, AvsbValue> attributes;
  // the same map without the read-only view, for the evaluator's lookups
  private final Map<String, AvsbValue> lookup;
  // the first attributes again, for lookups by a name that is the same instance (the flag parser
  // interns attribute names; names written as literals in code are interned too)
  private final String[] names;
  private final AvsbValue[] values;
  private final boolean multi;
  private final Set<AttributeRef> privateAttributes;
  private final List<AvsbContext> contexts;
  private final String error;
  private final AvsbValue kindValue;
  private final AvsbValue keyValue;
  private final AvsbValue nameValue;
  private final String fullyQualifiedKey;

  private AvsbContext(
      String kind,
      String key,
      String name,
      boolean anonymous,
      Map<String, AvsbValue> attributes,
      Set<AttributeRef> privateAttributes,
      List<AvsbContext> contexts,
      String error) {
    this.kind = kind;
    this.key = key;
    this.name = name;
    this.anonymous = anonymous;
    this.lookup = attributes;
    this.attributes = attributes.isEmpty() ? Map.of() : Collections.unmodifiableMap(attributes);
    int n = Math.min(attributes.size(), IDENTITY_SCAN);
    this.names = n == 0 ? NO_NAMES : new String[n];
    this.values = n == 0 ? NO_VALUES : new AvsbValue[n];
    if (n > 0) {
      int i = 0;
      for (Map.Entry<String, AvsbValue> e : attributes.entrySet()) {
        if (i == n) {
          break;
        }
        names[i] = e.getKey();
        values[i++] = e.getValue();
      }
    }
    this.multi = MULTI_KIND.equals(kind);
    this.privateAttributes = privateAttributes;
    this.contexts = contexts;
    this.error = error;
    this.kindValue = AvsbValue.of(kind);
    this.keyValue = AvsbValue.of(key);
    this.nameValue = name == null ? null : AvsbValue.of(name);
    this.fullyQualifiedKey = error != null ? "" : computeFullyQualifiedKey();
  }

  /** A context of kind {@code user} with {@code key} and no attributes. */
  public static AvsbContext of(String key) {
    return builder(key).build();
  }

  /** A context of {@code kind} with {@code key} and no attributes. */
  public static AvsbContext of(String kind, String key) {
    return builder(kind, key).build();
  }

  /** A builder for a context of kind {@code user}. */
  public static Builder builder(String key) {
    return new Builder(DEFAULT_KIND, key);
  }

  /** A builder for a context of {@code kind}. */
  public static Builder builder(String kind, String key) {
    return new Builder(kind, key);
  }

  /**
   * Combines single contexts of distinct kinds into a multi-context. One context gives that
   * context back. Nested multi-contexts are flattened.
   */
  public static AvsbContext multi(AvsbContext... contexts) {
    List<AvsbContext> flat = new ArrayList<>();
    for (AvsbContext c : contexts) {
      if (c == null) {
        return invalidMulti(flat, "a multi-context must not contain null");
      }
      if (c.isMulti()) {
        flat.addAll(c.contexts);
      } else {
        flat.add(c);
      }
    }
    if (flat.isEmpty()) {
      return invalidMulti(flat, "a multi-context must contain at least one context");
    }
    if (flat.size() == 1) {
      return flat.get(0);
    }
    Set<String> kinds = new LinkedHashSet<>();
    for (AvsbContext c : flat) {
      if (!c.isValid()) {
        return invalidMulti(flat, "context of kind " + c.kind + " is invalid: " + c.error);
      }
      if (!kinds.add(c.kind)) {
        return invalidMulti(flat, "a multi-context may hold only one context of kind " + c.kind);
      }
    }
    flat.sort(Comparator.comparing(AvsbContext::kind));
    return new AvsbContext(
        MULTI_KIND, "", null, false, Map.of(), Set.of(), List.copyOf(flat), null);
  }

  private static AvsbContext invalidMulti(List<AvsbContext> contexts, String error) {
    return new AvsbContext(
        MULTI_KIND, "", null, false, Map.of(), Set.of(), List.copyOf(contexts), error);
  }

  /**
   * Builds a context from a map shaped like the JSON form of a context: {@code kind}, {@code key},
   * optional {@code name} and {@code anonymous}, {@code _meta.privateAttributes}, every other entry
   * an attribute; {@code kind: multi} with one nested map per kind. A map without {@code kind} is
   * the older user shape ({@code key}, built-in attributes at the top level, a {@code custom} map,
   * {@code privateAttributeNames}). Values may be plain Java values or {@link AvsbValue}s. Never
   * throws: bad input, including a map that contains itself or nests deeper than 200 levels,
   * gives an invalid context whose {@link #error()} says why.
   */
  public static AvsbContext fromMap(Map<String, ?> map) {
    if (map == null) {
      return invalid("context map must not be null");
    }
    try {
      return fromValue(AvsbValue.fromJava(map));
    } catch (IllegalArgumentException e) {
      return invalid("context map cannot be converted: " + e.getMessage());
    } catch (RuntimeException e) {
      // a map changed by another thread, or a key whose toString fails
      return invalid("context map cannot be read: " + e);
    }
  }

  /** Builds a context from its JSON form, as {@link #fromMap(Map)} does. Never throws. */
  public static AvsbContext fromValue(AvsbValue json) {
    return ContextParser.parse(json);
  }

  static AvsbContext invalid(String error) {
    return new AvsbContext(DEFAULT_KIND, "", null, false, Map.of(), Set.of(), List.of(), error);
  }

  /** The kind, or {@code multi} for a multi-context. */
  public String kind() {
    return kind;
  }

  /** The key; empty for a multi-context. */
  public String key() {
    return key;
  }

  /** The name, or {@code null}. */
  public String name() {
    return name;
  }

  /** True for an anonymous context (one that stands for a visitor, not a known user). */
  public boolean isAnonymous() {
    return anonymous;
  }

  /** The custom attributes (not {@code kind}, {@code key}, {@code name}, {@code anonymous}). */
  public Map<String, AvsbValue> attributes() {
    return attributes;
  }

  /** Attributes to redact from analytics events for this context. */
  public Set<AttributeRef> privateAttributes() {
    return privateAttributes;
  }

  /** True for a valid context. */
  public boolean isValid() {
    return error == null;
  }

  /** Why the context is invalid, or {@code null}. */
  public String error() {
    return error;
  }

  /** True for a multi-context. */
  public boolean isMulti() {
    return multi;
  }

  /** The single contexts: this context alone, or the parts of a multi-context sorted by kind. */
  public List<AvsbContext> individualContexts() {
    return isMulti() ? contexts : List.of(this);
  }

  /** The number of single contexts: 1, or the parts of a multi-context. */
  public int individualContextCount() {
    return isMulti() ? contexts.size() : 1;
  }

  /** The single context at {@code index} in {@link #individualContexts()}. */
  public AvsbContext individualContext(int index) {
    return isMulti() ? contexts.get(index) : this;
  }

  /** The single context of {@code kind} ({@code null} means {@code user}), or {@code null}. */
  public AvsbContext individualContext(String kind) {
    String k = kind == null ? DEFAULT_KIND : kind;
    if (!isMulti()) {
      return this.kind.equals(k) ? this : null;
    }
    for (int i = 0; i < contexts.size(); i++) {
      AvsbContext c = contexts.get(i);
      if (c.kind.equals(k)) {
        return c;
      }
    }
    return null;
  }

  /**
   * The value of an attribute of this single context: the built-ins {@code kind}, {@code key},
   * {@code name}, {@code anonymous}, or a custom attribute, descending into objects for a path.
   * Returns {@code null} when absent, for an invalid reference, and for a multi-context.
   */
  public AvsbValue getValue(AttributeRef ref) {
    if (!ref.isValid() || isMulti()) {
      return null;
    }
    AvsbValue v = topLevel(ref.builtIn(), ref.component(0));
    for (int i = 1; v != null && i < ref.depth(); i++) {
      v = v instanceof AvsbValue.Obj o ? o.values().get(ref.component(i)) : null;
    }
    return v;
  }

  /** The value of the top-level attribute {@code name}, as {@link #getValue(AttributeRef)}. */
  public AvsbValue getValue(String name) {
    return isMulti() || name == null ? null : topLevel(AttributeRef.builtIn(name), name);
  }

  private AvsbValue topLevel(int builtIn, String attr) {
    switch (builtIn) {
      case AttributeRef.BUILT_IN_KIND:
        return kindValue;
      case AttributeRef.BUILT_IN_KEY:
        return keyValue;
      case AttributeRef.BUILT_IN_NAME:
        return nameValue;
      case AttributeRef.BUILT_IN_ANONYMOUS:
        return AvsbValue.of(anonymous);
      default:
        String[] n = names;
        for (int i = 0; i < n.length; i++) {
          if (n[i] == attr) {
            return values[i];
          }
        }
        return n.length == 0 ? null : lookup.get(attr);
    }
  }

  /**
   * A key unique across kinds: the key alone for a {@code user}, {@code kind:key} otherwise (with
   * {@code %} and {@code :} in the key percent-encoded), and the kinds' pairs joined by {@code :}
   * for a multi-context.
   */
  public String fullyQualifiedKey() {
    return fullyQualifiedKey;
  }

  private String computeFullyQualifiedKey() {
    if (!isMulti()) {
      return DEFAULT_KIND.equals(kind) ? key : kind + ":" + escapeKey(key);
    }
    StringBuilder sb = new StringBuilder();
    for (AvsbContext c : contexts) {
      if (sb.length() > 0) {
        sb.append(':');
      }
      sb.append(c.kind).append(':').append(escapeKey(c.key));
    }
    return sb.toString();
  }

  private static String escapeKey(String key) {
    return key.replace("%", "%25").replace(":", "%3A");
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof AvsbContext c)) {
      return false;
    }
    return kind.equals(c.kind)
        && key.equals(c.key)
        && Objects.equals(name, c.name)
        && anonymous == c.anonymous
        && attributes.equals(c.attributes)
        && privateAttributes.equals(c.privateAttributes)
        && contexts.equals(c.contexts)
        && Objects.equals(error, c.error);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, key, name, anonymous, attributes, contexts);
  }

  /** A short description for logs: kind and validity, never attribute values. */
  @Override
  public String toString() {
    return error != null
        ? "AvsbContext(invalid: " + error + ")"
        : "AvsbContext(" + kind + (isMulti() ? "" : ", key length " + key.length()) + ")";
  }

  /**
   * Builds a single context. Setters never throw; {@link #build()} records any problem in
   * the context's {@link AvsbContext#error()}. Not thread-safe; the built context is.
   */
  public static final class Builder {
    private String kind;
    private String key;
    private String name;
    private boolean anonymous;
    private Map<String, AvsbValue> attributes = new LinkedHashMap<>();
    // true once build() handed the map to a context: the next change copies it first, so a
    // builder used once (a context per request) copies nothing
    private boolean attributesBuilt;
    private final Set<AttributeRef> privateAttributes = new LinkedHashSet<>();
    private boolean allowEmptyKey;
    private String error;

    Builder(String kind, String key) {
      this.kind = kind;
      this.key = key;
    }

    /** Sets the kind. */
    public Builder kind(String kind) {
      this.kind = kind;
      return this;
    }

    /** Sets the key. */
    public Builder key(String key) {
      this.key = key;
      return this;
    }

    /** Sets the name. */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /** Marks the context anonymous. */
    public Builder anonymous(boolean anonymous) {
      this.anonymous = anonymous;
      return this;
    }

    /**
     * Sets an attribute. {@code kind}, {@code key}, {@code name} and {@code anonymous} set the
     * built-ins (a value of the wrong type makes the context invalid); a null value removes it. A
     * value nested deeper than 200 levels or with more than 1,000,000 elements makes the context
     * invalid.
     */
    public Builder set(String attribute, AvsbValue value) {
      if (attribute == null || attribute.isEmpty()) {
        error = "attribute name must not be empty";
        return this;
      }
      AvsbValue v = value == null ? AvsbValue.NULL : value;
      switch (attribute) {
        case "kind":
          kind = v.stringValue();
          if (kind == null) {
            error = "kind must be a string";
          }
          break;
        case "key":
          key = v.stringValue();
          if (key == null) {
            error = "key must be a string";
          }
          break;
        case "name":
          if (!v.isNull() && !v.isString()) {
            error = "name must be a string";
          }
          name = v.stringValue();
          break;
        case "anonymous":
          if (!v.isNull() && !(v instanceof AvsbValue.Bool)) {
            error = "anonymous must be a boolean";
          }
          anonymous = v.booleanValue();
          break;
        case "_meta":
          break;
        default:
          if (v.isNull()) {
            writableAttributes().remove(attribute);
            break;
          }
          String tooBig = ValueLimits.problem(v);
          if (tooBig != null) {
            error("attribute " + attribute + ": " + tooBig);
          } else {
            writableAttributes().put(attribute, v);
          }
      }
      return this;
    }

    private Map<String, AvsbValue> writableAttributes() {
      if (attributesBuilt) {
        attributes = new LinkedHashMap<>(attributes);
        attributesBuilt = false;
      }
      return attributes;
    }

    /** Sets a string attribute. */
    public Builder set(String attribute, String value) {
      return set(attribute, AvsbValue.of(value));
    }

    /** Sets a boolean attribute. */
    public Builder set(String attribute, boolean value) {
      return set(attribute, AvsbValue.of(value));
    }

    /** Sets a numeric attribute. */
    public Builder set(String attribute, double value) {
      return set(attribute, AvsbValue.of(value));
    }

    /** Marks attributes (names or {@code /path} references) private: redacted in events. */
    public Builder privateAttributes(String... references) {
      for (String r : references) {
        privateAttributes.add(AttributeRef.of(r));
      }
      return this;
    }

    Builder allowEmptyKey() {
      this.allowEmptyKey = true;
      return this;
    }

    Builder error(String error) {
      if (this.error == null) {
        this.error = error;
      }
      return this;
    }

    /** Builds the context; an invalid one carries its {@link AvsbContext#error()}. */
    public AvsbContext build() {
      String problem = error != null ? error : validate();
      return new AvsbContext(
          kind == null ? DEFAULT_KIND : kind,
          key == null ? "" : key,
          name,
          anonymous,
          builtAttributes(),
          privateAttributes.isEmpty()
              ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(privateAttributes)),
          List.of(),
          problem);
    }

    private Map<String, AvsbValue> builtAttributes() {
      if (attributes.isEmpty()) {
        return Map.of();
      }
      attributesBuilt = true;
      return attributes;
    }

    private String validate() {
      String kindError = kindError(kind == null ? DEFAULT_KIND : kind);
      if (kindError != null) {
        return kindError;
      }
      if (key == null) {
        return "context key must not be null";
      }
      if (key.isEmpty() && !allowEmptyKey) {
        return "context key must not be empty";
      }
      return null;
    }
  }

  static String kindError(String kind) {
    if (kind.isEmpty()) {
      return "context kind must not be empty";
    }
    if (kind.equals("kind")) {
      return "context kind must not be \"kind\"";
    }
    if (kind.equals(MULTI_KIND)) {
      return "context kind \"multi\" is only for multi-contexts";
    }
    for (int i = 0; i < kind.length(); i++) {
      char c = kind.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '.' || c == '_' || c == '-';
      if (!ok) {
        return "context kind contains a character other than letters, digits, '.', '_' and '-'";
      }
    }
    return null;
  }
}
