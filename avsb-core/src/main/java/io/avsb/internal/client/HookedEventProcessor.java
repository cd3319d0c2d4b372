package io.avsb.internal.client;

import io.avsb.internal.events.CustomEvent;
import io.avsb.internal.events.EvaluationEvent;
import io.avsb.internal.events.EventProcessor;
import io.avsb.internal.events.IdentifyEvent;
import io.avsb.spi.AvsbHook;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the configured {@link AvsbHook}s of each {@code track} and {@code identify} before passing
 * the event on. Evaluations pass straight through: their hooks are called from the evaluation path
 * ({@link EvaluationHooks}), which needs no event object for them. Thread-safe.
 */
final class HookedEventProcessor implements EventProcessor {
  private static final Logger LOG = LoggerFactory.getLogger("io.avsb.client");

  private final List<AvsbHook> hooks;
  private final EventProcessor delegate;
  private final ProblemLog problems = new ProblemLog(LOG, 100);

  HookedEventProcessor(List<AvsbHook> hooks, EventProcessor delegate) {
    this.hooks = List.copyOf(hooks);
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  @Override
  public void recordEvaluation(EvaluationEvent event) {
    delegate.recordEvaluation(event);
  }

  @Override
  public void recordCustom(CustomEvent event) {
    delegate.recordCustom(event);
    for (AvsbHook hook : hooks) {
      try {
        hook.afterTrack(event.key(), event.context(), event.data(), event.metricValue());
      } catch (RuntimeException e) {
        failed(hook, e);
      }
    }
  }

  @Override
  public void recordIdentify(IdentifyEvent event) {
    delegate.recordIdentify(event);
    for (AvsbHook hook : hooks) {
      try {
        hook.afterIdentify(event.context());
      } catch (RuntimeException e) {
        failed(hook, e);
      }
    }
  }

  private void failed(AvsbHook hook, RuntimeException e) {
    if (problems.firstTime(ProblemKind.HOOK_FAILED, hook.getClass().getName())) {
      LOG.error("Hook {} threw; it is ignored for this call", hook.getClass().getName(), e);
    }
  }

  @Override
  public long deliveredEventCount() {
    return delegate.deliveredEventCount();
  }

  @Override
  public long droppedEventCount() {
    return delegate.droppedEventCount();
  }

  @Override
  public long failedEventCount() {
    return delegate.failedEventCount();
  }

  @Override
  public void flush() {
    delegate.flush();
  }

  @Override
  public void close() {
    delegate.close();
  }

  private enum ProblemKind { HOOK_FAILED }
}
