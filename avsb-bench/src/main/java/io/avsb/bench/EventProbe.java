package io.avsb.bench;

import io.avsb.AvsbServer;
import io.avsb.internal.events.DefaultEventProcessor;
import java.lang.reflect.Field;

/**
 * Reads our server's event processor counters (held and dropped events) for the benchmarks'
 * sanity checks. The public API does not expose them, so this reads the server's private fields
 * by reflection; it is a measurement aid, never used on a measured path.
 */
final class EventProbe {
  private final DefaultEventProcessor processor;

  EventProbe(AvsbServer server) {
    Object runtime = field(server, "runtime");
    Object events = field(runtime, "events");
    if (!(events instanceof DefaultEventProcessor p)) {
      throw new IllegalStateException("the server's event processor is "
          + events.getClass().getName() + ", not the delivering one");
    }
    this.processor = p;
  }

  /** Events queued, waiting for a flush or being delivered. */
  int held() {
    return processor.heldEventCount();
  }

  /** The bytes the held events weigh, as the processor counts them. */
  long heldBytes() {
    return processor.heldEventBytes();
  }

  /** Events dropped because the queue was full. */
  long dropped() {
    return processor.droppedEventCount();
  }

  /** Waits (spinning with short parks) until nothing is held; false after {@code millis}. */
  boolean awaitDrained(long millis) {
    long deadline = System.nanoTime() + millis * 1_000_000;
    while (held() > 0) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      java.util.concurrent.locks.LockSupport.parkNanos(50_000);
    }
    return true;
  }

  private static Object field(Object target, String name) {
    try {
      Field f = target.getClass().getDeclaredField(name);
      f.setAccessible(true);
      return f.get(target);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read " + target.getClass().getName() + "." + name
          + " (has the server's layout changed?)", e);
    }
  }
}
