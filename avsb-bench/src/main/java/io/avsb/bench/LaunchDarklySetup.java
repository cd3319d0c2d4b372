package io.avsb.bench;

import com.launchdarkly.logging.LDLogLevel;
import com.launchdarkly.sdk.LDContext;
import com.launchdarkly.sdk.server.Components;
import com.launchdarkly.sdk.server.LDClient;
import com.launchdarkly.sdk.server.LDConfig;
import com.launchdarkly.sdk.server.integrations.FileData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Builds the LaunchDarkly Java server SDK (7.11.0) client and contexts over the same {@link
 * BenchFlags} file: its file data source, no diagnostics, warnings-only logging, so it makes no
 * network connection unless events are on.
 */
final class LaunchDarklySetup {
  static final String SDK_KEY = "bench-sdk-key";

  private LaunchDarklySetup() {}

  /** The same contexts as {@link AvsbSetup#contexts()}. */
  static LDContext[] contexts() {
    LDContext[] contexts = new LDContext[BenchFlags.CONTEXTS];
    for (int i = 0; i < contexts.length; i++) {
      contexts[i] = LDContext.builder(BenchFlags.key(i))
          .name("User " + i)
          .set("plan", BenchFlags.plan(i))
          .set("country", BenchFlags.country(i))
          .build();
    }
    return contexts;
  }

  /** A ready client over {@code flagsFile} with events off. */
  static LDClient withoutEvents(Path flagsFile) {
    return ready(base(flagsFile).events(Components.noEvents()).build());
  }

  /**
   * A ready client over {@code flagsFile} with events on, sent to {@code eventsUri} every {@code
   * flushInterval}; context keys remembered for {@code 2 * CONTEXTS} keys, as ours.
   */
  static LDClient withEvents(Path flagsFile, URI eventsUri, Duration flushInterval) {
    return ready(base(flagsFile)
        .serviceEndpoints(Components.serviceEndpoints().events(eventsUri))
        .events(Components.sendEvents().flushInterval(flushInterval)
            .userKeysCapacity(2 * BenchFlags.CONTEXTS))
        .build());
  }

  private static LDConfig.Builder base(Path flagsFile) {
    return new LDConfig.Builder()
        .dataSource(FileData.dataSource().filePaths(flagsFile))
        .diagnosticOptOut(true)
        .logging(Components.logging().level(LDLogLevel.WARN))
        .startWait(Duration.ofSeconds(10));
  }

  private static LDClient ready(LDConfig config) {
    LDClient client = new LDClient(SDK_KEY, config);
    if (!client.isInitialized()) {
      close(client);
      throw new IllegalStateException("the LaunchDarkly client did not load the benchmark flags");
    }
    return client;
  }

  /** Closes {@code client}, turning its checked exception into an unchecked one. */
  static void close(LDClient client) {
    try {
      client.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
