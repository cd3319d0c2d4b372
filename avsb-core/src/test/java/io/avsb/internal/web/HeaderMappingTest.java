package io.avsb.internal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HeaderMappingTest {
  @Test
  void seedMappingReadsIdAndPlan() {
    assertThat(HeaderMapping.DEFAULT.keyHeader()).isEqualTo("x-user-id");
    assertThat(HeaderMapping.DEFAULT.attributeHeaders()).containsExactly(Map.entry("x-user-plan", "plan"));
  }

  @Test
  void parseKeepsTheSeedForNullAndReadsPairs() {
    assertThat(HeaderMapping.parse(null, null)).isEqualTo(HeaderMapping.DEFAULT);
    HeaderMapping m = HeaderMapping.parse(" x-account ", "x-tier=tier, x-region = region,");
    assertThat(m.keyHeader()).isEqualTo("x-account");
    assertThat(m.attributeHeaders())
        .containsExactly(Map.entry("x-tier", "tier"), Map.entry("x-region", "region"));
    assertThat(HeaderMapping.parse(null, "").attributeHeaders()).isEmpty();
  }

  @Test
  void malformedTextNamesTheArgument() {
    assertThatThrownBy(() -> HeaderMapping.parse(null, "x-tier"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("attributeHeaders");
    assertThatThrownBy(() -> HeaderMapping.parse("x user", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("keyHeader");
    assertThatThrownBy(() -> HeaderMapping.parse(null, "x-anon=anonymous"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reserved");
  }
}
