package io.avsb.internal.client;

import io.avsb.AvsbConfig;
import io.avsb.internal.events.EventProcessor;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks a server's event processor: none (the {@link DiscardingEventProcessor}, so that no event
 * is even built) when events are disabled, the server is offline or there is no SDK key; else the
 * delivering processor. Thread-safe.
 */
final class EventProcessorChoice {
  private static final Logger LOG = LoggerFactory.getLogger("io.avsb.events");

  private EventProcessorChoice() {}

  static EventProcessor choose(AvsbConfig config, ScheduledExecutorService scheduler) {
    if (!config.eventsEnabled() || config.sdkKey() == null) {
      return DiscardingEventProcessor.INSTANCE;
    }
    return delivering(config, scheduler);
  }

  /**
   * The one place where the event processor that sends events to the service is built from the
   * configuration and the server's scheduler. Until it is wired in, events are discarded.
   */
  static EventProcessor delivering(AvsbConfig config, ScheduledExecutorService scheduler) {
    LOG.error("A vs B event delivery is not part of this build; analytics events are discarded");
    return DiscardingEventProcessor.INSTANCE;
  }
}
