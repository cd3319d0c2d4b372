package io.avsb.internal.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.avsb.AvsbConfig;
import io.avsb.AvsbContext;
import io.avsb.AvsbServer;
import io.avsb.AvsbValue;
import io.avsb.EvaluationDetail;
import io.avsb.ScopedAvsb;
import io.avsb.spi.AvsbHook;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class EvaluationHooksTest {
  private static final String DATA = "{\"flags\":{\"on\":{\"key\":\"on\",\"version\":1,\"on\":true,"
      + "\"variations\":[true,false],\"fallthrough\":{\"variation\":0}}},\"segments\":{}}";

  /** Counts what it sees, allocating nothing. */
  private static final class Counting implements AvsbHook {
    long variations;

    @Override
    public void afterEvaluation(String flagKey, AvsbContext context,
        EvaluationDetail<AvsbValue> detail, AvsbValue defaultValue) {
      variations += detail.variationIndex() + 1;
    }
  }

  @Test
  void aHookedBooleanEvaluationAllocatesNothingWithEventsOff() {
    Counting hook = new Counting();
    AvsbConfig config = AvsbConfig.builder(null).dataSource(FixedData.of(DATA))
        .eventsEnabled(false).hooks(hook).build();
    try (AvsbServer server = new AvsbServer(config)) {
      ScopedAvsb avsb = server.forUser(AvsbContext.of("u1"));
      com.sun.management.ThreadMXBean threads =
          (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
      long sink = 0;
      for (int i = 0; i < 20_000; i++) {
        sink += avsb.getBoolFlag("on", false) ? 1 : 0;
      }
      long before = threads.getCurrentThreadAllocatedBytes();
      for (int i = 0; i < 10_000; i++) {
        sink += avsb.getBoolFlag("on", false) ? 1 : 0;
      }
      long allocated = threads.getCurrentThreadAllocatedBytes() - before;
      assertThat(sink).isEqualTo(30_000);
      assertThat(hook.variations).isEqualTo(30_000);
      // 10,000 calls allocating even one small object each would be well over 100 KB
      assertThat(allocated).isLessThan(1_000);
    }
  }
}
