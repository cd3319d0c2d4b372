package io.avsb.internal.datasource;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.avsb.AvsbConfig;
import io.avsb.AvsbValue;
import io.avsb.internal.json.JsonCodec;
import io.avsb.spi.DataKind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the text of a flags file into a full data set ({@code {"flags": ..., "segments": ...}}).
 *
 * <p>A file ending in {@code .yml} or {@code .yaml} is YAML, any other JSON. The document is an
 * object with any of: {@code flags} (flags in the A vs B flag model, by key), {@code segments}
 * (segments by key) and {@code flagValues} (key to value: each becomes a flag that is on, with the
 * value as its one variation, served by fallthrough and when off, at version 1). A key may not be
 * both in {@code flags} and in {@code flagValues}. JSON and YAML are read with the limits of {@link
 * JsonCodec#factory(int)}; a number too large for a double makes only its item malformed.
 * Thread-safe.
 */
public final class FlagFileParser {
  private static final Set<String> TOP_LEVEL = Set.of("flags", "segments", "flagValues");

  private FlagFileParser() {}

  /** Whether a file of this name is read as YAML. */
  public static boolean isYaml(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    return lower.endsWith(".yml") || lower.endsWith(".yaml");
  }

  /**
   * Parses the file's bytes into a full data set, with the default limits.
   *
   * @throws IllegalArgumentException with a message fit for a log line when the content is bad
   */
  public static AvsbValue parse(byte[] content, boolean yaml) {
    try {
      return parse(content, yaml, AvsbConfig.DEFAULT_MAX_DATA_BYTES).toValue();
    } catch (IOException e) {
      throw new IllegalStateException("a parsed file cannot fail to read", e);
    }
  }

  /**
   * The file's bytes, read with the limits for {@code maxBytes}, as a data set whose items carry
   * any problem reading them. The text is parsed as the set is read, each item handed over as soon
   * as it is complete, so no parse tree of the whole file is held (a large file's trees would
   * otherwise be copied from one young collection to the next while the load runs). A bad file
   * makes the read throw, after items may have been handed over; the store then applies none.
   * Readable once or more: each read parses the bytes again.
   *
   * @throws IllegalArgumentException from {@link DataSet#read}, with a message fit for a log line,
   *     when the content is bad
   */
  public static DataSet parse(byte[] content, boolean yaml, int maxBytes) {
    return items -> {
      if (yaml) {
        Yaml.read(content, maxBytes, items);
      } else {
        readJson(content, maxBytes, items);
      }
    };
  }

  private static AvsbValue simpleFlag(String key, AvsbValue value) {
    Map<String, AvsbValue> flag = new LinkedHashMap<>();
    flag.put("key", AvsbValue.of(key));
    flag.put("version", AvsbValue.of(1));
    flag.put("on", AvsbValue.TRUE);
    flag.put("variations", AvsbValue.arrayOf(value));
    flag.put("fallthrough", new AvsbValue.Obj(Map.of("variation", AvsbValue.of(0))));
    flag.put("offVariation", AvsbValue.of(0));
    return new AvsbValue.Obj(flag);
  }

  private static void readJson(byte[] content, int maxBytes, DataSet.Items items) {
    JsonFactory factory = JsonCodec.factory(maxBytes);
    try (JsonParser p = factory.createParser(
        new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.UTF_8))) {
      JsonToken t = p.nextToken();
      if (t == null) {
        throw new IllegalArgumentException("invalid JSON: no JSON content");
      }
      document(p, t, items);
      if (p.nextToken() != null) {
        throw new IllegalArgumentException("invalid JSON: trailing content after JSON value"
            + where(p.currentLocation()));
      }
    } catch (StreamConstraintsException e) {
      throw new IllegalArgumentException("the file holds " + JsonCodec.describe(e, factory)
          + where(e.getLocation()), e);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("invalid JSON: " + e.getOriginalMessage() + where(e.getLocation()), e);
    } catch (IOException e) {
      throw new IllegalArgumentException("invalid JSON: " + e.getMessage(), e);
    }
  }

  // YAML support is loaded only for a YAML file: its own class, so that reading a JSON file does
  // not load (or verify against) the YAML factory
  private static final class Yaml {
    private Yaml() {}

    static void read(byte[] content, int maxBytes, DataSet.Items items) {
      YAMLFactory factory = YAMLFactory.builder().streamReadConstraints(JsonCodec.constraints(maxBytes)).build();
      try (JsonParser p = factory.createParser(content)) {
        JsonToken t = p.nextToken();
        if (t == null) {
          throw new IllegalArgumentException("invalid YAML: the file is empty");
        }
        document(p, t, items);
      } catch (StreamConstraintsException e) {
        throw new IllegalArgumentException("the file holds " + JsonCodec.describe(e, factory)
            + where(e.getLocation()), e);
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("invalid YAML: " + e.getOriginalMessage() + where(e.getLocation()), e);
      } catch (IOException e) {
        throw new IllegalArgumentException("invalid YAML: " + e.getMessage(), e);
      }
    }
  }

  /**
   * The top-level object: each known entry's items, handed over one by one as they are read (a
   * {@code flagValues} entry as the flag it stands for); unknown entries and a key in both {@code
   * flags} and {@code flagValues} fail the read once the object has been read or the key is seen.
   */
  private static void document(JsonParser p, JsonToken t, DataSet.Items items) throws IOException {
    if (t != JsonToken.START_OBJECT) {
      throw new IllegalArgumentException("the file must hold an object with \"flags\", "
          + "\"segments\" or \"flagValues\"");
    }
    List<String> unknown = new ArrayList<>();
    Set<String> flagKeys = new HashSet<>();
    Set<String> valueKeys = new HashSet<>();
    DataSetReader.SharedStrings strings = new DataSetReader.SharedStrings();
    for (t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      if (!TOP_LEVEL.contains(name)) {
        unknown.add(name);
        p.skipChildren();
      } else if (value == JsonToken.START_OBJECT) {
        boolean values = name.equals("flagValues");
        DataKind kind = name.equals("segments") ? DataKind.SEGMENTS : DataKind.FLAGS;
        for (JsonToken e = p.nextToken(); e != JsonToken.END_OBJECT; e = p.nextToken()) {
          String key = p.currentName();
          JsonToken first = p.nextToken();
          DataSetReader.Problem problem = new DataSetReader.Problem();
          AvsbValue json = values ? JsonCodec.readLenient(p, first, problem, strings) : null;
          if (!values) {
            // read and handed over at once: the store reads it straight from the tokens; a key
            // also in "flagValues" still fails the whole file below, so nothing is applied
            items.item(kind, key, p, strings);
          }
          if (kind == DataKind.FLAGS) {
            (values ? valueKeys : flagKeys).add(key);
            if ((values ? flagKeys : valueKeys).contains(key)) {
              throw new IllegalArgumentException(
                  "flag \"" + key + "\" is in both \"flags\" and \"flagValues\"");
            }
          }
          if (values) {
            items.item(kind, key, simpleFlag(key, json), problem.text);
          }
        }
      } else if (value != JsonToken.VALUE_NULL) {
        throw new IllegalArgumentException("\"" + name + "\" must be an object of entries by key");
      }
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("unknown top-level entries " + unknown
          + "; expected \"flags\", \"segments\" or \"flagValues\"");
    }
  }

  private static String where(JsonLocation location) {
    if (location != null && location.getLineNr() > 0) {
      return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
    return "";
  }

}
