package io.avsb.testkit.internal.service;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * One open SSE response of the test service. Other threads queue text with {@link #send}; the
 * handler thread that owns the response writes it in order in {@link #serve}, adding heartbeats
 * while the connection is idle. Thread-safe.
 */
public final class StreamConnection {
  private sealed interface Message permits Text, Drop, Close {}

  private record Text(String sse) implements Message {}

  private record Drop(String partial) implements Message {}

  private record Close() implements Message {}

  private final BlockingQueue<Message> queue = new LinkedBlockingQueue<>();

  /** Queues SSE text to be written as is. */
  public void send(String sse) {
    queue.add(new Text(sse));
  }

  /** Queues a cut: {@code partial} is written, then the response ends without completing it. */
  public void drop(String partial) {
    queue.add(new Drop(partial));
  }

  /** Queues the end of the response. */
  public void close() {
    queue.add(new Close());
  }

  /**
   * Writes queued messages to {@code out} until dropped or closed; while idle for {@code
   * heartbeat} (zero: never) writes a comment unless {@code silent} says not to. Returns when the
   * response should end; throws when the client went away.
   */
  public void serve(OutputStream out, Supplier<Duration> heartbeat, BooleanSupplier silent)
      throws IOException, InterruptedException {
    while (true) {
      Duration every = heartbeat.get();
      Message m = every.isZero() ? queue.take() : queue.poll(every.toNanos(), TimeUnit.NANOSECONDS);
      if (m == null) {
        if (!silent.getAsBoolean()) {
          write(out, SseFrames.HEARTBEAT);
        }
      } else if (m instanceof Text t) {
        write(out, t.sse());
      } else if (m instanceof Drop d) {
        write(out, d.partial());
        return;
      } else {
        return;
      }
    }
  }

  private static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }
}
