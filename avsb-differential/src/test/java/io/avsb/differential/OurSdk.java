package io.avsb.differential;

import io.avsb.AvsbConfig;
import io.avsb.AvsbContext;
import io.avsb.AvsbServer;
import io.avsb.AvsbValue;
import io.avsb.EvaluationDetail;
import io.avsb.EvaluationReason;
import java.nio.file.Path;
import java.time.Duration;

/**
 * This kit reading the same data file through its public API: flags file, events off. Not
 * thread-safe (one test thread uses it).
 */
final class OurSdk implements AutoCloseable {
  private final AvsbServer server;

  OurSdk(Path dataFile) {
    this.server = AvsbConfig.builder("sdk-differential-test")
        .flagsFile(dataFile)
        .eventsEnabled(false)
        .startWait(Duration.ofSeconds(10))
        .buildServer();
  }

  /** Whether the file was read. */
  boolean ready() {
    return server.isReady();
  }

  static AvsbContext context(String json) {
    return AvsbContext.fromValue(AvsbValue.parse(json));
  }

  Outcome evaluate(String flagKey, AvsbContext context) {
    EvaluationDetail<AvsbValue> d = server.forUser(context).getJsonFlagDetail(flagKey, AvsbValue.NULL);
    EvaluationReason r = d.reason();
    return new Outcome(
        d.value() == null || d.value().isNull() ? null : d.value(),
        d.variationIndex(),
        r.kind().name(),
        r.ruleIndex(),
        r.ruleId(),
        r.inExperiment(),
        r.prerequisiteKey(),
        r.errorKind() == null ? null : r.errorKind().name(),
        null);
  }

  @Override
  public void close() {
    server.close();
  }
}
