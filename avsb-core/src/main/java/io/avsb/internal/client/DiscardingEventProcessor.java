package io.avsb.internal.client;

import io.avsb.internal.events.CustomEvent;
import io.avsb.internal.events.EvaluationEvent;
import io.avsb.internal.events.EventProcessor;
import io.avsb.internal.events.IdentifyEvent;

/**
 * The event processor of a server that sends no events (offline, events disabled, no SDK key).
 * The evaluation path checks for {@link #INSTANCE} and then builds no event at all. Thread-safe.
 */
final class DiscardingEventProcessor implements EventProcessor {
  static final DiscardingEventProcessor INSTANCE = new DiscardingEventProcessor();

  private DiscardingEventProcessor() {}

  @Override
  public void recordEvaluation(EvaluationEvent event) {}

  @Override
  public void recordCustom(CustomEvent event) {}

  @Override
  public void recordIdentify(IdentifyEvent event) {}

  @Override
  public void flush() {}

  @Override
  public void close() {}
}
