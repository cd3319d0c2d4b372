package io.avsb.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import io.avsb.AvsbValue;
import io.avsb.internal.log.LogText;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Converts between JSON text and {@link AvsbValue} with Jackson's streaming API, the one place
 * where JSON text is read or written. Thread-safe.
 */
public final class JsonCodec {
  /** The deepest nesting read. */
  public static final int MAX_DEPTH = 200;
  /** The longest number read, in characters. */
  public static final int MAX_NUMBER_LENGTH = 1_000;
  /** The longest string read by {@link #parse(String)}, in characters: 64 Mi. */
  public static final int DEFAULT_MAX_STRING_LENGTH = 64 << 20;

  private static final JsonFactory FACTORY = builder(DEFAULT_MAX_STRING_LENGTH, -1).build();
  // Jackson's UTF-8 writer escapes each half of a surrogate pair (12 bytes for one emoji) unless
  // told to combine them; combined, a pair is the 4 bytes of UTF-8 that a String's getBytes gives,
  // and what the events' size estimate counts. Lone surrogates: see LoneSurrogateReplacer.
  private static final JsonFactory UTF8_FACTORY = builder(DEFAULT_MAX_STRING_LENGTH, -1)
      .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
      .build();

  private JsonCodec() {}

  /**
   * A factory for reading bodies of up to {@code maxBytes}: documents up to {@code maxBytes}
   * (counted in the parser's input units) and strings up to {@code maxBytes} characters, numbers
   * up to {@value #MAX_NUMBER_LENGTH} characters, nesting up to {@value #MAX_DEPTH} levels.
   * Jackson's own defaults (20 million characters per string) would contradict the body limit.
   */
  public static JsonFactory factory(int maxBytes) {
    return factory(maxBytes, maxBytes);
  }

  private static JsonFactory factory(int maxString, long maxDocument) {
    return builder(maxString, maxDocument).build();
  }

  private static JsonFactoryBuilder builder(int maxString, long maxDocument) {
    return new JsonFactoryBuilder()
        .streamReadConstraints(constraints(maxString, maxDocument))
        // Jackson's default buffer pool keeps buffers in ThreadLocals of the calling thread; on a
        // container's request threads that pins the webapp's class loader after undeploy
        .recyclerPool(JsonRecyclerPools.newConcurrentDequePool());
  }

  /** The read constraints of {@link #factory(int)}, for other formats (YAML) to share. */
  public static StreamReadConstraints constraints(int maxBytes) {
    return constraints(maxBytes, maxBytes);
  }

  private static StreamReadConstraints constraints(int maxString, long maxDocument) {
    return StreamReadConstraints.builder()
        .maxNestingDepth(MAX_DEPTH)
        .maxNumberLength(MAX_NUMBER_LENGTH)
        .maxStringLength(maxString)
        .maxNameLength(maxString)
        .maxDocumentLength(maxDocument)
        .build();
  }

  /**
   * Why reading JSON with {@code factory} failed, in words fit for a log line or a status message:
   * the limit that was exceeded ("a string longer than 20 characters"), or "not valid JSON" for a
   * syntax error. Never holds payload text.
   */
  public static String describe(IOException e, JsonFactory factory) {
    String limit = limitExceeded(e, factory);
    return limit != null ? limit : "not valid JSON";
  }

  /**
   * A sentence saying that {@code what} (such as "put event") failed to read with {@code factory}:
   * "put event is not valid JSON" or "put event holds a string longer than 20 characters".
   */
  public static String problem(String what, IOException e, JsonFactory factory) {
    String limit = limitExceeded(e, factory);
    return limit != null ? what + " holds " + limit : what + " is not valid JSON";
  }

  private static String limitExceeded(IOException e, JsonFactory factory) {
    if (!(e instanceof StreamConstraintsException c)) {
      return null;
    }
    String m = String.valueOf(c.getOriginalMessage());
    StreamReadConstraints limits = factory.streamReadConstraints();
    if (m.startsWith("String value length")) {
      return "a string longer than " + limits.getMaxStringLength() + " characters";
    }
    if (m.startsWith("Name length")) {
      return "a property name longer than " + limits.getMaxNameLength() + " characters";
    }
    if (m.startsWith("Number value length")) {
      return "a number longer than " + limits.getMaxNumberLength() + " characters";
    }
    if (m.startsWith("Document nesting depth")) {
      return "JSON nested deeper than " + limits.getMaxNestingDepth() + " levels";
    }
    if (m.startsWith("Document length")) {
      return "more than " + limits.getMaxDocumentLength() + " characters of JSON";
    }
    return "JSON beyond a parser limit (" + m + ")";
  }

