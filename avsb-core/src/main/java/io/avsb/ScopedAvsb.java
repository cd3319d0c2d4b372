package io.avsb;

import java.util.Map;

/**
 * The server bound to one context: what a request handler uses to read flags and track events for
 * the current user. Cheap to create, immutable, and safe to hand to another thread. Getters never
 * throw: on any problem they return the caller's default and, in the {@code ...Detail} variants,
 * an {@link EvaluationReason.Kind#ERROR} reason.
 */
public interface ScopedAvsb {
  /** The context this helper evaluates for. */
  AvsbContext context();

  /** The boolean value of flag {@code key}, or {@code defaultValue}. */
  boolean getBoolFlag(String key, boolean defaultValue);

  /** The string value of flag {@code key}, or {@code defaultValue}. */
  String getStringFlag(String key, String defaultValue);

  /**
   * The numeric value of flag {@code key} truncated toward zero, or {@code defaultValue}; a value
   * out of {@code int} range gives the default with {@code WRONG_TYPE}.
   */
  int getIntFlag(String key, int defaultValue);

  /** The numeric value of flag {@code key}, or {@code defaultValue}. */
  double getDoubleFlag(String key, double defaultValue);

  /** The value of flag {@code key}, whatever its JSON type, or {@code defaultValue}. */
  AvsbValue getJsonFlag(String key, AvsbValue defaultValue);

  /** As {@link #getBoolFlag}, with the variation index and reason. */
  EvaluationDetail<Boolean> getBoolFlagDetail(String key, boolean defaultValue);

  /** As {@link #getStringFlag}, with the variation index and reason. */
  EvaluationDetail<String> getStringFlagDetail(String key, String defaultValue);

  /** As {@link #getIntFlag}, with the variation index and reason. */
  EvaluationDetail<Integer> getIntFlagDetail(String key, int defaultValue);

  /** As {@link #getDoubleFlag}, with the variation index and reason. */
  EvaluationDetail<Double> getDoubleFlagDetail(String key, double defaultValue);

  /** As {@link #getJsonFlag}, with the variation index and reason. */
  EvaluationDetail<AvsbValue> getJsonFlagDetail(String key, AvsbValue defaultValue);

  /** The client-visible flags' values for this context, for handing to a front end. */
  FeatureFlagsState allFlagsState();

  /** Records a custom event {@code eventKey}. Never blocks on I/O. */
  void track(String eventKey);

  /** Records a custom event with data (plain Java values or {@link AvsbValue}s). */
  void track(String eventKey, Map<String, ?> data);

  /** Records a custom event with a metric value (such as a purchase amount) and data. */
  void track(String eventKey, double metricValue, Map<String, ?> data);

  /** Records an identify event for this context. */
  void identify();
}
