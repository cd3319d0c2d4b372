package io.avsb.openfeature.internal;

import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.ImmutableMetadata;
import dev.openfeature.sdk.ProviderEvaluation;
import dev.openfeature.sdk.Reason;
import io.avsb.EvaluationDetail;
import io.avsb.EvaluationReason;
import io.avsb.internal.telemetry.StandardTerms;

/**
 * Turns our evaluation results into OpenFeature's. The variant is the variation index ({@code
 * "0"}, {@code "1"}, ...; none when the caller's default was used); the reason and error code
 * follow {@link StandardTerms}; the flag metadata carries our own reason: {@code reasonKind} (such
 * as {@code RULE_MATCH}), and when they apply {@code ruleIndex}, {@code ruleId}, {@code
 * inExperiment}, {@code prerequisiteKey} and {@code errorKind}. Stateless and thread-safe.
 */
public final class Results {
  private Results() {}

  /** The OpenFeature form of {@code detail}. */
  public static <T> ProviderEvaluation<T> of(EvaluationDetail<T> detail) {
    EvaluationReason reason = detail.reason();
    ProviderEvaluation.ProviderEvaluationBuilder<T> b = ProviderEvaluation.<T>builder()
        .value(detail.value())
        .variant(detail.isDefaultValue() ? null : Integer.toString(detail.variationIndex()))
        .reason(StandardTerms.reason(reason))
        .flagMetadata(metadata(reason));
    if (reason.errorKind() != null) {
      b.errorCode(ErrorCode.valueOf(StandardTerms.errorCode(reason.errorKind())))
          .errorMessage(message(reason.errorKind()));
    }
    return b.build();
  }

  /** An error result carrying {@code defaultValue}. */
  public static <T> ProviderEvaluation<T> error(T defaultValue, ErrorCode code, String message) {
    return ProviderEvaluation.<T>builder()
        .value(defaultValue)
        .reason(Reason.ERROR.name())
        .errorCode(code)
        .errorMessage(message)
        .build();
  }

  private static ImmutableMetadata metadata(EvaluationReason reason) {
    ImmutableMetadata.ImmutableMetadataBuilder m = ImmutableMetadata.builder()
        .addString("reasonKind", reason.kind().name());
    if (reason.kind() == EvaluationReason.Kind.RULE_MATCH) {
      m.addInteger("ruleIndex", reason.ruleIndex());
      if (reason.ruleId() != null) {
        m.addString("ruleId", reason.ruleId());
      }
    }
    if (reason.inExperiment()) {
      m.addBoolean("inExperiment", true);
    }
    if (reason.prerequisiteKey() != null) {
      m.addString("prerequisiteKey", reason.prerequisiteKey());
    }
    if (reason.errorKind() != null) {
      m.addString("errorKind", reason.errorKind().name());
    }
    return m.build();
  }

  private static String message(EvaluationReason.ErrorKind kind) {
    switch (kind) {
      case CLIENT_NOT_READY:
        return "A vs B has not received its flags yet";
      case FLAG_NOT_FOUND:
        return "no such flag";
      case MALFORMED_FLAG:
        return "the flag's data is invalid";
      case USER_NOT_SPECIFIED:
        return "the context is invalid";
      case WRONG_TYPE:
        return "the flag's value is of another type";
      default:
        return "the evaluation failed unexpectedly (logged)";
    }
  }
}
