package io.avsb.internal.datasource;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.avsb.AvsbValue;
import io.avsb.spi.DataKind;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads a full data set ({@code {"flags": {...}, "segments": {...}}}) from a JSON parser, handing
 * each item over as soon as it is read. Other properties are skipped; a missing or null {@code
 * flags} or {@code segments} counts as empty. A number too large for a double makes only its item
 * unusable (see {@link DataSet.Items}). Equal short strings of one data set are read as one value.
 * Stateless and thread-safe.
 */
final class DataSetReader {
  private DataSetReader() {}

  /**
   * Reads the object at the parser's current token, which must be its {@code START_OBJECT}; {@code
   * what} names it in error messages.
   *
   * @throws StreamDataException when it is not a data set
   * @throws IOException when the JSON cannot be read
   */
  static void read(JsonParser p, String what, DataSet.Items items) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw new StreamDataException(what + " is not a JSON object");
    }
    SharedStrings strings = new SharedStrings();
    for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      DataKind kind = kind(name);
      if (kind == null || value == JsonToken.VALUE_NULL) {
        p.skipChildren();
        continue;
      }
      if (value != JsonToken.START_OBJECT) {
        throw new StreamDataException(what + " has a \"" + name + "\" that is not an object");
      }
      for (JsonToken e = p.nextToken(); e != JsonToken.END_OBJECT; e = p.nextToken()) {
        String key = p.currentName();
        p.nextToken();
        items.item(kind, key, p, strings);
      }
    }
  }

  /**
   * Reads a whole document that is one data set.
   *
   * @throws StreamDataException when it is not one
   * @throws IOException when the JSON cannot be read
   */
  static void readDocument(JsonParser p, String what, DataSet.Items items) throws IOException {
    JsonToken t = p.nextToken();
    if (t == null) {
      throw new com.fasterxml.jackson.core.JsonParseException(p, "no JSON content");
    }
    if (t != JsonToken.START_OBJECT) {
      p.skipChildren();
      expectEnd(p);
      throw new StreamDataException(what + " is not a JSON object");
    }
    read(p, what, items);
    expectEnd(p);
  }

  /** Checks that nothing follows the document. */
  static void expectEnd(JsonParser p) throws IOException {
    if (p.nextToken() != null) {
      throw new com.fasterxml.jackson.core.JsonParseException(p, "trailing content after JSON value");
    }
  }

  private static DataKind kind(String name) {
    for (DataKind kind : DataKind.values()) {
      if (kind.jsonName().equals(name)) {
        return kind;
      }
    }
    return null;
  }

  /**
   * One value for equal short strings of one data set: the same attribute names, clause values and
   * variations recur in many flags. Stops adding at 16,384 strings.
   */
  static final class SharedStrings implements Function<String, AvsbValue> {
    private static final int MAX_LENGTH = 64;
    private static final int MAX_ENTRIES = 16_384;
    private final Map<String, AvsbValue> seen = new HashMap<>();

    @Override
    public AvsbValue apply(String s) {
      if (s.length() > MAX_LENGTH) {
        return AvsbValue.of(s);
      }
      AvsbValue shared = seen.get(s);
      if (shared == null) {
        shared = AvsbValue.of(s);
        if (seen.size() < MAX_ENTRIES) {
          seen.put(s, shared);
        }
      }
      return shared;
    }
  }

  /** The first problem found in one item. */
  static final class Problem implements Consumer<String> {
    String text;

    @Override
    public void accept(String problem) {
      if (text == null) {
        text = problem;
      }
    }
  }
}
