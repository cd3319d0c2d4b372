package io.avsb;

import java.util.Objects;

/**
 * Why a flag evaluation gave its result. Shared instances exist for the reasons without
 * parameters so that evaluation allocates none. Immutable and thread-safe.
 *
 * @param kind the kind of reason
 * @param ruleIndex for {@link Kind#RULE_MATCH}, the index of the matched rule; otherwise -1
 * @param ruleId for {@link Kind#RULE_MATCH}, the rule's id if it has one; otherwise null
 * @param inExperiment true when the result came from an experiment and is tracked as one
 * @param prerequisiteKey for {@link Kind#PREREQUISITE_FAILED}, the first failed prerequisite
 * @param errorKind for {@link Kind#ERROR}, what went wrong; otherwise null
 */
public record EvaluationReason(
    Kind kind,
    int ruleIndex,
    String ruleId,
    boolean inExperiment,
    String prerequisiteKey,
    ErrorKind errorKind) {

  /** The kinds of reason. */
  public enum Kind {
    /** The flag is off; the off variation was used. */
    OFF,
    /** No target or rule matched; the fallthrough was used. */
    FALLTHROUGH,
    /** The context was targeted individually. */
    TARGET_MATCH,
    /** A rule matched. */
    RULE_MATCH,
    /** A prerequisite flag did not give its required variation. */
    PREREQUISITE_FAILED,
    /** The flag could not be evaluated; the caller's default was used. */
    ERROR
  }

  /** What went wrong in an {@link Kind#ERROR} evaluation. */
  public enum ErrorKind {
    /** The server has not received its first full data set. */
    CLIENT_NOT_READY,
    /** No flag has the requested key. */
    FLAG_NOT_FOUND,
    /** The flag's data is invalid (bad variation index, bad attribute reference, a cycle). */
    MALFORMED_FLAG,
    /** The context is missing or invalid. */
    USER_NOT_SPECIFIED,
    /** The flag's value is not of the type that was asked for. */
    WRONG_TYPE,
    /** An unexpected exception; it was logged. */
    EXCEPTION
  }

  private static final EvaluationReason OFF =
      new EvaluationReason(Kind.OFF, -1, null, false, null, null);
  private static final EvaluationReason FALLTHROUGH =
      new EvaluationReason(Kind.FALLTHROUGH, -1, null, false, null, null);
  private static final EvaluationReason FALLTHROUGH_EXPERIMENT =
      new EvaluationReason(Kind.FALLTHROUGH, -1, null, true, null, null);
  private static final EvaluationReason TARGET_MATCH =
      new EvaluationReason(Kind.TARGET_MATCH, -1, null, false, null, null);
  private static final EvaluationReason[] ERRORS = new EvaluationReason[ErrorKind.values().length];

  static {
    for (ErrorKind e : ErrorKind.values()) {
      ERRORS[e.ordinal()] = new EvaluationReason(Kind.ERROR, -1, null, false, null, e);
    }
  }

  /** Checks that the parameters fit the kind. */
  public EvaluationReason {
    Objects.requireNonNull(kind, "kind");
    if (kind == Kind.RULE_MATCH && ruleIndex < 0) {
      throw new IllegalArgumentException("ruleIndex must be >= 0 for RULE_MATCH, was " + ruleIndex);
    }
    if (kind != Kind.RULE_MATCH && (ruleIndex != -1 || ruleId != null)) {
      throw new IllegalArgumentException("ruleIndex and ruleId are only for RULE_MATCH");
    }
    if ((kind == Kind.PREREQUISITE_FAILED) != (prerequisiteKey != null)) {
      throw new IllegalArgumentException("prerequisiteKey is required for, and only for, PREREQUISITE_FAILED");
    }
    if ((kind == Kind.ERROR) != (errorKind != null)) {
      throw new IllegalArgumentException("errorKind is required for, and only for, ERROR");
    }
    if (inExperiment && kind != Kind.RULE_MATCH && kind != Kind.FALLTHROUGH) {
      throw new IllegalArgumentException("inExperiment is only for RULE_MATCH and FALLTHROUGH");
    }
  }

  /** The flag is off. */
  public static EvaluationReason off() {
    return OFF;
  }

  /** The fallthrough was used. */
  public static EvaluationReason fallthrough() {
    return FALLTHROUGH;
  }

  /** The fallthrough was used, in an experiment when {@code inExperiment}. */
  public static EvaluationReason fallthrough(boolean inExperiment) {
    return inExperiment ? FALLTHROUGH_EXPERIMENT : FALLTHROUGH;
  }

  /** The context was targeted individually. */
  public static EvaluationReason targetMatch() {
    return TARGET_MATCH;
  }

  /** Rule {@code ruleIndex} (with id {@code ruleId}, may be null) matched. */
  public static EvaluationReason ruleMatch(int ruleIndex, String ruleId, boolean inExperiment) {
    return new EvaluationReason(Kind.RULE_MATCH, ruleIndex, ruleId, inExperiment, null, null);
  }

  /** Prerequisite {@code prerequisiteKey} failed. */
  public static EvaluationReason prerequisiteFailed(String prerequisiteKey) {
    return new EvaluationReason(Kind.PREREQUISITE_FAILED, -1, null, false, prerequisiteKey, null);
  }

  /** An error of {@code errorKind}. */
  public static EvaluationReason error(ErrorKind errorKind) {
    return ERRORS[errorKind.ordinal()];
  }

  // equals and hashCode as a record's, written out: the generated ones are linked on first use,
  // which costs a cold start tens of milliseconds (the store's load compares results)
  @Override
  public boolean equals(Object o) {
    return o instanceof EvaluationReason r && kind == r.kind && ruleIndex == r.ruleIndex
        && inExperiment == r.inExperiment && errorKind == r.errorKind
        && Objects.equals(ruleId, r.ruleId) && Objects.equals(prerequisiteKey, r.prerequisiteKey);
  }

  @Override
  public int hashCode() {
    int h = Objects.hashCode(kind);
    h = h * 31 + ruleIndex;
    h = h * 31 + Objects.hashCode(ruleId);
    h = h * 31 + Boolean.hashCode(inExperiment);
    h = h * 31 + Objects.hashCode(prerequisiteKey);
    return h * 31 + Objects.hashCode(errorKind);
  }

  /** A compact form for logs, such as {@code RULE_MATCH(0,rule-id)} or {@code ERROR(WRONG_TYPE)}. */
  @Override
  public String toString() {
    switch (kind) {
      case RULE_MATCH:
        return "RULE_MATCH(" + ruleIndex + (ruleId == null ? "" : "," + ruleId)
            + (inExperiment ? ",inExperiment" : "") + ")";
      case PREREQUISITE_FAILED:
        return "PREREQUISITE_FAILED(" + prerequisiteKey + ")";
      case ERROR:
        return "ERROR(" + errorKind + ")";
      case FALLTHROUGH:
        return inExperiment ? "FALLTHROUGH(inExperiment)" : "FALLTHROUGH";
      default:
        return kind.name();
    }
  }
}
