package io.avsb;

import io.avsb.internal.json.ReasonJson;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The values of all client-visible flags for one context, for handing to a front end. {@link
 * #toJson()} gives {@code {"<key>": value, ..., "$flagsState": {"<key>": {"variation": n,
 * "version": v, "reason": {...}, "trackEvents": true}}, "$valid": true}} ({@code variation} left
 * out when the default was used, {@code trackEvents} only when true). A state is invalid, with no
 * flags, when the server was not ready or the context was invalid. Immutable and thread-safe.
 */
public final class FeatureFlagsState {
  private static final FeatureFlagsState INVALID = new FeatureFlagsState(false, Map.of());

  private final boolean valid;
  private final Map<String, FlagState> flags;

  private FeatureFlagsState(boolean valid, Map<String, FlagState> flags) {
    this.valid = valid;
    this.flags = flags;
  }

  /** The state of a server that could not evaluate: not valid, no flags. */
  public static FeatureFlagsState invalid() {
    return INVALID;
  }

  /** A builder for a valid state. */
  public static Builder builder() {
    return new Builder();
  }

  /** True when the flags were evaluated; false when the server was not ready or the context invalid. */
  public boolean isValid() {
    return valid;
  }

  /** The value of flag {@code key}, or null when the state has no such flag. */
  public AvsbValue getFlagValue(String key) {
    FlagState s = flags.get(key);
    return s == null ? null : s.value();
  }

  /** The evaluation of flag {@code key}, or null when the state has no such flag. */
  public FlagState getFlagState(String key) {
    return flags.get(key);
  }

  /** Every flag's evaluation by key, sorted by key, read-only. */
  public Map<String, FlagState> flags() {
    return flags;
  }

  /** Every flag's value by key, sorted by key, read-only. */
  public Map<String, AvsbValue> toValuesMap() {
    Map<String, AvsbValue> values = new LinkedHashMap<>();
    flags.forEach((k, s) -> values.put(k, s.value()));
    return Collections.unmodifiableMap(values);
  }

  /** The state in its JSON form (see the class description). */
  public AvsbValue toValue() {
    Map<String, AvsbValue> root = new LinkedHashMap<>();
    Map<String, AvsbValue> meta = new LinkedHashMap<>();
    for (Map.Entry<String, FlagState> e : flags.entrySet()) {
      FlagState s = e.getValue();
      root.put(e.getKey(), s.value());
      Map<String, AvsbValue> m = new LinkedHashMap<>();
      if (s.variation() != EvaluationDetail.NO_VARIATION) {
        m.put("variation", AvsbValue.of(s.variation()));
      }
      m.put("version", AvsbValue.of(s.version()));
      m.put("reason", ReasonJson.of(s.reason()));
      if (s.trackEvents()) {
        m.put("trackEvents", AvsbValue.TRUE);
      }
      meta.put(e.getKey(), new AvsbValue.Obj(m));
    }
    root.put("$flagsState", new AvsbValue.Obj(meta));
    root.put("$valid", AvsbValue.of(valid));
    return new AvsbValue.Obj(root);
  }

  /** The state as compact JSON text for a front end. */
  public String toJson() {
    return toValue().toJson();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FeatureFlagsState s && valid == s.valid && flags.equals(s.flags);
  }

  @Override
  public int hashCode() {
    return Objects.hash(valid, flags);
  }

  /** A short description: validity and flag count, no values. */
  @Override
  public String toString() {
    return "FeatureFlagsState(valid=" + valid + ", " + flags.size() + " flags)";
  }

  /**
   * The evaluation of one flag. Immutable and thread-safe.
   *
   * @param value the value ({@link AvsbValue#NULL} when the flag gave no value)
   * @param variation the variation index, or {@link EvaluationDetail#NO_VARIATION}
   * @param version the flag's version
   * @param reason why this value
   * @param trackEvents whether a front end should send full events for this flag
   */
  public record FlagState(
      AvsbValue value, int variation, int version, EvaluationReason reason, boolean trackEvents) {
    /** Checks the reason and variation; a null value becomes {@link AvsbValue#NULL}. */
    public FlagState {
      Objects.requireNonNull(reason, "reason");
      if (variation < EvaluationDetail.NO_VARIATION) {
        throw new IllegalArgumentException("variation must be >= -1, was " + variation);
      }
      value = value == null ? AvsbValue.NULL : value;
    }
  }

  /** Collects flag evaluations into a valid state. Not thread-safe. */
  public static final class Builder {
    private final Map<String, FlagState> flags = new TreeMap<>();

    private Builder() {}

    /** Adds (or replaces) flag {@code key}'s evaluation. */
    public Builder add(String key, FlagState state) {
      flags.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(state, "state"));
      return this;
    }

    /** Builds the valid state. */
    public FeatureFlagsState build() {
      return new FeatureFlagsState(true, Collections.unmodifiableMap(new TreeMap<>(flags)));
    }
  }
}
