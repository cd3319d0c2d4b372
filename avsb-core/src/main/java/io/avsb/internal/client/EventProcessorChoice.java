package io.avsb.internal.client;

import io.avsb.AvsbConfig;
import io.avsb.internal.events.DefaultEventProcessor;
import io.avsb.internal.events.EventProcessor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Picks a server's event processor: none (the {@link DiscardingEventProcessor}, so that no event
 * is even built) when events are disabled, the server is offline or there is no SDK key; else the
 * delivering processor. Hooks, if any, are added around it by the runtime. Thread-safe.
 */
final class EventProcessorChoice {
  private EventProcessorChoice() {}

  static EventProcessor choose(AvsbConfig config, ScheduledExecutorService scheduler) {
    if (!config.eventsEnabled() || config.sdkKey() == null) {
      return DiscardingEventProcessor.INSTANCE;
    }
    return delivering(config);
  }

  /**
   * The one place where the event processor that sends events to the service is built from the
   * configuration. The processor runs its own two threads so that a slow events endpoint never
   * delays the server's timers.
   */
  static EventProcessor delivering(AvsbConfig config) {
    return new DefaultEventProcessor(config);
  }
}
