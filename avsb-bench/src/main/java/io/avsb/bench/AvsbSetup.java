package io.avsb.bench;

import io.avsb.AvsbContext;
import io.avsb.AvsbServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/** Builds our server and contexts over {@link BenchFlags} the way an application would. */
final class AvsbSetup {
  static final String SDK_KEY = "bench-sdk-key";

  private AvsbSetup() {}

  /** The {@link BenchFlags#CONTEXTS} user contexts, each with {@code plan} and {@code country}. */
  static AvsbContext[] contexts() {
    AvsbContext[] contexts = new AvsbContext[BenchFlags.CONTEXTS];
    for (int i = 0; i < contexts.length; i++) {
      contexts[i] = AvsbContext.builder(BenchFlags.key(i))
          .name("User " + i)
          .set("plan", BenchFlags.plan(i))
          .set("country", BenchFlags.country(i))
          .build();
    }
    return contexts;
  }

  /** A ready server over {@code flagsFile} with events off. */
  static AvsbServer withoutEvents(Path flagsFile) {
    return ready(AvsbServer.builder(SDK_KEY).flagsFile(flagsFile).eventsEnabled(false)
        .buildServer());
  }

  /** As {@link #withoutEvents} with {@code hook} registered (such as Micrometer metrics). */
  static AvsbServer withoutEventsHooked(Path flagsFile, io.avsb.spi.AvsbHook hook) {
    return ready(AvsbServer.builder(SDK_KEY).flagsFile(flagsFile).eventsEnabled(false)
        .hooks(hook).buildServer());
  }

  /**
   * A ready server over {@code flagsFile} with events on, sent to {@code eventsUri} every {@code
   * flushInterval}; index events are remembered for {@code 2 * CONTEXTS} keys, so after the first
   * pass only summaries are counted.
   */
  static AvsbServer withEvents(Path flagsFile, URI eventsUri, Duration flushInterval) {
    return ready(AvsbServer.builder(SDK_KEY).flagsFile(flagsFile).eventsEnabled(true)
        .eventsUri(eventsUri).flushInterval(flushInterval)
        .contextKeysCapacity(2 * BenchFlags.CONTEXTS).buildServer());
  }

  private static AvsbServer ready(AvsbServer server) {
    if (!server.waitForReady(Duration.ofSeconds(10))) {
      server.close();
      throw new IllegalStateException("the A vs B server did not load the benchmark flags");
    }
    return server;
  }
}
