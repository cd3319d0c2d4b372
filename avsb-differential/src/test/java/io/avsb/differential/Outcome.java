package io.avsb.differential;

import io.avsb.AvsbValue;
import java.util.Objects;

/**
 * One evaluation's result in a form both SDKs map to: the value as canonical JSON (numbers
 * compared by value), the variation index and every reason field. {@code bigSegmentsStatus} is
 * the reference's only (this kit has no big segments); it is kept to check it stays absent.
 * Immutable and thread-safe.
 *
 * @param value the value, null for the JSON null or no value
 * @param variation the variation index, -1 for none
 * @param kind the reason kind, by name
 * @param ruleIndex the matched rule's index, -1 unless RULE_MATCH
 * @param ruleId the matched rule's id, or null
 * @param inExperiment whether the result is tracked as an experiment
 * @param prerequisiteKey the failed prerequisite's key, or null
 * @param errorKind the error kind, by name, or null
 * @param bigSegmentsStatus the reference's big-segments status, or null
 */
record Outcome(AvsbValue value, int variation, String kind, int ruleIndex, String ruleId,
    boolean inExperiment, String prerequisiteKey, String errorKind, String bigSegmentsStatus) {

  /** Whether the two agree on value, variation and every reason field. */
  boolean sameAs(Outcome o) {
    return Objects.equals(value, o.value) && variation == o.variation && kind.equals(o.kind)
        && ruleIndex == o.ruleIndex && Objects.equals(ruleId, o.ruleId)
        && inExperiment == o.inExperiment && Objects.equals(prerequisiteKey, o.prerequisiteKey)
        && Objects.equals(errorKind, o.errorKind)
        && Objects.equals(bigSegmentsStatus, o.bigSegmentsStatus);
  }

  /** A short label of where the two differ, to group mismatches by class. */
  String differenceFrom(Outcome o) {
    StringBuilder sb = new StringBuilder();
    if (!Objects.equals(value, o.value) || variation != o.variation) {
      sb.append("variation ");
    }
    if (!kind.equals(o.kind) || !Objects.equals(errorKind, o.errorKind)) {
      sb.append(kind).append(errorKind == null ? "" : "(" + errorKind + ")").append("/")
          .append(o.kind).append(o.errorKind == null ? "" : "(" + o.errorKind + ")").append(' ');
    } else {
      sb.append(kind).append(' ');
    }
    if (ruleIndex != o.ruleIndex || !Objects.equals(ruleId, o.ruleId)) {
      sb.append("rule ");
    }
    if (inExperiment != o.inExperiment) {
      sb.append("inExperiment ");
    }
    if (!Objects.equals(prerequisiteKey, o.prerequisiteKey)) {
      sb.append("prerequisite ");
    }
    if (!Objects.equals(bigSegmentsStatus, o.bigSegmentsStatus)) {
      sb.append("bigSegments ");
    }
    return sb.toString().trim();
  }

  @Override
  public String toString() {
    return "{value: " + (value == null ? "null" : value.toJson()) + ", variation: " + variation
        + ", reason: " + kind + (ruleIndex >= 0 ? " ruleIndex=" + ruleIndex : "")
        + (ruleId != null ? " ruleId=" + ruleId : "") + (inExperiment ? " inExperiment" : "")
        + (prerequisiteKey != null ? " prerequisiteKey=" + prerequisiteKey : "")
        + (errorKind != null ? " errorKind=" + errorKind : "")
        + (bigSegmentsStatus != null ? " bigSegmentsStatus=" + bigSegmentsStatus : "") + "}";
  }
}
