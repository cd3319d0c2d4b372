package io.avsb.internal.datasource;

import com.fasterxml.jackson.core.JsonParser;
import io.avsb.AvsbValue;
import io.avsb.internal.json.JsonCodec;
import io.avsb.spi.DataKind;
import java.io.IOException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A full data set ({@code {"flags": {...}, "segments": {...}}}) handed over one item at a time as
 * it is read, so that neither the data source nor the store holds the parse tree of the whole set.
 * An item that was read but cannot be represented (a number too large for a double) comes with a
 * problem, and is kept as a malformed item rather than failing the set. Reading may fail part-way:
 * the receiver then applies nothing. Implementations are read once, on one thread.
 */
@FunctionalInterface
public interface DataSet {
  /**
   * Hands every item to {@code items}, in document order.
   *
   * @throws StreamDataException when the data is not a usable data set (nothing may be applied)
   * @throws IOException when it cannot be read (a network error)
   */
  void read(Items items) throws IOException;

  /** Receives the items of a data set. */
  @FunctionalInterface
  interface Items {
    /**
     * One item.
     *
     * @param kind its kind
     * @param key its key
     * @param json its JSON form, as far as it could be read
     * @param problem why it cannot be used (safe for a log line), or null
     */
    void item(DataKind kind, String key, AvsbValue json, String problem);

    /**
     * One item whose JSON starts at {@code p}'s current token: reads it up to its last token and
     * hands it over. This default reads it as a JSON value (strings made by {@code strings}; a
     * number too large for a double makes the item's problem) and passes it to {@link
     * #item(DataKind, String, AvsbValue, String)}; the store reads the tokens straight into its
     * model instead.
     *
     * @throws IOException when the JSON cannot be read (nothing may then be applied)
     */
    default void item(DataKind kind, String key, JsonParser p,
        Function<String, AvsbValue> strings) throws IOException {
      DataSetReader.Problem problem = new DataSetReader.Problem();
      AvsbValue json = JsonCodec.readLenient(p, p.currentToken(), problem, strings);
      item(kind, key, json, problem.text);
    }
  }

  /**
   * The whole data set as one JSON value, for a {@link io.avsb.spi.DataSourceUpdates} that takes
   * only that: an item with a problem becomes a JSON string holding it, which, not being an
   * object, any store keeps as a malformed item.
   */
  default AvsbValue toValue() throws IOException {
    Map<DataKind, Map<String, AvsbValue>> kinds = new EnumMap<>(DataKind.class);
    for (DataKind kind : DataKind.values()) {
      kinds.put(kind, new LinkedHashMap<>());
    }
    read((kind, key, json, problem) ->
        kinds.get(kind).put(key, problem == null ? json : AvsbValue.of("unusable item: " + problem)));
    Map<String, AvsbValue> out = new LinkedHashMap<>();
    kinds.forEach((kind, items) -> out.put(kind.jsonName(), new AvsbValue.Obj(items)));
    return new AvsbValue.Obj(out);
  }
}
