package io.avsb.internal.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.avsb.AvsbValue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValueTypeTest {
  @ParameterizedTest
  @CsvSource({
    "7, true", "2.9, true", "-2.9, true", "2147483647, true", "2147483647.9, true",
    "-2147483648, true", "-2147483648.9, true", "2147483648, false", "-2147483649, false",
    "1.2e29, false", "-1e300, false",
  })
  void intAcceptsNumbersWhoseTruncationFitsAnInt(double value, boolean accepted) {
    assertThat(ValueType.INT.accepts(AvsbValue.of(value))).isEqualTo(accepted);
    assertThat(ValueType.DOUBLE.accepts(AvsbValue.of(value))).isTrue();
  }
}
