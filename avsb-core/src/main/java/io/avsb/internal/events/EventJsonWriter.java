package io.avsb.internal.events;

import com.fasterxml.jackson.core.JsonGenerator;
import io.avsb.AvsbContext;
import io.avsb.internal.json.JsonCodec;
import io.avsb.internal.json.ReasonJson;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Writes each output event kind ({@code feature}, {@code index}, {@code identify}, {@code custom},
 * {@code summary}) as the events service expects it, with contexts redacted, straight to its
 * UTF-8 JSON bytes: one generator and one buffer serve every event, so an event costs the array
 * it is returned in and little else. Properties, their order and bytes are those of the event's
 * value tree written by {@link JsonCodec#write(io.avsb.AvsbValue)} and encoded as UTF-8 (see
 * {@link JsonCodec#utf8Generator}); {@link JsonSize} counts what is written here. A write that fails throws, leaves nothing behind
 * and the next one starts afresh. Not thread-safe: the event thread owns it.
 */
final class EventJsonWriter implements AutoCloseable {
  private final ContextRedactor redactor;
  private final Buffer buffer = new Buffer();
  private JsonGenerator generator;

  /** A writer whose contexts are redacted by {@code redactor}. */
  EventJsonWriter(ContextRedactor redactor) {
    this.redactor = redactor;
  }

  /** A full {@code feature} event for one evaluation. */
  byte[] feature(EvaluationEvent e) {
    JsonGenerator g = start();
    try {
      g.writeStartObject();
      g.writeStringField("kind", "feature");
      number("creationDate", e.creationDate(), g);
      g.writeStringField("key", e.flagKey());
      if (e.flagVersion() >= 0) {
        number("version", e.flagVersion(), g);
      }
      g.writeFieldName("context");
      redactor.write(e.context(), g);
      if (e.variation() >= 0) {
        number("variation", e.variation(), g);
      }
      g.writeFieldName("value");
      JsonCodec.write(e.value(), g);
      g.writeFieldName("default");
      JsonCodec.write(e.defaultValue(), g);
      if (e.withReason() || e.reason().inExperiment()) {
        g.writeFieldName("reason");
        ReasonJson.write(e.reason(), g);
      }
      if (e.prereqOf() != null) {
        g.writeStringField("prereqOf", e.prereqOf());
      }
      g.writeEndObject();
      return finish(g);
    } catch (IOException | RuntimeException | Error x) {
      throw failed(x);
    }
  }

  /** An {@code index} event introducing {@code context}. */
  byte[] index(long creationDate, AvsbContext context) {
    return withContext("index", creationDate, context);
  }

  /** An {@code identify} event. */
  byte[] identify(IdentifyEvent e) {
    return withContext("identify", e.creationDate(), e.context());
  }

  private byte[] withContext(String kind, long creationDate, AvsbContext context) {
    JsonGenerator g = start();
    try {
      g.writeStartObject();
      g.writeStringField("kind", kind);
      number("creationDate", creationDate, g);
      g.writeFieldName("context");
      redactor.write(context, g);
      g.writeEndObject();
      return finish(g);
    } catch (IOException | RuntimeException | Error x) {
      throw failed(x);
    }
  }

  /** A {@code custom} event; it names the context by its keys only. */
  byte[] custom(CustomEvent e) {
    JsonGenerator g = start();
    try {
      g.writeStartObject();
      g.writeStringField("kind", "custom");
      number("creationDate", e.creationDate(), g);
      g.writeStringField("key", e.key());
      g.writeFieldName("contextKeys");
      g.writeStartObject();
      AvsbContext context = e.context();
      // a multi-context's parts have distinct kinds: no property is written twice
      for (int i = 0; i < context.individualContextCount(); i++) {
        AvsbContext c = context.individualContext(i);
        g.writeStringField(c.kind(), c.key());
      }
      g.writeEndObject();
      if (!e.data().isNull()) {
        g.writeFieldName("data");
        JsonCodec.write(e.data(), g);
      }
      if (e.metricValue() != null && Double.isFinite(e.metricValue())) {
        number("metricValue", e.metricValue(), g);
      }
      g.writeEndObject();
      return finish(g);
    } catch (IOException | RuntimeException | Error x) {
      throw failed(x);
    }
  }

  /** The {@code summary} event of one flush interval. */
  byte[] summary(EventSummary s) {
    JsonGenerator g = start();
    try {
      g.writeStartObject();
      g.writeStringField("kind", "summary");
      number("startDate", s.startDate(), g);
      number("endDate", s.endDate(), g);
      g.writeFieldName("features");
      g.writeStartObject();
      for (Map.Entry<String, EventSummary.FlagCounts> e : s.flags().entrySet()) {
        EventSummary.FlagCounts f = e.getValue();
        g.writeFieldName(e.getKey());
        g.writeStartObject();
        g.writeFieldName("default");
        JsonCodec.write(f.defaultValue(), g);
        g.writeFieldName("contextKinds");
        g.writeStartArray();
        List<String> kinds = f.contextKinds();
        for (int i = 0; i < kinds.size(); i++) {
          g.writeString(kinds.get(i));
        }
        g.writeEndArray();
        g.writeFieldName("counters");
        g.writeStartArray();
        List<EventSummary.Counter> counters = f.counters();
        for (int i = 0; i < counters.size(); i++) {
          counter(counters.get(i), g);
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndObject();
      g.writeEndObject();
      return finish(g);
    } catch (IOException | RuntimeException | Error x) {
      throw failed(x);
    }
  }

  private static void counter(EventSummary.Counter c, JsonGenerator g) throws IOException {
    g.writeStartObject();
    if (c.unknown()) {
      g.writeBooleanField("unknown", true);
    } else {
      if (c.variation() >= 0) {
        number("variation", c.variation(), g);
      }
      number("version", c.version(), g);
    }
    g.writeFieldName("value");
    JsonCodec.write(c.value(), g);
    number("count", c.count(), g);
    g.writeEndObject();
  }

  /**
   * Writes a number as a value tree held it: as a double, so a date or count beyond 1e15 is
   * written as the double it would have been.
   */
  private static void number(String name, double value, JsonGenerator g) throws IOException {
    g.writeFieldName(name);
    JsonCodec.writeNumber(value, g);
  }

  private JsonGenerator start() {
    if (generator == null) {
      try {
        generator = JsonCodec.utf8Generator(buffer);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return generator;
  }

  private byte[] finish(JsonGenerator g) throws IOException {
    g.flush();
    return buffer.takeBytes();
  }

  /** Drops the generator, which may be inside an unfinished event, and what it wrote. */
  private RuntimeException failed(Throwable x) {
    close();
    buffer.clear();
    if (x instanceof Error e) {
      throw e;
    }
    return x instanceof IOException e ? new UncheckedIOException(e) : (RuntimeException) x;
  }

  /** Gives the generator's buffers back to Jackson's pool; a later write starts a new one. */
  @Override
  public void close() {
    JsonGenerator g = generator;
    generator = null;
    if (g == null) {
      return;
    }
    try {
      // an unfinished event's brackets may be closed into the buffer: the next write clears it
      g.close();
    } catch (IOException | RuntimeException e) {
      // nothing to save: the generator is dropped either way
    }
  }

  /**
   * A growable byte array that the generator flushes into. Kept between events so that writing
   * one allocates only its result; after an event larger than {@link #KEEP_BYTES} it shrinks back.
   */
  private static final class Buffer extends OutputStream {
    private static final int INITIAL_BYTES = 1024;
    private static final int KEEP_BYTES = 64 * 1024;
    private byte[] bytes = new byte[INITIAL_BYTES];
    private int count;

    @Override
    public void write(int b) {
      ensure(1);
      bytes[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      ensure(len);
      System.arraycopy(b, off, bytes, count, len);
      count += len;
    }

    private void ensure(int more) {
      if (more > bytes.length - count) {
        bytes = Arrays.copyOf(bytes, Math.max(count + more, bytes.length * 2));
      }
    }

    /** What was written since the last call; empties the buffer. */
    byte[] takeBytes() {
      byte[] out = Arrays.copyOf(bytes, count);
      clear();
      return out;
    }

    void clear() {
      count = 0;
      if (bytes.length > KEEP_BYTES) {
        bytes = new byte[INITIAL_BYTES];
      }
    }
  }
}
