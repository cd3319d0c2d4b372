package io.avsb.internal.client;

import io.avsb.internal.events.CustomEvent;
import io.avsb.internal.events.EvaluationEvent;
import io.avsb.internal.events.EventProcessor;
import io.avsb.internal.events.IdentifyEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** An event processor for tests that keeps every event it is given. */
class RecordingEventProcessor implements EventProcessor {
  final List<EvaluationEvent> evaluations = new CopyOnWriteArrayList<>();
  final List<CustomEvent> customs = new CopyOnWriteArrayList<>();
  final List<IdentifyEvent> identifies = new CopyOnWriteArrayList<>();
  final AtomicInteger flushes = new AtomicInteger();
  final AtomicInteger closes = new AtomicInteger();

  @Override
  public void recordEvaluation(EvaluationEvent event) {
    evaluations.add(event);
  }

  @Override
  public void recordCustom(CustomEvent event) {
    customs.add(event);
  }

  @Override
  public void recordIdentify(IdentifyEvent event) {
    identifies.add(event);
  }

  @Override
  public void flush() {
    flushes.incrementAndGet();
  }

  @Override
  public void close() {
    closes.incrementAndGet();
  }
}
