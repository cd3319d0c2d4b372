package io.avsb.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.avsb.AvsbContext;
import io.avsb.AvsbValue;
import io.avsb.internal.web.UntrustedText.Rejection;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeaderContextResolverTest {
  private final RejectionLog log = new RejectionLog();
  private final HeaderContextResolver resolver = new HeaderContextResolver(HeaderMapping.DEFAULT, log);

  private static HeaderSource headers(Map<String, String> values) {
    return values::get;
  }

  @Test
  void idAndPlanGiveAUserWithAPlan() {
    AvsbContext c = resolver.resolve(headers(Map.of("x-user-id", "u2", "x-user-plan", "pro")));
    assertThat(c.kind()).isEqualTo("user");
    assertThat(c.key()).isEqualTo("u2");
    assertThat(c.isAnonymous()).isFalse();
    assertThat(c.getValue("plan")).isEqualTo(AvsbValue.of("pro"));
  }

  @Test
  void idWithoutPlanGivesAUserWithoutPlan() {
    AvsbContext c = resolver.resolve(headers(Map.of("x-user-id", "u_power")));
    assertThat(c.key()).isEqualTo("u_power");
    assertThat(c.getValue("plan")).isNull();
  }

  @Test
  void missingOrBlankIdGivesTheAnonymousContext() {
    assertThat(resolver.resolve(headers(Map.of("x-user-plan", "pro"))))
        .isSameAs(AnonymousContexts.ANONYMOUS);
    assertThat(resolver.resolve(headers(Map.of("x-user-id", "  ")))).isSameAs(AnonymousContexts.ANONYMOUS);
    assertThat(AnonymousContexts.ANONYMOUS.key()).isEqualTo("anon");
    assertThat(AnonymousContexts.ANONYMOUS.isAnonymous()).isTrue();
  }

  @Test
  void hostileIdFallsBackToAnonymousAndIsCounted() {
    assertThat(resolver.resolve(headers(Map.of("x-user-id", "x".repeat(2000)))))
        .isSameAs(AnonymousContexts.ANONYMOUS);
    assertThat(resolver.resolve(headers(Map.of("x-user-id", "u2\r\nX-Admin: 1"))))
        .isSameAs(AnonymousContexts.ANONYMOUS);
    assertThat(log.count(Rejection.TOO_LONG)).isEqualTo(1);
    assertThat(log.count(Rejection.CONTROL_CHARACTER)).isEqualTo(1);
  }

  @Test
  void hostileAttributeMakesTheWholeRequestAnonymous() {
    AvsbContext c = resolver.resolve(headers(Map.of("x-user-id", "u2", "x-user-plan", "pro\u0000")));
    assertThat(c).isSameAs(AnonymousContexts.ANONYMOUS);
    assertThat(log.count(Rejection.CONTROL_CHARACTER)).isEqualTo(1);
  }

  @Test
  void configuredHeaderNamesAreUsed() {
    HeaderContextResolver custom =
        new HeaderContextResolver(HeaderMapping.parse("x-account", "x-tier=tier"), log);
    AvsbContext c = custom.resolve(headers(Map.of("x-account", "acme", "x-tier", "gold", "x-user-id", "u2")));
    assertThat(c.key()).isEqualTo("acme");
    assertThat(c.getValue("tier")).isEqualTo(AvsbValue.of("gold"));
    assertThat(custom.identify(headers(Map.of("x-user-id", "u2")))).isNull();
  }
}
