package io.avsb.bench;

import com.launchdarkly.sdk.LDContext;
import com.launchdarkly.sdk.server.LDClient;
import io.avsb.AvsbContext;
import io.avsb.AvsbServer;
import io.avsb.EvaluationReason;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks that both SDKs give the same value for every benchmarked flag and context, so the two
 * benchmarks measure the same work, and counts how often each flag is true.
 */
final class SameResults {
  static final List<String> FLAGS = List.of(BenchFlags.RULE_ONLY, BenchFlags.ROLLOUT,
      BenchFlags.BIG_IN, BenchFlags.PREREQUISITES, BenchFlags.SEGMENT);

  private SameResults() {}

  /**
   * Evaluates every flag for every context in both SDKs; returns the number of true results per
   * flag.
   *
   * @throws IllegalStateException naming the first flag and context where they differ
   */
  static Map<String, Integer> verify(Path flagsFile) {
    AvsbContext[] ours = AvsbSetup.contexts();
    LDContext[] theirs = LaunchDarklySetup.contexts();
    Map<String, Integer> trueCounts = new LinkedHashMap<>();
    try (AvsbServer server = AvsbSetup.withoutEvents(flagsFile)) {
      LDClient client = LaunchDarklySetup.withoutEvents(flagsFile);
      try {
        for (String flag : FLAGS) {
          int trues = 0;
          for (int i = 0; i < ours.length; i++) {
            var a = server.forUser(ours[i]).getBoolFlagDetail(flag, false);
            var b = client.boolVariationDetail(flag, theirs[i], false);
            if (!a.value().equals(b.getValue()) || a.variationIndex() != b.getVariationIndex()) {
              throw new IllegalStateException("flag " + flag + " differs for " + BenchFlags.key(i)
                  + ": ours " + a + ", LaunchDarkly " + b);
            }
            if (a.reason().kind() == EvaluationReason.Kind.ERROR) {
              throw new IllegalStateException("flag " + flag + " gave " + a.reason());
            }
            trues += a.value() ? 1 : 0;
          }
          trueCounts.put(flag, trues);
        }
      } finally {
        LaunchDarklySetup.close(client);
      }
    }
    return trueCounts;
  }
}
