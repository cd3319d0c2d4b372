package io.avsb.openfeature.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.Value;
import io.avsb.AvsbContext;
import io.avsb.AvsbValue;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContextsTest {
  @Test
  void aSingleContextSurvivesTheRoundTrip() {
    AvsbContext user = AvsbContext.builder("u1").name("Ann").anonymous(true)
        .set("plan", "pro").set("age", 42).set("tags", AvsbValue.parse("[\"a\",{\"b\":1.5}]"))
        .privateAttributes("plan").build();
    EvaluationContext of = Contexts.toOpenFeature(user);
    assertThat(of.getTargetingKey()).isEqualTo("u1");
    assertThat(of.getValue("kind").asString()).isEqualTo("user");
    assertThat(Contexts.toAvsb(of).context()).isEqualTo(user);
  }

  @Test
  void aMultiContextSurvivesTheRoundTrip() {
    AvsbContext multi = AvsbContext.multi(
        AvsbContext.builder("u1").set("plan", "pro").build(),
        AvsbContext.builder("org", "acme").name("Acme").set("tier", "gold").build());
    EvaluationContext of = Contexts.toOpenFeature(multi);
    assertThat(of.getValue("kind").asString()).isEqualTo("multi");
    assertThat(of.getValue("org").asStructure().getValue("targetingKey").asString())
        .isEqualTo("acme");
    assertThat(Contexts.toAvsb(of).context()).isEqualTo(multi);
  }

  @Test
  void keyAttributeStandsInForAMissingTargetingKeyAndInstantsBecomeStrings() {
    Instant when = Instant.parse("2026-01-02T03:04:05Z");
    AvsbContext c = Contexts.toAvsb(new ImmutableContext(Map.of(
        "key", new Value("k1"), "signedUp", new Value(when)))).context();
    assertThat(c.key()).isEqualTo("k1");
    assertThat(c.getValue("signedUp")).isEqualTo(AvsbValue.of("2026-01-02T03:04:05Z"));
  }

  @Test
  void missingKeysAndBadKindsAreReportedNotThrown() {
    assertThat(Contexts.toAvsb(null).errorCode()).isEqualTo(ErrorCode.TARGETING_KEY_MISSING);
    assertThat(Contexts.toAvsb(new ImmutableContext(Map.of("plan", new Value("pro"))))
        .errorCode()).isEqualTo(ErrorCode.TARGETING_KEY_MISSING);
    Contexts.Conversion badKind = Contexts.toAvsb(
        new ImmutableContext("u1", Map.of("kind", new Value("kind"))));
    assertThat(badKind.errorCode()).isEqualTo(ErrorCode.INVALID_CONTEXT);
    assertThat(badKind.message()).contains("kind");
    Contexts.Conversion badPrivate = Contexts.toAvsb(new ImmutableContext("u1",
        Map.of("privateAttributes", new Value(List.of(new Value("plan"))),
            "plan", new Value("pro"))));
    assertThat(badPrivate.context().privateAttributes()).hasSize(1);
  }
}
