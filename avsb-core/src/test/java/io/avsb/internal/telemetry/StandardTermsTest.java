package io.avsb.internal.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.avsb.EvaluationReason;
import io.avsb.EvaluationReason.ErrorKind;
import org.junit.jupiter.api.Test;

class StandardTermsTest {
  @Test
  void matchesAreTargetingMatchesAndExperimentsAreSplits() {
    assertThat(StandardTerms.reason(EvaluationReason.targetMatch())).isEqualTo("TARGETING_MATCH");
    assertThat(StandardTerms.reason(EvaluationReason.ruleMatch(2, "r", false)))
        .isEqualTo("TARGETING_MATCH");
    assertThat(StandardTerms.reason(EvaluationReason.ruleMatch(0, null, true))).isEqualTo("SPLIT");
    assertThat(StandardTerms.reason(EvaluationReason.fallthrough(true))).isEqualTo("SPLIT");
    assertThat(StandardTerms.reason(EvaluationReason.fallthrough())).isEqualTo("DEFAULT");
  }

  @Test
  void offAndFailedPrerequisitesAreDisabled() {
    assertThat(StandardTerms.reason(EvaluationReason.off())).isEqualTo("DISABLED");
    assertThat(StandardTerms.reason(EvaluationReason.prerequisiteFailed("p"))).isEqualTo("DISABLED");
    assertThat(StandardTerms.reason(EvaluationReason.error(ErrorKind.WRONG_TYPE))).isEqualTo("ERROR");
  }

  @Test
  void everyErrorKindHasAStandardCode() {
    assertThat(StandardTerms.errorCode(ErrorKind.CLIENT_NOT_READY)).isEqualTo("PROVIDER_NOT_READY");
    assertThat(StandardTerms.errorCode(ErrorKind.FLAG_NOT_FOUND)).isEqualTo("FLAG_NOT_FOUND");
    assertThat(StandardTerms.errorCode(ErrorKind.MALFORMED_FLAG)).isEqualTo("PARSE_ERROR");
    assertThat(StandardTerms.errorCode(ErrorKind.USER_NOT_SPECIFIED)).isEqualTo("INVALID_CONTEXT");
    assertThat(StandardTerms.errorCode(ErrorKind.WRONG_TYPE)).isEqualTo("TYPE_MISMATCH");
    assertThat(StandardTerms.errorCode(ErrorKind.EXCEPTION)).isEqualTo("GENERAL");
  }
}
