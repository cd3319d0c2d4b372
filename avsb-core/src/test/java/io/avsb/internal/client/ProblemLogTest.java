package io.avsb.internal.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.avsb.EvaluationReason.ErrorKind;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ProblemLogTest {
  private final ProblemLog problems = new ProblemLog(LoggerFactory.getLogger("test"), 3);

  @Test
  void eachProblemIsReportedOnce() {
    assertThat(problems.firstTime(ErrorKind.FLAG_NOT_FOUND, "a")).isTrue();
    assertThat(problems.firstTime(ErrorKind.FLAG_NOT_FOUND, "a")).isFalse();
    assertThat(problems.firstTime(ErrorKind.WRONG_TYPE, "a")).isTrue();
    assertThat(problems.firstTime(ErrorKind.FLAG_NOT_FOUND, "b")).isTrue();
  }

  @Test
  void nullKeyIsAProblemKeyLikeAnyOther() {
    assertThat(problems.firstTime(ErrorKind.FLAG_NOT_FOUND, null)).isTrue();
    assertThat(problems.firstTime(ErrorKind.FLAG_NOT_FOUND, null)).isFalse();
  }

  @Test
  void longKeysAreToldApartWithoutKeepingThemWhole() {
    String a = "k".repeat(1 << 20);
    assertThat(problems.firstTime(ErrorKind.FLAG_NOT_FOUND, a)).isTrue();
    assertThat(problems.firstTime(ErrorKind.FLAG_NOT_FOUND, "k".repeat(1 << 20))).isFalse();
    assertThat(problems.firstTime(ErrorKind.FLAG_NOT_FOUND, a + "x")).isTrue();
  }

  @Test
  void setIsBounded() {
    assertThat(problems.firstTime(ErrorKind.FLAG_NOT_FOUND, "a")).isTrue();
    assertThat(problems.firstTime(ErrorKind.FLAG_NOT_FOUND, "b")).isTrue();
    assertThat(problems.firstTime(ErrorKind.FLAG_NOT_FOUND, "c")).isTrue();
    assertThat(problems.firstTime(ErrorKind.FLAG_NOT_FOUND, "d")).isFalse();
    assertThat(problems.firstTime(ErrorKind.EXCEPTION, "e")).isFalse();
  }
}
