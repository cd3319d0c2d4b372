package io.avsb.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.avsb.AvsbValue;
import io.avsb.EvaluationDetail;
import io.avsb.EvaluationReason;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UnavailableScopedAvsbTest {
  private final UnavailableScopedAvsb avsb = new UnavailableScopedAvsb(AnonymousContexts.ANONYMOUS);

  @Test
  void everyGetterGivesTheCallersDefaultAsClientNotReady() {
    assertThat(avsb.getBoolFlag("checkout-v2", true)).isTrue();
    assertThat(avsb.getStringFlag("ui-theme", "default")).isEqualTo("default");
    assertThat(avsb.getIntFlag("limit", 7)).isEqualTo(7);
    assertThat(avsb.getDoubleFlag("ratio", 0.5)).isEqualTo(0.5);
    assertThat(avsb.getJsonFlag("cfg", AvsbValue.of("x"))).isEqualTo(AvsbValue.of("x"));
    EvaluationDetail<String> d = avsb.getStringFlagDetail("ui-theme", "default");
    assertThat(d.value()).isEqualTo("default");
    assertThat(d.isDefaultValue()).isTrue();
    assertThat(d.reason().errorKind()).isEqualTo(EvaluationReason.ErrorKind.CLIENT_NOT_READY);
  }

  @Test
  void stateIsInvalidAndEventsAreDroppedQuietly() {
    avsb.track("purchase", 149.99, Map.of("currency", "usd"));
    avsb.identify();
    assertThat(avsb.allFlagsState().isValid()).isFalse();
    assertThat(avsb.context()).isSameAs(AnonymousContexts.ANONYMOUS);
  }
}
