package io.avsb.internal.datasource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * An incremental parser of the {@code text/event-stream} format (the WHATWG server-sent events
 * rules): bytes go in as they arrive, in chunks of any size, and complete events come out.
 *
 * <p>Lines end with CR, LF or CRLF (a CRLF split across two chunks counts once). A line starting
 * with {@code :} is a comment; {@code field:value} sets a field, one space after the colon being
 * dropped; a line with no colon is a field with an empty value. {@code data} lines accumulate
 * (joined with {@code \n}), {@code event} names the event, {@code id} sets the last event id (kept
 * across events), {@code retry} reports a reconnection time in milliseconds, other fields are
 * ignored. A blank line dispatches the event if it has data. Text is UTF-8; a leading byte-order mark
 * is dropped. A half-received event is never dispatched: it waits for its blank line.
 *
 * <p>Event data stays in bytes (see {@link SseEvent}); a single big {@code data} line, as a {@code
 * put} is, becomes the event's data without being copied.
 *
 * <p>Not thread-safe: use one parser per connection, from the thread that reads it.
 */
public final class SseParser {
  /** Receives what the parser finds; called on the thread calling {@link #feed}. */
  public interface Listener {
    /** A complete event; may throw to stop the parse (the exception leaves {@link #feed}). */
    void onEvent(SseEvent event) throws IOException;

    /** A comment line (a heartbeat), without its leading colon. */
    default void onComment(String comment) {}

    /** A valid {@code retry} field: the server's suggested reconnection time. */
    default void onRetry(long millis) {}
  }

  /** The default limit on one line and on one event's data: 64 MiB. */
  public static final int DEFAULT_MAX_SIZE = 64 << 20;

  private static final int SMALL = 256;
  private static final byte[] DATA = "data".getBytes(StandardCharsets.US_ASCII);

  private final Listener listener;
  private final int maxEvent;
  private final int maxLine;
  private byte[] line = new byte[SMALL];
  private int lineLength;
  private boolean afterCr;
  private boolean firstLine = true;
  private String eventType = "";
  // the event's data lines, each followed by \n, at [dataStart, dataEnd) of data
  private byte[] data = new byte[SMALL];
  private int dataStart;
  private int dataEnd;
  private String lastEventId = "";

  /** A parser reporting to {@code listener} with the default size limit. */
  public SseParser(Listener listener) {
    this(listener, DEFAULT_MAX_SIZE);
  }

  /** A parser reporting to {@code listener} that rejects lines or event data over {@code maxSize} bytes. */
  public SseParser(Listener listener, int maxSize) {
    this(listener, maxSize, maxSize);
  }

  /**
   * A parser reporting to {@code listener} that rejects event data over {@code maxEvent} bytes and
   * lines over {@code maxLine} bytes.
   */
  public SseParser(Listener listener, int maxEvent, int maxLine) {
    this.listener = Objects.requireNonNull(listener, "listener");
    if (maxEvent < 1) {
      throw new IllegalArgumentException("maxEvent must be positive, was " + maxEvent);
    }
    if (maxLine < 1) {
      throw new IllegalArgumentException("maxLine must be positive, was " + maxLine);
    }
    this.maxEvent = maxEvent;
    this.maxLine = maxLine;
  }

  /**
   * Parses {@code length} bytes of {@code bytes} from {@code offset}, dispatching every event they
   * complete.
   *
   * @throws SseFormatException when a line or an event exceeds the size limit
   * @throws IOException whatever the listener throws
   */
  public void feed(byte[] bytes, int offset, int length) throws IOException {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    for (int i = offset; i < offset + length; i++) {
      byte b = bytes[i];
      if (afterCr) {
        afterCr = false;
        if (b == '\n') {
          continue;
        }
      }
      if (b == '\r') {
        afterCr = true;
        endLine();
      } else if (b == '\n') {
        endLine();
      } else {
        append(b);
      }
    }
  }

  private void append(byte b) throws SseFormatException {
    if (lineLength >= maxLine) {
      // with room for the field name, a data line over the line limit is an event over its limit
      throw new SseFormatException(maxLine > maxEvent && Arrays.equals(line, 0, DATA.length, DATA, 0, DATA.length)
          ? "a stream event is larger than " + maxEvent + " bytes"
          : "a stream line is longer than " + maxLine + " bytes");
    }
    if (lineLength == line.length) {
      line = Arrays.copyOf(line, (int) Math.min((long) maxLine + 1, 2L * line.length));
    }
    line[lineLength++] = b;
  }

  private void endLine() throws IOException {
    int length = lineLength;
    lineLength = 0;
    int start = 0;
    if (firstLine) {
      firstLine = false;
      if (length >= 3 && line[0] == (byte) 0xEF && line[1] == (byte) 0xBB && line[2] == (byte) 0xBF) {
        start = 3;
      }
    }
    if (length == start) {
      dispatch();
    } else if (line[start] == ':') {
      listener.onComment(text(start + 1, length));
    } else {
      int colon = start;
      while (colon < length && line[colon] != ':') {
        colon++;
      }
      int value = colon < length ? colon + 1 : length;
      if (value < length && line[value] == ' ') {
        value++;
      }
      if (Arrays.equals(line, start, colon, DATA, 0, DATA.length)) {
        data(value, length);
      } else {
        field(text(start, colon), text(value, length));
      }
    }
    if (line.length > 64 * 1024) {
      line = new byte[SMALL];
    }
  }

  private String text(int from, int to) {
    return new String(line, from, to - from, StandardCharsets.UTF_8);
  }

  private void data(int from, int to) throws SseFormatException {
    int n = to - from;
    if ((long) dataEnd - dataStart + n > maxEvent) {
      throw new SseFormatException("a stream event is larger than " + maxEvent + " bytes");
    }
    if (dataEnd == dataStart && n > SMALL && to < line.length) {
      // the usual big event is one data line: it becomes the data as it is
      data = line;
      dataStart = from;
      data[to] = '\n';
      dataEnd = to + 1;
      line = new byte[SMALL];
      return;
    }
    if (dataEnd + n + 1 > data.length) {
      int used = dataEnd - dataStart;
      long want = Math.max((long) used + n + 1, 2L * data.length);
      byte[] grown = new byte[(int) Math.min(want, (long) maxEvent + 1)];
      System.arraycopy(data, dataStart, grown, 0, used);
      data = grown;
      dataStart = 0;
      dataEnd = used;
    }
    System.arraycopy(line, from, data, dataEnd, n);
    dataEnd += n;
    data[dataEnd++] = '\n';
  }

  private void field(String name, String value) {
    switch (name) {
      case "event" -> eventType = value;
      case "id" -> {
        if (value.indexOf('\0') < 0) {
          lastEventId = value;
        }
      }
      case "retry" -> {
        if (!value.isEmpty() && value.length() <= 18 && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
          listener.onRetry(Long.parseLong(value));
        }
      }
      default -> {
        // Unknown fields are ignored, as the format requires.
      }
    }
  }

  private void dispatch() throws IOException {
    if (dataEnd == dataStart) {
      eventType = "";
      return;
    }
    SseEvent event = new SseEvent(eventType.isEmpty() ? "message" : eventType, data, dataStart,
        dataEnd - dataStart - 1, lastEventId);
    eventType = "";
    // the event keeps its bytes; the next event's data starts in a fresh buffer
    data = new byte[SMALL];
    dataStart = 0;
    dataEnd = 0;
    listener.onEvent(event);
  }
}
