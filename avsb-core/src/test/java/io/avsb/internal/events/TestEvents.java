package io.avsb.internal.events;

import io.avsb.AvsbContext;
import io.avsb.AvsbValue;
import io.avsb.EvaluationReason;

/** Builders for event records in tests. */
final class TestEvents {
  private TestEvents() {}

  static EvaluationEvent eval(
      long date, AvsbContext context, String flag, int version, int variation, AvsbValue value,
      AvsbValue defaultValue) {
    return new EvaluationEvent(date, context, flag, version, variation, value, defaultValue,
        EvaluationReason.fallthrough(), null, false, false);
  }

  static EvaluationEvent eval(AvsbContext context, String flag, int variation) {
    return eval(1_000, context, flag, 3, variation, AvsbValue.of(variation), AvsbValue.of(-1));
  }

  static EvaluationEvent fullEval(AvsbContext context, String flag, int variation) {
    return new EvaluationEvent(1_000, context, flag, 3, variation, AvsbValue.of(variation),
        AvsbValue.of(-1), EvaluationReason.fallthrough(), null, true, false);
  }

  static EvaluationEvent unknownFlag(AvsbContext context, String flag, AvsbValue defaultValue) {
    return new EvaluationEvent(1_000, context, flag, -1, -1, defaultValue, defaultValue,
        EvaluationReason.error(EvaluationReason.ErrorKind.FLAG_NOT_FOUND), null, false, false);
  }

  static CustomEvent custom(AvsbContext context, String key) {
    return new CustomEvent(2_000, context, key, AvsbValue.NULL, null);
  }
}
