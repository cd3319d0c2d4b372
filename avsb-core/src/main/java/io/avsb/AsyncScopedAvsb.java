package io.avsb;

import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * The async server bound to one context: {@link ScopedAvsb} with getters returning stages. Before
 * the server is ready a getter's stage waits, without blocking a thread, until the first data
 * arrives or the configured start wait (measured from the server's construction) has passed, and
 * then evaluates; a stage that had to wait completes on the server's notifier thread, so chain slow
 * work with the {@code ...Async} methods. After that, stages are complete when returned. Stages
 * never complete exceptionally: on any problem they hold the caller's default and, in the {@code
 * ...Detail} variants, an {@link EvaluationReason.Kind#ERROR} reason ({@code CLIENT_NOT_READY} when
 * the data did not come in time). Cheap to create, immutable, and safe to hand to another thread.
 */
public interface AsyncScopedAvsb {
  /** The context this helper evaluates for. */
  AvsbContext context();

  /** The boolean value of flag {@code key}, or {@code defaultValue}. */
  CompletionStage<Boolean> getBoolFlag(String key, boolean defaultValue);

  /** The string value of flag {@code key}, or {@code defaultValue}. */
  CompletionStage<String> getStringFlag(String key, String defaultValue);

  /** The numeric value of flag {@code key} truncated to an int, or {@code defaultValue}. */
  CompletionStage<Integer> getIntFlag(String key, int defaultValue);

  /** The numeric value of flag {@code key}, or {@code defaultValue}. */
  CompletionStage<Double> getDoubleFlag(String key, double defaultValue);

  /** The value of flag {@code key}, whatever its JSON type, or {@code defaultValue}. */
  CompletionStage<AvsbValue> getJsonFlag(String key, AvsbValue defaultValue);

  /** As {@link #getBoolFlag}, with the variation index and reason. */
  CompletionStage<EvaluationDetail<Boolean>> getBoolFlagDetail(String key, boolean defaultValue);

  /** As {@link #getStringFlag}, with the variation index and reason. */
  CompletionStage<EvaluationDetail<String>> getStringFlagDetail(String key, String defaultValue);

  /** As {@link #getIntFlag}, with the variation index and reason. */
  CompletionStage<EvaluationDetail<Integer>> getIntFlagDetail(String key, int defaultValue);

  /** As {@link #getDoubleFlag}, with the variation index and reason. */
  CompletionStage<EvaluationDetail<Double>> getDoubleFlagDetail(String key, double defaultValue);

  /** As {@link #getJsonFlag}, with the variation index and reason. */
  CompletionStage<EvaluationDetail<AvsbValue>> getJsonFlagDetail(String key, AvsbValue defaultValue);

  /** The client-visible flags' values for this context, once the wait described above is over. */
  CompletionStage<FeatureFlagsState> allFlagsState();

  /** Records a custom event {@code eventKey} at once; never blocks on I/O. */
  void track(String eventKey);

  /** Records a custom event with data (plain Java values or {@link AvsbValue}s). */
  void track(String eventKey, Map<String, ?> data);

  /** Records a custom event with a metric value (such as a purchase amount) and data. */
  void track(String eventKey, double metricValue, Map<String, ?> data);

  /** Records an identify event for this context. */
  void identify();
}
