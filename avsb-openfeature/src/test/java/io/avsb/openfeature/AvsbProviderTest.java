package io.avsb.openfeature;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.ImmutableStructure;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.ProviderState;
import dev.openfeature.sdk.Reason;
import dev.openfeature.sdk.Value;
import io.avsb.AvsbServer;
import io.avsb.AvsbValue;
import io.avsb.testkit.Rollout;
import io.avsb.testkit.TestData;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Evaluation through the real OpenFeature SDK: a client of the API singleton, the provider set
 * with {@code setProviderAndWait}, every value type, the context mapping, reasons and errors.
 */
class AvsbProviderTest {
  private static final String DOMAIN = "avsb-provider-test";
  private final TestData data = TestData.create();
  private AvsbServer server;
  private Client client;

  @BeforeEach
  void start() {
    data.update(data.flag("checkout-v2").booleanFlag().variationForUser("u_power", true)
        .ifMatch("plan", "pro").id("pro-rule").thenReturn(true).fallthroughVariation(false));
    data.update(data.flag("ui-theme").variations("default", "dark").offVariation(1).on(false));
    data.update(data.flag("limit").variations(10, 25.9).variationForAll(1));
    data.update(data.flag("ratio").valueForAll(0.25));
    data.update(data.flag("banner").valueForAll(
        AvsbValue.parse("{\"text\":\"hi\",\"sizes\":[1,2],\"ok\":true,\"none\":null}")));
    data.update(data.flag("org-only").booleanFlag()
        .ifMatchContext("org", "tier", "gold").thenReturn(true).fallthroughVariation(false));
    data.update(data.flag("split").booleanFlag()
        .rolloutForAll(Rollout.percentages(50_000, 50_000).asExperiment()));
    data.update(data.flag("gated").booleanFlag().prerequisite("ui-theme", 0)
        .fallthroughVariation(true).offVariation(false));
    server = AvsbServer.builder(null).dataSource(data).eventsEnabled(false)
        .startWait(Duration.ofSeconds(5)).buildServer();
    OpenFeatureAPI.getInstance().setProviderAndWait(DOMAIN, new AvsbProvider(server));
    client = OpenFeatureAPI.getInstance().getClient(DOMAIN);
  }

  @AfterEach
  void stop() {
    OpenFeatureAPI.getInstance().shutdown();
    server.close();
  }

  @Test
  void theProviderIsReadyAndNamed() {
    assertThat(client.getProviderState()).isEqualTo(ProviderState.READY);
    assertThat(OpenFeatureAPI.getInstance().getProviderMetadata(DOMAIN).getName())
        .isEqualTo("A vs B");
  }

  @Test
  void allFiveValueTypesEvaluate() {
    EvaluationContext u1 = new ImmutableContext("u1");
    assertThat(client.getBooleanValue("checkout-v2", true, u1)).isFalse();
    assertThat(client.getStringValue("ui-theme", "x", u1)).isEqualTo("dark");
    assertThat(client.getIntegerValue("limit", 0, u1)).isEqualTo(25);
    assertThat(client.getDoubleValue("ratio", 0.0, u1)).isEqualTo(0.25);
    Value banner = client.getObjectValue("banner", new Value("default"), u1);
    assertThat(banner.asStructure().getValue("text").asString()).isEqualTo("hi");
    assertThat(banner.asStructure().getValue("sizes").asList())
        .extracting(Value::asInteger).containsExactly(1, 2);
    assertThat(banner.asStructure().getValue("ok").asBoolean()).isTrue();
    assertThat(banner.asStructure().getValue("none").isNull()).isTrue();
  }

