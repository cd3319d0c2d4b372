package io.avsb.internal.datasource;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One server-sent event. Its data is kept as the UTF-8 bytes that arrived, not as text: a {@code
 * put} may carry tens of megabytes, which {@link #reader()} decodes as it is parsed rather than all
 * at once. Invalid UTF-8 reads as U+FFFD. Immutable and thread-safe.
 */
public final class SseEvent {
  private final String type;
  private final byte[] data;
  private final int offset;
  private final int length;
  private final String lastEventId;

  /**
   * An event with textual data.
   *
   * @param type the {@code event:} name, {@code message} when the event named none
   * @param data the {@code data:} lines joined with {@code \n}
   * @param lastEventId the last {@code id:} seen on the stream so far, empty if none
   */
  public SseEvent(String type, String data, String lastEventId) {
    this(type, Objects.requireNonNull(data, "data").getBytes(StandardCharsets.UTF_8), lastEventId);
  }

  private SseEvent(String type, byte[] data, String lastEventId) {
    this(type, data, 0, data.length, lastEventId);
  }

  /** An event whose data is {@code length} bytes of {@code data} from {@code offset}, not copied. */
  SseEvent(String type, byte[] data, int offset, int length, String lastEventId) {
    this.type = Objects.requireNonNull(type, "type");
    this.data = Objects.requireNonNull(data, "data");
    Objects.checkFromIndexSize(offset, length, data.length);
    this.offset = offset;
    this.length = length;
    this.lastEventId = Objects.requireNonNull(lastEventId, "lastEventId");
  }

  /** The {@code event:} name, {@code message} when the event named none. */
  public String type() {
    return type;
  }

  /** The data as text: the {@code data:} lines joined with {@code \n}. */
  public String data() {
    return new String(data, offset, length, StandardCharsets.UTF_8);
  }

  /** The data decoded as it is read. */
  public Reader reader() {
    return new InputStreamReader(new ByteArrayInputStream(data, offset, length), StandardCharsets.UTF_8);
  }

  /** The size of the data in bytes. */
  public int size() {
    return length;
  }

  /** The last {@code id:} seen on the stream so far, empty if none. */
  public String lastEventId() {
    return lastEventId;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SseEvent e && type.equals(e.type) && lastEventId.equals(e.lastEventId)
        && Arrays.equals(data, offset, offset + length, e.data, e.offset, e.offset + e.length);
  }

  @Override
  public int hashCode() {
    int h = type.hashCode() * 31 + lastEventId.hashCode();
    for (int i = offset; i < offset + length; i++) {
      h = h * 31 + data[i];
    }
    return h;
  }

  @Override
  public String toString() {
    return "SseEvent[type=" + type + ", " + (length <= 200 ? "data=" + data() : length + " bytes")
        + ", lastEventId=" + lastEventId + "]";
  }
}
