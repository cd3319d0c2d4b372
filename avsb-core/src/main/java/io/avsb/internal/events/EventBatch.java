package io.avsb.internal.events;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One batch of output events, each already serialized as compact UTF-8 JSON, sent as a JSON array.
 * Holding the events as bytes keeps a batch's memory at its JSON size; {@link #writeTo} streams
 * the array without joining it into one buffer. Immutable (the arrays are not copied and must not
 * be changed) and thread-safe.
 */
public final class EventBatch {
  private final List<byte[]> events;
  private final long byteCount;

  /** A batch of {@code events}, each one event's JSON. */
  public EventBatch(List<byte[]> events) {
    this.events = List.copyOf(events);
    long n = 2 + Math.max(0, this.events.size() - 1);
    for (byte[] e : this.events) {
      n += e.length;
    }
    this.byteCount = n;
  }

  /** How many events the batch holds. */
  public int eventCount() {
    return events.size();
  }

  /** The size of the JSON array in bytes. */
  public long byteCount() {
    return byteCount;
  }

  /** Writes the JSON array to {@code out}. */
  public void writeTo(OutputStream out) throws IOException {
    out.write('[');
    for (int i = 0; i < events.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(events.get(i));
    }
    out.write(']');
  }

  /** The JSON array as text. */
  public String toJson() {
    ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(byteCount, Integer.MAX_VALUE - 8));
    try {
      writeTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
