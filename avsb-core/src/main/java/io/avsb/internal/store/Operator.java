package io.avsb.internal.store;

/**
 * The clause operators of the flag model; {@link #UNKNOWN} for a name this kit does not know.
 * Immutable and thread-safe.
 */
public enum Operator {
  /** JSON equality with any clause value. */
  IN("in"),
  /** String prefix. */
  STARTS_WITH("startsWith"),
  /** String suffix. */
  ENDS_WITH("endsWith"),
  /** String containment. */
  CONTAINS("contains"),
  /** Regular expression found anywhere in the string. */
  MATCHES("matches"),
  /** Numeric {@code <}. */
  LESS_THAN("lessThan"),
  /** Numeric {@code <=}. */
  LESS_THAN_OR_EQUAL("lessThanOrEqual"),
  /** Numeric {@code >}. */
  GREATER_THAN("greaterThan"),
  /** Numeric {@code >=}. */
  GREATER_THAN_OR_EQUAL("greaterThanOrEqual"),
  /** Date strictly before. */
  BEFORE("before"),
  /** Date strictly after. */
  AFTER("after"),
  /** Semantic version equal. */
  SEMVER_EQUAL("semVerEqual"),
  /** Semantic version lower. */
  SEMVER_LESS_THAN("semVerLessThan"),
  /** Semantic version higher. */
  SEMVER_GREATER_THAN("semVerGreaterThan"),
  /** The context is in any of the segments named by the values. */
  SEGMENT_MATCH("segmentMatch"),
  /** An operator name this kit does not know: it matches nothing. */
  UNKNOWN("");

  private final String jsonName;

  Operator(String jsonName) {
    this.jsonName = jsonName;
  }

  /** The name in the JSON flag model. */
  public String jsonName() {
    return jsonName;
  }

  /** The operator named {@code name}, or {@link #UNKNOWN}. */
  public static Operator fromJson(String name) {
    if (name != null && !name.isEmpty()) {
      for (Operator op : values()) {
        if (op.jsonName.equals(name)) {
          return op;
        }
      }
    }
    return UNKNOWN;
  }
}
