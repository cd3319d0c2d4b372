package io.avsb.testkit;

import io.avsb.AvsbContext;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** What a {@link MockAvsbServer} saw, in the order it happened per kind. Thread-safe. */
final class Recorder {
  private final Queue<RecordedEvaluation> evaluations = new ConcurrentLinkedQueue<>();
  private final Queue<TrackedEvent> tracked = new ConcurrentLinkedQueue<>();
  private final Queue<AvsbContext> identified = new ConcurrentLinkedQueue<>();

  void evaluation(RecordedEvaluation e) {
    evaluations.add(e);
  }

  void tracked(TrackedEvent e) {
    tracked.add(e);
  }

  void identified(AvsbContext context) {
    identified.add(context);
  }

  List<RecordedEvaluation> evaluations() {
    return List.copyOf(evaluations);
  }

  List<TrackedEvent> tracked() {
    return List.copyOf(tracked);
  }

  List<AvsbContext> identified() {
    return List.copyOf(identified);
  }

  void clear() {
    evaluations.clear();
    tracked.clear();
    identified.clear();
  }
}