  @Test
  void variantReasonAndMetadataComeFromOurResult() {
    FlagEvaluationDetails<Boolean> target =
        client.getBooleanDetails("checkout-v2", false, new ImmutableContext("u_power"));
    assertThat(target.getVariant()).isEqualTo("0");
    assertThat(target.getReason()).isEqualTo(Reason.TARGETING_MATCH.name());
    assertThat(target.getFlagMetadata().getString("reasonKind")).isEqualTo("TARGET_MATCH");
    FlagEvaluationDetails<Boolean> rule = client.getBooleanDetails("checkout-v2", false,
        new ImmutableContext("u2", Map.of("plan", new Value("pro"))));
    assertThat(rule.getValue()).isTrue();
    assertThat(rule.getReason()).isEqualTo(Reason.TARGETING_MATCH.name());
    assertThat(rule.getFlagMetadata().getInteger("ruleIndex")).isZero();
    assertThat(rule.getFlagMetadata().getString("ruleId")).isEqualTo("pro-rule");
    FlagEvaluationDetails<Boolean> fallthrough =
        client.getBooleanDetails("checkout-v2", true, new ImmutableContext("u3"));
    assertThat(fallthrough.getReason()).isEqualTo(Reason.DEFAULT.name());
    assertThat(fallthrough.getVariant()).isEqualTo("1");
    FlagEvaluationDetails<String> off =
        client.getStringDetails("ui-theme", "x", new ImmutableContext("u3"));
    assertThat(off.getReason()).isEqualTo(Reason.DISABLED.name());
    FlagEvaluationDetails<Boolean> split =
        client.getBooleanDetails("split", false, new ImmutableContext("u3"));
    assertThat(split.getReason()).isEqualTo(Reason.SPLIT.name());
    assertThat(split.getFlagMetadata().getBoolean("inExperiment")).isTrue();
    FlagEvaluationDetails<Boolean> gated =
        client.getBooleanDetails("gated", true, new ImmutableContext("u3"));
    assertThat(gated.getValue()).isFalse();
    assertThat(gated.getReason()).isEqualTo(Reason.DISABLED.name());
    assertThat(gated.getFlagMetadata().getString("prerequisiteKey")).isEqualTo("ui-theme");
  }

  @Test
  void errorsMapToOpenFeatureCodesAndGiveTheDefault() {
    EvaluationContext u1 = new ImmutableContext("u1");
    FlagEvaluationDetails<Boolean> missing = client.getBooleanDetails("nope", true, u1);
    assertThat(missing.getErrorCode()).isEqualTo(ErrorCode.FLAG_NOT_FOUND);
    assertThat(missing.getValue()).isTrue();
    assertThat(missing.getReason()).isEqualTo(Reason.ERROR.name());
    FlagEvaluationDetails<Integer> wrongType = client.getIntegerDetails("ui-theme", 7, u1);
    assertThat(wrongType.getErrorCode()).isEqualTo(ErrorCode.TYPE_MISMATCH);
    assertThat(wrongType.getValue()).isEqualTo(7);
    FlagEvaluationDetails<Boolean> noKey =
        client.getBooleanDetails("checkout-v2", true, new ImmutableContext());
    assertThat(noKey.getErrorCode()).isEqualTo(ErrorCode.TARGETING_KEY_MISSING);
    assertThat(noKey.getValue()).isTrue();
    FlagEvaluationDetails<Boolean> badKind = client.getBooleanDetails("checkout-v2", true,
        new ImmutableContext("u1", Map.of("kind", new Value("not a kind!"))));
    assertThat(badKind.getErrorCode()).isEqualTo(ErrorCode.INVALID_CONTEXT);
    assertThat(badKind.getErrorMessage()).contains("kind");
    FlagEvaluationDetails<Boolean> emptyMulti = client.getBooleanDetails("checkout-v2", true,
        new ImmutableContext(Map.of("kind", new Value("multi"))));
    assertThat(emptyMulti.getErrorCode()).isEqualTo(ErrorCode.INVALID_CONTEXT);
  }

  @Test
  void kindAndNestedStructuresMakeSingleAndMultiContexts() {
    EvaluationContext org = new ImmutableContext("acme",
        Map.of("kind", new Value("org"), "tier", new Value("gold")));
    assertThat(client.getBooleanValue("org-only", false, org)).isTrue();
    EvaluationContext multi = new ImmutableContext(Map.of(
        "kind", new Value("multi"),
        "user", new Value(new ImmutableStructure(Map.of("targetingKey", new Value("u_power")))),
        "org", new Value(new ImmutableStructure(
            Map.of("key", new Value("acme"), "tier", new Value("gold"))))));
    assertThat(client.getBooleanValue("org-only", false, multi)).isTrue();
    assertThat(client.getBooleanDetails("checkout-v2", false, multi).getReason())
        .isEqualTo(Reason.TARGETING_MATCH.name());
    EvaluationContext keyless = new ImmutableContext(Map.of(
        "kind", new Value("multi"),
        "org", new Value(new ImmutableStructure(Map.of("tier", new Value("gold"))))));
    assertThat(client.getBooleanDetails("org-only", false, keyless).getErrorCode())
        .isEqualTo(ErrorCode.TARGETING_KEY_MISSING);
  }

  @Test
  void clientAndApiContextsMergeBeforeTheProviderSeesThem() {
    client.setEvaluationContext(new ImmutableContext(Map.of("plan", new Value("pro"))));
    assertThat(client.getBooleanValue("checkout-v2", false, new ImmutableContext("u9"))).isTrue();
    assertThat(client.getBooleanValue("checkout-v2", true,
        new ImmutableContext("u9", Map.of("plan", new Value("free"))))).isFalse();
  }
}
