package io.avsb.internal.telemetry;

import io.avsb.EvaluationReason;
import io.avsb.EvaluationReason.ErrorKind;

/**
 * Our reasons in the vocabulary that OpenFeature and the OpenTelemetry {@code feature_flag}
 * conventions share, in their upper-case form ({@code TARGETING_MATCH}, {@code FLAG_NOT_FOUND});
 * the OpenTelemetry attributes use them lower-cased. One mapping for the OpenFeature provider and
 * the span-event hook. Stateless and thread-safe.
 *
 * <ul>
 *   <li>{@code TARGET_MATCH} and {@code RULE_MATCH}: {@code TARGETING_MATCH};
 *   <li>{@code FALLTHROUGH}: {@code DEFAULT};
 *   <li>either of the last two in an experiment ({@code inExperiment}): {@code SPLIT};
 *   <li>{@code OFF} and {@code PREREQUISITE_FAILED} (the flag serves its off variation):
 *       {@code DISABLED};
 *   <li>{@code ERROR}: {@code ERROR}.
 * </ul>
 */
public final class StandardTerms {
  private StandardTerms() {}

  /** The standard reason for {@code reason}. */
  public static String reason(EvaluationReason reason) {
    switch (reason.kind()) {
      case TARGET_MATCH:
        return "TARGETING_MATCH";
      case RULE_MATCH:
        return reason.inExperiment() ? "SPLIT" : "TARGETING_MATCH";
      case FALLTHROUGH:
        return reason.inExperiment() ? "SPLIT" : "DEFAULT";
      case OFF:
      case PREREQUISITE_FAILED:
        return "DISABLED";
      default:
        return "ERROR";
    }
  }

  /**
   * The standard error code for {@code kind}: {@code CLIENT_NOT_READY} is {@code
   * PROVIDER_NOT_READY}, {@code FLAG_NOT_FOUND} stays, {@code MALFORMED_FLAG} is {@code
   * PARSE_ERROR} (the flag's data could not be used), {@code USER_NOT_SPECIFIED} is {@code
   * INVALID_CONTEXT}, {@code WRONG_TYPE} is {@code TYPE_MISMATCH}, {@code EXCEPTION} is {@code
   * GENERAL}.
   */
  public static String errorCode(ErrorKind kind) {
    switch (kind) {
      case CLIENT_NOT_READY:
        return "PROVIDER_NOT_READY";
      case FLAG_NOT_FOUND:
        return "FLAG_NOT_FOUND";
      case MALFORMED_FLAG:
        return "PARSE_ERROR";
      case USER_NOT_SPECIFIED:
        return "INVALID_CONTEXT";
      case WRONG_TYPE:
        return "TYPE_MISMATCH";
      default:
        return "GENERAL";
    }
  }
}