  /** Parses JSON text; throws {@link IllegalArgumentException} with the parser's message if bad. */
  public static AvsbValue parse(String json) {
    if (json == null) {
      throw new IllegalArgumentException("json must not be null");
    }
    try (JsonParser p = FACTORY.createParser(json)) {
      return readDocument(p);
    } catch (StreamConstraintsException e) {
      throw new IllegalArgumentException("invalid JSON: " + describe(e, FACTORY), e);
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

  /**
   * Reads the value starting at the current token {@code t} of {@code p}; a number too large for a
   * double fails the read.
   */
  public static AvsbValue read(JsonParser p, JsonToken t) throws IOException {
    return read(p, t, null, null);
  }

  /**
   * Reads the value starting at the current token {@code t} of {@code p}, as {@link
   * #read(JsonParser, JsonToken)} does, except that a number too large for a double (such as {@code
   * 1e400}) is read as {@code null} and described to {@code problems}, which the caller uses to
   * reject just this value rather than the whole document.
   */
  public static AvsbValue readLenient(JsonParser p, JsonToken t, Consumer<String> problems)
      throws IOException {
    return read(p, t, Objects.requireNonNull(problems, "problems"), null);
  }

  /**
   * As {@link #readLenient(JsonParser, JsonToken, Consumer)}, with every JSON string made by {@code
   * strings} (which may hand out one shared value for equal strings).
   */
  public static AvsbValue readLenient(JsonParser p, JsonToken t, Consumer<String> problems,
      Function<String, AvsbValue> strings) throws IOException {
    return read(p, t, Objects.requireNonNull(problems, "problems"),
        Objects.requireNonNull(strings, "strings"));
  }

  private static AvsbValue read(JsonParser p, JsonToken t, Consumer<String> problems,
      Function<String, AvsbValue> strings) throws IOException {
    switch (t) {
      case START_OBJECT: {
        Map<String, AvsbValue> map = new LinkedHashMap<>();
        for (JsonToken n = p.nextToken(); n != JsonToken.END_OBJECT; n = p.nextToken()) {
          String name = p.currentName();
          map.put(name, read(p, p.nextToken(), problems, strings));
        }
        return new AvsbValue.Obj(map);
      }
      case START_ARRAY: {
        List<AvsbValue> list = new ArrayList<>();
        for (JsonToken n = p.nextToken(); n != JsonToken.END_ARRAY; n = p.nextToken()) {
          list.add(read(p, n, problems, strings));
        }
        return new AvsbValue.Arr(list);
      }
      case VALUE_STRING:
        return strings == null ? AvsbValue.of(p.getText()) : strings.apply(p.getText());
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        double d = p.getDoubleValue();
        if (Double.isFinite(d)) {
          return number(d);
        }
        if (problems == null) {
          throw new com.fasterxml.jackson.core.JsonParseException(p, "number out of range");
        }
        String name = p.currentName();
        String text = p.getText();
        problems.accept("a number out of range" + (name == null ? "" : " in " + LogText.of(name))
            + ": " + (text.length() > 24 ? text.substring(0, 24) + "..." : text));
        return AvsbValue.NULL;
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

  // Small integers (variation indexes, weights, versions) are read once per data set, millions of
  // times: one shared instance each.
  private static final AvsbValue[] SMALL_INTS = smallInts();

  private static AvsbValue[] smallInts() {
    AvsbValue[] out = new AvsbValue[1025];
    for (int i = 0; i < out.length; i++) {
      out[i] = AvsbValue.of(i);
    }
    return out;
  }

  /**
   * The value of the finite number {@code d} as {@link #read} gives it: the shared instance for
   * an integer from 0 to 1024.
   */
  public static AvsbValue number(double d) {
    if (d >= 0 && d < SMALL_INTS.length && d == (int) d) {
      return SMALL_INTS[(int) d];
    }
    return AvsbValue.of(d);
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

  /**
   * A generator writing compact JSON as UTF-8 to {@code out}, as {@link #write(AvsbValue)} writes
   * text and {@code getBytes(UTF_8)} encodes it, byte for byte: same escapes and numbers, a
   * character outside the Basic Multilingual Plane as its 4 UTF-8 bytes, a lone surrogate as
   * {@code ?}. Any number of values may be written one after the other, with nothing between
   * them. Not thread-safe; the caller closes it.
   */
  public static JsonGenerator utf8Generator(OutputStream out) throws IOException {
    JsonGenerator g = UTF8_FACTORY.createGenerator(out);
    g.setRootValueSeparator(null);
    return new LoneSurrogateReplacer(g);
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
      writeNumber(n.value(), g);
    } else if (value instanceof AvsbValue.Bool b) {
      g.writeBoolean(b.value());
    } else {
      g.writeNull();
    }
  }

  /** Writes a number as {@link #write(AvsbValue)} does: integral ones without a fraction. */
  public static void writeNumber(double d, JsonGenerator g) throws IOException {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      g.writeNumber((long) d);
    } else {
      g.writeNumber(d);
    }
  }
}
