package io.avsb.testing;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Counts the bytes the current thread allocates, for the 0 B/op tests. Needs HotSpot's {@code
 * com.sun.management.ThreadMXBean} (OpenJDK and its builds have it). Decisions: on a JVM without
 * it the test <b>fails</b> with a message saying so, since the property cannot be checked there;
 * under a Java agent (a coverage tool instruments the code and allocates in it) the test is
 * <b>aborted</b> with a message, since it would measure the agent, not the kit. Not thread-safe:
 * one per test, on the test's thread.
 */
public final class AllocationMeter {
  private final com.sun.management.ThreadMXBean threads;

  private AllocationMeter(com.sun.management.ThreadMXBean threads) {
    this.threads = threads;
  }

  /** A meter for the calling thread, or a failed or aborted test as described above. */
  public static AllocationMeter forCurrentThread() {
    List<String> agents = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("-javaagent") || a.startsWith("-agentlib") || a.startsWith("-agentpath"))
        .toList();
    Assumptions.assumeTrue(agents.isEmpty(),
        () -> "allocation is measured without Java agents; this JVM runs " + agents);
    String jvm = System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version");
    try {
      if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t
          && t.isThreadAllocatedMemorySupported()) {
        t.setThreadAllocatedMemoryEnabled(true);
        return new AllocationMeter(t);
      }
    } catch (LinkageError | UnsupportedOperationException e) {
      throw new AssertionError(message(jvm), e);
    }
    throw new AssertionError(message(jvm));
  }

  private static String message(String jvm) {
    return "allocation tests need a JVM counting thread allocation through"
        + " com.sun.management.ThreadMXBean (OpenJDK/HotSpot 17+); " + jvm + " does not";
  }

  /** Bytes allocated by the calling thread so far. */
  public long allocatedBytes() {
    return threads.getCurrentThreadAllocatedBytes();
  }
}
