package io.avsb.internal.eval;

import io.avsb.AvsbValue;
import io.avsb.EvaluationDetail;
import io.avsb.EvaluationReason;
import io.avsb.internal.store.Flag;

/**
 * The typed-getter conversion the server applies to an evaluator result, emulated for the
 * conformance runner: the caller's default when the evaluator gives no value; the default with
 * {@code WRONG_TYPE} for a value of the wrong JSON type; ints truncated.
 */
final class TypedGetters {
  private TypedGetters() {}

  /**
   * The default a case without one gets: {@code false}, {@code 0} or {@code ""} after the type of
   * the flag's first variation, else null.
   */
  static AvsbValue zeroOfFirstVariation(Flag flag) {
    if (flag == null || flag.variations().isEmpty()) {
      return AvsbValue.NULL;
    }
    AvsbValue first = flag.variations().get(0);
    if (first instanceof AvsbValue.Bool) {
      return AvsbValue.FALSE;
    }
    if (first.isNumber()) {
      return AvsbValue.of(0);
    }
    return first.isString() ? AvsbValue.of("") : AvsbValue.NULL;
  }

  static EvaluationDetail<AvsbValue> convert(
      String valueType, EvaluationDetail<AvsbValue> result, AvsbValue defaultValue) {
    if (result.value() == null) {
      return new EvaluationDetail<>(defaultValue, result.variationIndex(), result.reason());
    }
    AvsbValue v = result.value();
    boolean ok;
    switch (valueType) {
      case "bool":
        ok = v instanceof AvsbValue.Bool;
        break;
      case "int":
        ok = v.isNumber();
        v = AvsbValue.of(v.intValue());
        break;
      case "double":
        ok = v.isNumber();
        break;
      case "string":
        ok = v.isString();
        break;
      default:
        ok = true;
    }
    if (!ok) {
      return new EvaluationDetail<>(defaultValue, EvaluationDetail.NO_VARIATION,
          EvaluationReason.error(EvaluationReason.ErrorKind.WRONG_TYPE));
    }
    return new EvaluationDetail<>(v, result.variationIndex(), result.reason());
  }
}
