package io.avsb.differential;

import com.launchdarkly.logging.Logs;
import com.launchdarkly.sdk.EvaluationDetail;
import com.launchdarkly.sdk.EvaluationReason;
import com.launchdarkly.sdk.LDContext;
import com.launchdarkly.sdk.LDValue;
import com.launchdarkly.sdk.json.JsonSerialization;
import com.launchdarkly.sdk.json.SerializationException;
import com.launchdarkly.sdk.server.Components;
import com.launchdarkly.sdk.server.LDClient;
import com.launchdarkly.sdk.server.LDConfig;
import com.launchdarkly.sdk.server.integrations.FileData;
import io.avsb.AvsbValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * LaunchDarkly's Java server SDK reading one data file: file data source, no events, no
 * diagnostics, no logging. Evaluates with the any-type detail getter and a null default. Not
 * thread-safe (one test thread uses it).
 */
final class ReferenceSdk implements AutoCloseable {
  private final LDClient client;

  ReferenceSdk(Path dataFile) {
    LDConfig config = new LDConfig.Builder()
        .dataSource(FileData.dataSource().filePaths(dataFile))
        .events(Components.noEvents())
        .diagnosticOptOut(true)
        .logging(Components.logging(Logs.none()))
        .startWait(Duration.ofSeconds(10))
        .build();
    this.client = new LDClient("sdk-differential-test", config);
  }

  /**
   * Whether the file was read and stored: false when the reference rejected it as a whole. Its
   * store can fail on data its loader accepted while the client still says it is initialized;
   * then it gives no flag state.
   */
  boolean ready() {
    return client.isInitialized() && client.allFlagsState(LDContext.create("probe")).isValid();
  }

  /**
   * The reference's context from JSON; a context it rejects is replaced by an invalid one, so
   * that evaluation reports what the reference reports for a bad context.
   */
  static LDContext context(String json) {
    try {
      return JsonSerialization.deserialize(json, LDContext.class);
    } catch (SerializationException | RuntimeException e) {
      return LDContext.create("");
    }
  }

  Outcome evaluate(String flagKey, LDContext context) {
    EvaluationDetail<LDValue> d = client.jsonValueVariationDetail(flagKey, context, LDValue.ofNull());
    EvaluationReason r = d.getReason();
    boolean rule = r.getKind() == EvaluationReason.Kind.RULE_MATCH;
    return new Outcome(
        d.getValue() == null || d.getValue().isNull() ? null : AvsbValue.parse(d.getValue().toJsonString()),
        d.getVariationIndex(),
        r.getKind().name(),
        rule ? r.getRuleIndex() : -1,
        rule ? r.getRuleId() : null,
        r.isInExperiment(),
        r.getKind() == EvaluationReason.Kind.PREREQUISITE_FAILED ? r.getPrerequisiteKey() : null,
        r.getErrorKind() == null ? null : r.getErrorKind().name(),
        r.getBigSegmentsStatus() == null ? null : r.getBigSegmentsStatus().name());
  }

  @Override
  public void close() {
    try {
      client.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
