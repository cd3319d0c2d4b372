package io.avsb.internal.store;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.avsb.AvsbValue;
import io.avsb.internal.json.JsonCodec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The token plumbing of {@link ItemTokens}: reads one item's tokens from a JSON parser as typed
 * values, logging each token, and ends the clean read ({@link NotClean}) at anything the model
 * does not take as it is; then {@link #rebuild()} makes the item's JSON value, exactly as {@link
 * JsonCodec#readLenient} would have read it, from the log and the rest of the parser's tokens.
 * Not thread-safe: one item at a time.
 */
abstract class TokenReader implements Consumer<String> {
  // the kinds of logged token
  static final byte START_OBJECT = 1;
  static final byte START_ARRAY = 2;
  static final byte END_OBJECT = 3;
  static final byte END_ARRAY = 4;
  static final byte FIELD = 5;
  static final byte STRING = 6;
  static final byte NUMBER = 7;
  static final byte VALUE = 8;

  /** Thrown (once made, without a stack trace) when an item is not clean. */
  static final class NotClean extends Exception {
    private static final long serialVersionUID = 1L;

    NotClean() {
      super("not clean", null, false, false);
    }
  }

  static final NotClean NOT_CLEAN = new NotClean();

  JsonParser p;
  Function<String, AvsbValue> strings;
  String problem;
  // the tokens of the item read so far: kind, text (name or string) or value, number
  private byte[] kinds = new byte[256];
  private Object[] objects = new Object[256];
  private double[] numbers = new double[256];
  private int size;
  private int cursor;
  // set by next() for a string or number token
  String text;
  double number;
  // set by take() for a whole value
  private AvsbValue taken;

  /** Starts reading an item at {@code p}'s current token. */
  void begin(JsonParser p, Function<String, AvsbValue> strings) {
    this.p = p;
    this.strings = strings;
    this.problem = null;
    this.size = 0;
  }

  /** Lets go of the item's tokens and the parser. */
  void end() {
    Arrays.fill(objects, 0, size, null);
    this.p = null;
    this.strings = null;
  }

  /** The first problem reading the item (a number out of range), as JsonCodec words it. */
  @Override
  public void accept(String problem) {
    if (this.problem == null) {
      this.problem = problem;
    }
  }

  // ---- the token log ----

  void log(byte kind, Object object, double n) {
    if (size == kinds.length) {
      kinds = Arrays.copyOf(kinds, size * 2);
      objects = Arrays.copyOf(objects, size * 2);
      numbers = Arrays.copyOf(numbers, size * 2);
    }
    kinds[size] = kind;
    objects[size] = object;
    numbers[size++] = n;
  }

  /**
   * The next token, logged; a string's text or a number is left in {@link #text} or {@link
   * #number}. A number too large for a double ends the clean read, as any token JSON does not
   * have (which fails the read as JsonCodec fails it).
   */
  JsonToken next() throws IOException, NotClean {
    JsonToken t = p.nextToken();
    if (t == null) {
      throw new JsonParseException(p, "unexpected end of the item");
    }
    switch (t) {
      case START_OBJECT -> log(START_OBJECT, null, 0);
      case START_ARRAY -> log(START_ARRAY, null, 0);
      case END_OBJECT -> log(END_OBJECT, null, 0);
      case END_ARRAY -> log(END_ARRAY, null, 0);
      case FIELD_NAME -> {
        text = p.currentName();
        log(FIELD, text, 0);
      }
      case VALUE_STRING -> {
        text = p.getText();
        log(STRING, text, 0);
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        number = p.getDoubleValue();
        if (!Double.isFinite(number)) {
          // JsonCodec words the problem and reads the number as null
          log(VALUE, JsonCodec.readLenient(p, t, this, strings), 0);
          throw NOT_CLEAN;
        }
        log(NUMBER, null, number);
      }
      case VALUE_TRUE -> log(VALUE, AvsbValue.TRUE, 0);
      case VALUE_FALSE -> log(VALUE, AvsbValue.FALSE, 0);
      case VALUE_NULL -> log(VALUE, AvsbValue.NULL, 0);
      default -> throw new JsonParseException(p, "unexpected token " + t);
    }
    return t;
  }

  /** The item as a JSON value: the logged tokens, then the parser's up to the item's end. */
  AvsbValue rebuild() throws IOException {
    cursor = 0;
    return value(take());
  }

  // the next token of the log or, past its end, of the parser (a whole value at once)
  private byte take() throws IOException {
    if (cursor < size) {
      byte kind = kinds[cursor];
      text = kind == FIELD || kind == STRING ? (String) objects[cursor] : null;
      taken = kind == VALUE ? (AvsbValue) objects[cursor] : null;
      number = numbers[cursor++];
      return kind;
    }
    JsonToken t = p.nextToken();
    if (t == JsonToken.FIELD_NAME) {
      text = p.currentName();
      return FIELD;
    }
    if (t == JsonToken.END_OBJECT) {
      return END_OBJECT;
    }
    if (t == JsonToken.END_ARRAY) {
      return END_ARRAY;
    }
    taken = JsonCodec.readLenient(p, t, this, strings);
    return VALUE;
  }

  private AvsbValue value(byte kind) throws IOException {
    switch (kind) {
      case START_OBJECT: {
        Map<String, AvsbValue> map = new LinkedHashMap<>();
        for (byte k = take(); k != END_OBJECT; k = take()) {
          String name = text;
          map.put(name, value(take()));
        }
        return new AvsbValue.Obj(map);
      }
      case START_ARRAY: {
        List<AvsbValue> list = new ArrayList<>();
        for (byte k = take(); k != END_ARRAY; k = take()) {
          list.add(value(k));
        }
        return new AvsbValue.Arr(list);
      }
      case STRING:
        return strings.apply(text);
      case NUMBER:
        return JsonCodec.number(number);
      case VALUE:
        return taken;
      default:
        throw new IllegalStateException("token " + kind + " where a value starts");
    }
  }

  // ---- typed reads of a value whose first token t has been read; anything else is not clean ----

  void skip(JsonToken t) throws IOException, NotClean {
    if (t != JsonToken.START_OBJECT && t != JsonToken.START_ARRAY) {
      return;
    }
    int depth = 1;
    while (depth > 0) {
      JsonToken n = next();
      if (n == JsonToken.START_OBJECT || n == JsonToken.START_ARRAY) {
        depth++;
      } else if (n == JsonToken.END_OBJECT || n == JsonToken.END_ARRAY) {
        depth--;
      }
    }
  }

  static boolean bool(JsonToken t) throws NotClean {
    if (t == JsonToken.VALUE_TRUE) {
      return true;
    }
    if (t == JsonToken.VALUE_FALSE || t == JsonToken.VALUE_NULL) {
      return false;
    }
    throw NOT_CLEAN;
  }

  String string(JsonToken t) throws NotClean {
    if (t == JsonToken.VALUE_STRING) {
      return strings.apply(text).stringValue();
    }
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    throw NOT_CLEAN;
  }

  Integer optInteger(JsonToken t) throws NotClean {
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    double d = number;
    if (!t.isNumeric() || d != Math.rint(d) || d < Integer.MIN_VALUE || d > Integer.MAX_VALUE) {
      throw NOT_CLEAN;
    }
    return (int) d;
  }

  long longNumber(JsonToken t) throws NotClean {
    if (t == JsonToken.VALUE_NULL) {
      return 0;
    }
    if (!t.isNumeric()) {
      throw NOT_CLEAN;
    }
    return (long) number;
  }

  /** Whether an array (true) or null (false) starts; anything else is not clean. */
  static boolean array(JsonToken t) throws NotClean {
    if (t == JsonToken.START_ARRAY) {
      return true;
    }
    if (t == JsonToken.VALUE_NULL) {
      return false;
    }
    throw NOT_CLEAN;
  }

  /** Whether an object (true) or null (false) starts; anything else is not clean. */
  static boolean object(JsonToken t) throws NotClean {
    if (t == JsonToken.START_OBJECT) {
      return true;
    }
    if (t == JsonToken.VALUE_NULL) {
      return false;
    }
    throw NOT_CLEAN;
  }

  /** An array of any JSON values, or null for null; each element read as JsonCodec reads it. */
  List<AvsbValue> values(JsonToken t) throws IOException, NotClean {
    if (!array(t)) {
      return null;
    }
    List<AvsbValue> out = new ArrayList<>();
    for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
      if (e == null) {
        throw new JsonParseException(p, "unexpected end of the item");
      }
      AvsbValue v = JsonCodec.readLenient(p, e, this, strings);
      log(VALUE, v, 0);
      if (problem != null) {
        throw NOT_CLEAN;
      }
      out.add(v);
    }
    log(END_ARRAY, null, 0);
    return out;
  }

  /** An array of strings as a set, or null for null. */
  Set<String> stringSet(JsonToken t) throws IOException, NotClean {
    if (!array(t)) {
      return null;
    }
    List<String> list = new ArrayList<>();
    for (JsonToken e = next(); e != JsonToken.END_ARRAY; e = next()) {
      if (e != JsonToken.VALUE_STRING) {
        throw NOT_CLEAN;
      }
      list.add(strings.apply(text).stringValue());
    }
    return RawItems.toSet(list);
  }

  /** The bit of a property of one object; a second sighting is not clean (the last would win). */
  static long once(long seen, int bit) throws NotClean {
    long b = 1L << bit;
    if ((seen & b) != 0) {
      throw NOT_CLEAN;
    }
    return seen | b;
  }
}
