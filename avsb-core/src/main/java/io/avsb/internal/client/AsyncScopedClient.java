package io.avsb.internal.client;

import io.avsb.AsyncScopedAvsb;
import io.avsb.AvsbContext;
import io.avsb.AvsbValue;
import io.avsb.EvaluationDetail;
import io.avsb.FeatureFlagsState;
import io.avsb.ScopedAvsb;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The {@link AsyncScopedAvsb} of an async server: the synchronous helper's reads, run at once when
 * the start gate is open and otherwise as a dependent of the gate (which opens on the notifier
 * thread), so no thread waits and no timer is set per call. Immutable and thread-safe.
 */
final class AsyncScopedClient implements AsyncScopedAvsb {
  private final ScopedAvsb sync;
  private final CompletableFuture<Void> gate;

  AsyncScopedClient(ScopedAvsb sync, CompletableFuture<Void> gate) {
    this.sync = Objects.requireNonNull(sync, "sync");
    this.gate = Objects.requireNonNull(gate, "gate");
  }

  private <T> CompletionStage<T> whenOpen(Supplier<T> read) {
    return gate.isDone()
        ? CompletableFuture.completedFuture(read.get())
        : gate.thenApply(v -> read.get());
  }

  @Override
  public AvsbContext context() {
    return sync.context();
  }

  @Override
  public CompletionStage<Boolean> getBoolFlag(String key, boolean defaultValue) {
    return whenOpen(() -> sync.getBoolFlag(key, defaultValue));
  }

  @Override
  public CompletionStage<String> getStringFlag(String key, String defaultValue) {
    return whenOpen(() -> sync.getStringFlag(key, defaultValue));
  }

  @Override
  public CompletionStage<Integer> getIntFlag(String key, int defaultValue) {
    return whenOpen(() -> sync.getIntFlag(key, defaultValue));
  }

  @Override
  public CompletionStage<Double> getDoubleFlag(String key, double defaultValue) {
    return whenOpen(() -> sync.getDoubleFlag(key, defaultValue));
  }

  @Override
  public CompletionStage<AvsbValue> getJsonFlag(String key, AvsbValue defaultValue) {
    return whenOpen(() -> sync.getJsonFlag(key, defaultValue));
  }

  @Override
  public CompletionStage<EvaluationDetail<Boolean>> getBoolFlagDetail(
      String key, boolean defaultValue) {
    return whenOpen(() -> sync.getBoolFlagDetail(key, defaultValue));
  }

  @Override
  public CompletionStage<EvaluationDetail<String>> getStringFlagDetail(
      String key, String defaultValue) {
    return whenOpen(() -> sync.getStringFlagDetail(key, defaultValue));
  }

  @Override
  public CompletionStage<EvaluationDetail<Integer>> getIntFlagDetail(String key, int defaultValue) {
    return whenOpen(() -> sync.getIntFlagDetail(key, defaultValue));
  }

  @Override
  public CompletionStage<EvaluationDetail<Double>> getDoubleFlagDetail(
      String key, double defaultValue) {
    return whenOpen(() -> sync.getDoubleFlagDetail(key, defaultValue));
  }

  @Override
  public CompletionStage<EvaluationDetail<AvsbValue>> getJsonFlagDetail(
      String key, AvsbValue defaultValue) {
    return whenOpen(() -> sync.getJsonFlagDetail(key, defaultValue));
  }

  @Override
  public CompletionStage<FeatureFlagsState> allFlagsState() {
    return whenOpen(sync::allFlagsState);
  }

  @Override
  public void track(String eventKey) {
    sync.track(eventKey);
  }

  @Override
  public void track(String eventKey, Map<String, ?> data) {
    sync.track(eventKey, data);
  }

  @Override
  public void track(String eventKey, double metricValue, Map<String, ?> data) {
    sync.track(eventKey, metricValue, data);
  }

  @Override
  public void identify() {
    sync.identify();
  }

  @Override
  public String toString() {
    return "AsyncScopedAvsb(" + sync.context() + ")";
  }
}
