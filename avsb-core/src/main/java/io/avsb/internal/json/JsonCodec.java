package io.avsb.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import io.avsb.AvsbValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts between JSON text and {@link AvsbValue} with Jackson's streaming API, the one place
 * where JSON text is read or written. Thread-safe.
 */
public final class JsonCodec {
  // Jackson's default buffer pool keeps buffers in ThreadLocals of the calling thread; on a
  // container's request threads that pins the webapp's class loader after undeploy
  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build())
          .recyclerPool(JsonRecyclerPools.newConcurrentDequePool())
          .build();

  private JsonCodec() {}

  /** Parses JSON text; throws {@link IllegalArgumentException} with the parser's message if bad. */
  public static AvsbValue parse(String json) {
    if (json == null) {
      throw new IllegalArgumentException("json must not be null");
    }
    try (JsonParser p = FACTORY.createParser(json)) {
      return readDocument(p);
    } catch (IOException e) {
      throw new IllegalArgumentException("invalid JSON: " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()), e);
    }
  }

  /** Parses JSON from a stream (UTF-8 or detected); the caller closes the stream. */
  public static AvsbValue parse(InputStream in) throws IOException {
    try (JsonParser p = FACTORY.createParser(in)) {
      return readDocument(p);
    }
  }

  private static AvsbValue readDocument(JsonParser p) throws IOException {
    JsonToken t = p.nextToken();
    if (t == null) {
      throw new com.fasterxml.jackson.core.JsonParseException(p, "no JSON content");
    }
    AvsbValue v = read(p, t);
    if (p.nextToken() != null) {
      throw new com.fasterxml.jackson.core.JsonParseException(p, "trailing content after JSON value");
    }
    return v;
  }

  /** Reads the value starting at the current token {@code t} of {@code p}. */
  public static AvsbValue read(JsonParser p, JsonToken t) throws IOException {
    switch (t) {
      case START_OBJECT: {
        Map<String, AvsbValue> map = new LinkedHashMap<>();
        for (JsonToken n = p.nextToken(); n != JsonToken.END_OBJECT; n = p.nextToken()) {
          String name = p.currentName();
          map.put(name, read(p, p.nextToken()));
        }
        return new AvsbValue.Obj(map);
      }
      case START_ARRAY: {
        List<AvsbValue> list = new ArrayList<>();
        for (JsonToken n = p.nextToken(); n != JsonToken.END_ARRAY; n = p.nextToken()) {
          list.add(read(p, n));
        }
        return new AvsbValue.Arr(list);
      }
      case VALUE_STRING:
        return AvsbValue.of(p.getText());
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        double d = p.getDoubleValue();
        if (!Double.isFinite(d)) {
          throw new com.fasterxml.jackson.core.JsonParseException(p, "number out of range");
        }
        return AvsbValue.of(d);
      case VALUE_TRUE:
        return AvsbValue.TRUE;
      case VALUE_FALSE:
        return AvsbValue.FALSE;
      case VALUE_NULL:
        return AvsbValue.NULL;
      default:
        throw new com.fasterxml.jackson.core.JsonParseException(p, "unexpected token " + t);
    }
  }

  /** Writes compact JSON text. Integral numbers are written without a fraction. */
  public static String write(AvsbValue value) {
    StringWriter out = new StringWriter();
    write(value, out);
    return out.toString();
  }

  /** Writes compact JSON text to {@code out}. */
  public static void write(AvsbValue value, Writer out) {
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      write(value, g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes {@code value} to an open generator. */
  public static void write(AvsbValue value, JsonGenerator g) throws IOException {
    if (value instanceof AvsbValue.Obj o) {
      g.writeStartObject();
      for (Map.Entry<String, AvsbValue> e : o.values().entrySet()) {
        g.writeFieldName(e.getKey());
        write(e.getValue(), g);
      }
      g.writeEndObject();
    } else if (value instanceof AvsbValue.Arr a) {
      g.writeStartArray();
      for (AvsbValue v : a.values()) {
        write(v, g);
      }
      g.writeEndArray();
    } else if (value instanceof AvsbValue.Str s) {
      g.writeString(s.value());
    } else if (value instanceof AvsbValue.Num n) {
      double d = n.value();
      if (d == Math.rint(d) && Math.abs(d) < 1e15) {
        g.writeNumber((long) d);
      } else {
        g.writeNumber(d);
      }
    } else if (value instanceof AvsbValue.Bool b) {
      g.writeBoolean(b.value());
    } else {
      g.writeNull();
    }
  }
}
