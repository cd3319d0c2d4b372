package io.avsb.internal.json;

import com.fasterxml.jackson.core.JsonGenerator;
import io.avsb.AvsbValue;
import io.avsb.EvaluationReason;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON form of an {@link EvaluationReason}: {@code {"kind": "RULE_MATCH", "ruleIndex": 0,
 * "ruleId": "r", "inExperiment": true}}, with only the properties the kind has ({@code
 * prerequisiteKey}, {@code errorKind}); {@code inExperiment} only when true. The one serializer of
 * reasons: analytics events ({@link #write}) and {@link io.avsb.FeatureFlagsState} ({@link #of})
 * both use it, with the same properties in the same order. Thread-safe.
 */
public final class ReasonJson {
  private ReasonJson() {}

  /** The JSON form of {@code reason}. */
  public static AvsbValue of(EvaluationReason reason) {
    Map<String, AvsbValue> m = new LinkedHashMap<>();
    m.put("kind", AvsbValue.of(reason.kind().name()));
    switch (reason.kind()) {
      case RULE_MATCH:
        m.put("ruleIndex", AvsbValue.of(reason.ruleIndex()));
        if (reason.ruleId() != null) {
          m.put("ruleId", AvsbValue.of(reason.ruleId()));
        }
        break;
      case PREREQUISITE_FAILED:
        m.put("prerequisiteKey", AvsbValue.of(reason.prerequisiteKey()));
        break;
      case ERROR:
        m.put("errorKind", AvsbValue.of(reason.errorKind().name()));
        break;
      default:
        break;
    }
    if (reason.inExperiment()) {
      m.put("inExperiment", AvsbValue.TRUE);
    }
    return new AvsbValue.Obj(m);
  }

  /** Writes the JSON form of {@code reason} to an open generator, as {@link #of} builds it. */
  public static void write(EvaluationReason reason, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("kind", reason.kind().name());
    switch (reason.kind()) {
      case RULE_MATCH:
        g.writeFieldName("ruleIndex");
        JsonCodec.writeNumber(reason.ruleIndex(), g);
        if (reason.ruleId() != null) {
          g.writeStringField("ruleId", reason.ruleId());
        }
        break;
      case PREREQUISITE_FAILED:
        g.writeStringField("prerequisiteKey", reason.prerequisiteKey());
        break;
      case ERROR:
        g.writeStringField("errorKind", reason.errorKind().name());
        break;
      default:
        break;
    }
    if (reason.inExperiment()) {
      g.writeBooleanField("inExperiment", true);
    }
    g.writeEndObject();
  }
}
