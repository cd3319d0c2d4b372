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

  private final Listener listener;
  private final int maxSize;
  private byte[] line = new byte[256];
  private int lineLength;
  private boolean afterCr;
  private boolean firstLine = true;
  private String eventType = "";
  private final StringBuilder data = new StringBuilder();
  private String lastEventId = "";

  /** A parser reporting to {@code listener} with the default size limit. */
  public SseParser(Listener listener) {
    this(listener, DEFAULT_MAX_SIZE);
  }

  /** A parser reporting to {@code listener} that rejects lines or event data over {@code maxSize}. */
  public SseParser(Listener listener, int maxSize) {
    this.listener = Objects.requireNonNull(listener, "listener");
    if (maxSize < 1) {
      throw new IllegalArgumentException("maxSize must be positive, was " + maxSize);
    }
    this.maxSize = maxSize;
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
    if (lineLength >= maxSize) {
      throw new SseFormatException("a stream line is longer than " + maxSize + " bytes");
    }
    if (lineLength == line.length) {
      line = Arrays.copyOf(line, (int) Math.min((long) maxSize, 2L * line.length));
    }
    line[lineLength++] = b;
  }

  private void endLine() throws IOException {
    String text = new String(line, 0, lineLength, StandardCharsets.UTF_8);
    lineLength = 0;
    if (line.length > 64 * 1024) {
      line = new byte[256];
    }
    if (firstLine) {
      firstLine = false;
      if (text.startsWith("\uFEFF")) {
        text = text.substring(1);
      }
    }
    if (text.isEmpty()) {
      dispatch();
    } else if (text.charAt(0) == ':') {
      listener.onComment(text.substring(1));
    } else {
      int colon = text.indexOf(':');
      String field = colon < 0 ? text : text.substring(0, colon);
      String value = colon < 0 ? "" : text.substring(colon + 1);
      if (value.startsWith(" ")) {
        value = value.substring(1);
      }
      field(field, value);
    }
  }

  private void field(String name, String value) throws SseFormatException {
    switch (name) {
      case "event" -> eventType = value;
      case "data" -> {
        if ((long) data.length() + value.length() + 1 > maxSize) {
          throw new SseFormatException("a stream event is larger than " + maxSize + " characters");
        }
        data.append(value).append('\n');
      }
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
    if (data.length() == 0) {
      eventType = "";
      return;
    }
    String text = data.substring(0, data.length() - 1);
    String type = eventType.isEmpty() ? "message" : eventType;
    data.setLength(0);
    eventType = "";
    listener.onEvent(new SseEvent(type, text, lastEventId));
  }
}
