package io.avsb.testkit;

import io.avsb.AvsbConfig;
import io.avsb.AvsbContext;
import java.io.Closeable;
import java.util.List;
import java.util.Objects;

/**
 * What the sync and async mock servers share: their {@link TestData}, the configuration of a real
 * server over it with events off and a recording hook, and the recorded calls. Thread-safe.
 */
abstract class RecordingMock implements Closeable {
  private final TestData testData;
  private final Recorder recorder = new Recorder();

  RecordingMock(TestData testData) {
    this.testData = Objects.requireNonNull(testData, "testData");
  }

  /** A configuration reading {@link #testData()}, events off, every call recorded. */
  final AvsbConfig config() {
    return AvsbConfig.builder(null).dataSource(testData).eventsEnabled(false).hooks(recorder)
        .build();
  }

  /** The test data this server reads. */
  public TestData testData() {
    return testData;
  }

  /** Every flag evaluation recorded since creation or {@link #reset()}, oldest first. */
  public List<RecordedEvaluation> evaluations() {
    return recorder.evaluations();
  }

  /** The recorded evaluations of flag {@code flagKey}, oldest first. */
  public List<RecordedEvaluation> evaluations(String flagKey) {
    return evaluations().stream().filter(e -> Objects.equals(e.flagKey(), flagKey)).toList();
  }

  /** Every {@code track} call recorded since creation or {@link #reset()}, oldest first. */
  public List<TrackedEvent> trackedEvents() {
    return recorder.tracked();
  }

  /** The recorded {@code track} calls for event {@code eventKey}, oldest first. */
  public List<TrackedEvent> trackedEvents(String eventKey) {
    return trackedEvents().stream().filter(e -> Objects.equals(e.eventKey(), eventKey)).toList();
  }

  /** The contexts of every {@code identify} call recorded, oldest first. */
  public List<AvsbContext> identifiedContexts() {
    return recorder.identified();
  }

  /** Forgets everything recorded so far; the flags are unchanged. */
  public void reset() {
    recorder.clear();
  }
}
