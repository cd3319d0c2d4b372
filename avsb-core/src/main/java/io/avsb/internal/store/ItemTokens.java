package io.avsb.internal.store;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.avsb.AvsbValue;
import io.avsb.EvaluationDetail;
import io.avsb.EvaluationReason;
import io.avsb.internal.json.JsonCodec;
import io.avsb.spi.DataKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads one flag or segment straight from a JSON parser's tokens into what the store keeps, with
 * the result {@link DataSetLoad#parse} gives for the same item read as a JSON value and parsed by
 * {@link FlagParser}, without building that value: no map per object, no copy of it.
 *
 * <p>The tokens are read into plain holders (property values by name, the last of a repeated
 * name), then the model is built from them in {@link FlagParser}'s order, with its constructors
 * and {@link Shared}. Only clean items take that way. Any item that is not (a property of another
 * type than the model's, a repeated property, a number too large for a double, a part the model's
 * constructors reject, or an item that is not an object) is read as a JSON value, from the tokens
 * already seen (each kept in a small log) and the rest of the parser's, and handed to {@link
 * DataSetLoad#parse}: its result, and its malformed item's message, are exactly {@link
 * FlagParser}'s. Not thread-safe: one per load.
 */
final class ItemTokens implements Consumer<String> {
  // the kinds of logged token
  private static final byte START_OBJECT = 1;
  private static final byte START_ARRAY = 2;
  private static final byte END_OBJECT = 3;
  private static final byte END_ARRAY = 4;
  private static final byte FIELD = 5;
  private static final byte STRING = 6;
  private static final byte NUMBER = 7;
  private static final byte VALUE = 8;

  /** Thrown (once made, without a stack trace) when an item is not clean. */
  private static final class NotClean extends Exception {
    private static final long serialVersionUID = 1L;

    NotClean() {
      super("not clean", null, false, false);
    }
  }

  private static final NotClean NOT_CLEAN = new NotClean();

  private final Shared shared;
  private JsonParser p;
  private Function<String, AvsbValue> strings;
  private String problem;
  // the tokens of the item read so far: kind, text (name or string) or value, number
  private byte[] kinds = new byte[256];
  private Object[] objects = new Object[256];
  private double[] numbers = new double[256];
  private int size;
  private int cursor;
  private int valueReads;
  // set by next() for a string or number token
  private String text;
  private double number;
  // set by take() for a whole value
  private AvsbValue taken;

  ItemTokens(Shared shared) {
    this.shared = shared;
  }

  /**
   * Reads the item whose first token is {@code p}'s current one, up to its last token, as {@link
   * DataSetLoad#parse} would with the item's JSON value and the first problem found reading it.
   *
   * @throws IOException when the JSON cannot be read
   */
  StoredItem<?> read(DataKind kind, String key, JsonParser p, Function<String, AvsbValue> strings)
      throws IOException {
    this.p = p;
    this.strings = strings;
    this.problem = null;
    this.size = 0;
    try {
      JsonToken t = p.currentToken();
      if (t != JsonToken.START_OBJECT) {
        valueReads++;
        AvsbValue json = JsonCodec.readLenient(p, t, this, strings);
        return DataSetLoad.parse(kind, key, json, problem, shared);
      }
      log(START_OBJECT, null, 0);
      if (kind == DataKind.FLAGS) {
        RawFlag raw = flag();
        try {
          return raw.deleted ? StoredItem.tombstone(raw.version)
              : new StoredItem<>(raw.version, raw.build(key, shared));
        } catch (RuntimeException e) {
          // the whole item has been read (the log holds it): FlagParser says why
          return DataSetLoad.parse(kind, key, rebuild(), problem, shared);
        }
      }
      RawSegment raw = segment();
      try {
        return raw.deleted ? StoredItem.tombstone(raw.version)
            : new StoredItem<>(raw.version, raw.build(key));
      } catch (RuntimeException e) {
        return DataSetLoad.parse(kind, key, rebuild(), problem, shared);
      }
    } catch (NotClean e) {
      return DataSetLoad.parse(kind, key, rebuild(), problem, shared);
    } finally {
      Arrays.fill(objects, 0, size, null);
      this.p = null;
      this.strings = null;
    }
  }

  /** How many items were read as JSON values (not clean), for the load's debug line. */
  int valueReads() {
    return valueReads;
  }

  /** The first problem reading the item (a number out of range), as JsonCodec words it. */
  @Override
  public void accept(String problem) {
    if (this.problem == null) {
      this.problem = problem;
    }
  }

  // ---- the token log ----

  private void log(byte kind, Object object, double n) {
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
  private JsonToken next() throws IOException, NotClean {
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
  private AvsbValue rebuild() throws IOException {
    valueReads++;
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

  private void skip(JsonToken t) throws IOException, NotClean {
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

  private static boolean bool(JsonToken t) throws NotClean {
    if (t == JsonToken.VALUE_TRUE) {
      return true;
    }
    if (t == JsonToken.VALUE_FALSE || t == JsonToken.VALUE_NULL) {
      return false;
    }
    throw NOT_CLEAN;
  }

  private String string(JsonToken t) throws NotClean {
    if (t == JsonToken.VALUE_STRING) {
      return strings.apply(text).stringValue();
    }
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    throw NOT_CLEAN;
  }

  private Integer optInteger(JsonToken t) throws NotClean {
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    double d = number;
    if (!t.isNumeric() || d != Math.rint(d) || d < Integer.MIN_VALUE || d > Integer.MAX_VALUE) {
      throw NOT_CLEAN;
    }
    return (int) d;
  }

  private long longNumber(JsonToken t) throws NotClean {
    if (t == JsonToken.VALUE_NULL) {
      return 0;
    }
    if (!t.isNumeric()) {
      throw NOT_CLEAN;
    }
    return (long) number;
  }

  /** Whether an array (true) or null (false) starts; anything else is not clean. */
  private static boolean array(JsonToken t) throws NotClean {
    if (t == JsonToken.START_ARRAY) {
      return true;
    }
    if (t == JsonToken.VALUE_NULL) {
      return false;
    }
    throw NOT_CLEAN;
  }

  /** Whether an object (true) or null (false) starts; anything else is not clean. */
  private static boolean object(JsonToken t) throws NotClean {
    if (t == JsonToken.START_OBJECT) {
      return true;
    }
    if (t == JsonToken.VALUE_NULL) {
      return false;
    }
    throw NOT_CLEAN;
  }

  /** An array of any JSON values, or null for null; each element read as JsonCodec reads it. */
  private List<AvsbValue> values(JsonToken t) throws IOException, NotClean {
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
  private Set<String> stringSet(JsonToken t) throws IOException, NotClean {
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
    return toSet(list);
  }

  // as FlagParser makes it, so that the store holds the same tables
  private static Set<String> toSet(List<String> list) {
    Set<String> out = new HashSet<>(list.size() * 2);
    out.addAll(list);
    return out;
  }

  /** The bit of a property of one object; a second sighting is not clean (the last would win). */
  private static long once(long seen, int bit) throws NotClean {
    long b = 1L << bit;
    if ((seen & b) != 0) {
      throw NOT_CLEAN;
    }
    return seen | b;
  }

  // ---- flags ----

  private RawFlag flag() throws IOException, NotClean {
    RawFlag f = new RawFlag();
    long seen = 0;
    for (JsonToken n = next(); n != JsonToken.END_OBJECT; n = next()) {
      String name = text;
      JsonToken t = next();
      switch (name) {
        case "version" -> {
          seen = once(seen, 0);
          Integer v = optInteger(t);
          f.version = v == null ? 0 : v;
        }
        case "deleted" -> {
          seen = once(seen, 1);
          f.deleted = bool(t);
        }
        case "variations" -> {
          seen = once(seen, 2);
          f.variations = values(t);
        }
        case "salt" -> {
          seen = once(seen, 3);
          f.salt = string(t);
        }
        case "offVariation" -> {
          seen = once(seen, 4);
          f.offVariation = optInteger(t);
        }
        case "prerequisites" -> {
          seen = once(seen, 5);
          f.prerequisites = prerequisites(t);
        }
        case "targets" -> {
          seen = once(seen, 6);
          f.targets = targets(t, false, true);
        }
        case "contextTargets" -> {
          seen = once(seen, 7);
          f.contextTargets = targets(t, true, true);
        }
        case "rules" -> {
          seen = once(seen, 8);
          f.rules = rules(t);
        }
        case "fallthrough" -> {
          seen = once(seen, 9);
          f.fallthrough = object(t) ? outcome(new RawOutcome()) : null;
        }
        case "clientSideAvailability" -> {
          seen = once(seen, 10);
          f.availability = object(t) ? availability() : null;
        }
        case "clientSide" -> {
          seen = once(seen, 11);
          f.clientSide = bool(t);
        }
        case "on" -> {
          seen = once(seen, 12);
          f.on = bool(t);
        }
        case "trackEvents" -> {
          seen = once(seen, 13);
          f.trackEvents = bool(t);
        }
        case "trackEventsFallthrough" -> {
          seen = once(seen, 14);
          f.trackEventsFallthrough = bool(t);
        }
        case "debugEventsUntilDate" -> {
          seen = once(seen, 15);
          f.debugEventsUntilDate = longNumber(t);
        }
        default -> skip(t);
      }
    }
    return f;
  }

  private List<RawPrerequisite> prerequisites(JsonToken t) throws IOException, NotClean {
    if (!array(t)) {
      return null;
    }
    List<RawPrerequisite> out = new ArrayList<>();
    for (JsonToken e = next(); e != JsonToken.END_ARRAY; e = next()) {
      if (e != JsonToken.START_OBJECT) {
        throw NOT_CLEAN;
      }
      RawPrerequisite p = new RawPrerequisite();
      long seen = 0;
      for (JsonToken n = next(); n != JsonToken.END_OBJECT; n = next()) {
        String name = text;
        JsonToken v = next();
        switch (name) {
          case "key" -> {
            seen = once(seen, 0);
            p.key = string(v);
          }
          case "variation" -> {
            seen = once(seen, 1);
            p.variation = optInteger(v);
          }
          default -> skip(v);
        }
      }
      if (p.key == null || p.variation == null) {
        throw NOT_CLEAN;
      }
      out.add(p);
    }
    return out;
  }

  /**
   * Targets: a flag's (with a required variation, and a context kind in {@code contextTargets})
   * or a segment's (a context kind, no variation).
   */
  private List<RawTarget> targets(JsonToken t, boolean withKind, boolean withVariation)
      throws IOException, NotClean {
    if (!array(t)) {
      return null;
    }
    List<RawTarget> out = new ArrayList<>();
    for (JsonToken e = next(); e != JsonToken.END_ARRAY; e = next()) {
      if (e != JsonToken.START_OBJECT) {
        throw NOT_CLEAN;
      }
      RawTarget target = new RawTarget();
      Integer variation = null;
      long seen = 0;
      for (JsonToken n = next(); n != JsonToken.END_OBJECT; n = next()) {
        String name = text;
        JsonToken v = next();
        if (withVariation && name.equals("variation")) {
          seen = once(seen, 0);
          variation = optInteger(v);
        } else if (name.equals("values")) {
          seen = once(seen, 1);
          target.values = stringSet(v);
        } else if (withKind && name.equals("contextKind")) {
          seen = once(seen, 2);
          target.kind = kind(string(v));
        } else {
          skip(v);
        }
      }
      if (withVariation && variation == null) {
        throw NOT_CLEAN;
      }
      target.variation = withVariation ? variation : 0;
      out.add(target);
    }
    return out;
  }

  private List<RawRule> rules(JsonToken t) throws IOException, NotClean {
    if (!array(t)) {
      return null;
    }
    List<RawRule> out = new ArrayList<>();
    for (JsonToken e = next(); e != JsonToken.END_ARRAY; e = next()) {
      if (e != JsonToken.START_OBJECT) {
        throw NOT_CLEAN;
      }
      RawRule r = new RawRule();
      long seen = 0;
      for (JsonToken n = next(); n != JsonToken.END_OBJECT; n = next()) {
        String name = text;
        JsonToken v = next();
        switch (name) {
          case "id" -> {
            seen = once(seen, 0);
            r.id = string(v);
          }
          case "clauses" -> {
            seen = once(seen, 1);
            r.clauses = clauses(v);
          }
          case "trackEvents" -> {
            seen = once(seen, 2);
            r.trackEvents = bool(v);
          }
          case "variation" -> {
            seen = once(seen, 3);
            r.variation = optInteger(v);
          }
          case "rollout" -> {
            seen = once(seen, 4);
            r.rollout = object(v) ? rollout() : null;
          }
          default -> skip(v);
        }
      }
      out.add(r);
    }
    return out;
  }

  /** The rest of an outcome object (its START_OBJECT read): a variation and a rollout. */
  private RawOutcome outcome(RawOutcome o) throws IOException, NotClean {
    long seen = 0;
    for (JsonToken n = next(); n != JsonToken.END_OBJECT; n = next()) {
      String name = text;
      JsonToken v = next();
      if (name.equals("variation")) {
        seen = once(seen, 0);
        o.variation = optInteger(v);
      } else if (name.equals("rollout")) {
        seen = once(seen, 1);
        o.rollout = object(v) ? rollout() : null;
      } else {
        skip(v);
      }
    }
    return o;
  }

  private RawRollout rollout() throws IOException, NotClean {
    RawRollout r = new RawRollout();
    long seen = 0;
    for (JsonToken n = next(); n != JsonToken.END_OBJECT; n = next()) {
      String name = text;
      JsonToken v = next();
      switch (name) {
        case "variations" -> {
          seen = once(seen, 0);
          r.variations = weighted(v);
        }
        case "contextKind" -> {
          seen = once(seen, 1);
          r.contextKind = string(v);
        }
        case "bucketBy" -> {
          seen = once(seen, 2);
          r.bucketBy = string(v);
        }
        case "kind" -> {
          seen = once(seen, 3);
          r.kind = string(v);
        }
        case "seed" -> {
          seen = once(seen, 4);
          r.seed = optInteger(v);
        }
        default -> skip(v);
      }
    }
    return r;
  }

  private List<WeightedVariation> weighted(JsonToken t) throws IOException, NotClean {
    if (!array(t)) {
      return null;
    }
    List<WeightedVariation> out = new ArrayList<>();
    for (JsonToken e = next(); e != JsonToken.END_ARRAY; e = next()) {
      if (e != JsonToken.START_OBJECT) {
        throw NOT_CLEAN;
      }
      Integer variation = null;
      Integer weight = null;
      boolean untracked = false;
      long seen = 0;
      for (JsonToken n = next(); n != JsonToken.END_OBJECT; n = next()) {
        String name = text;
        JsonToken v = next();
        switch (name) {
          case "variation" -> {
            seen = once(seen, 0);
            variation = optInteger(v);
          }
          case "weight" -> {
            seen = once(seen, 1);
            weight = optInteger(v);
          }
          case "untracked" -> {
            seen = once(seen, 2);
            untracked = bool(v);
          }
          default -> skip(v);
        }
      }
      if (variation == null) {
        throw NOT_CLEAN;
      }
      out.add(new WeightedVariation(variation, weight == null ? 0 : weight, untracked));
    }
    return out;
  }

  private boolean[] availability() throws IOException, NotClean {
    boolean[] a = new boolean[2];
    long seen = 0;
    for (JsonToken n = next(); n != JsonToken.END_OBJECT; n = next()) {
      String name = text;
      JsonToken v = next();
      if (name.equals("usingEnvironmentId")) {
        seen = once(seen, 0);
        a[0] = bool(v);
      } else if (name.equals("usingMobileKey")) {
        seen = once(seen, 1);
        a[1] = bool(v);
      } else {
        skip(v);
      }
    }
    return a;
  }

  private List<RawClause> clauses(JsonToken t) throws IOException, NotClean {
    if (!array(t)) {
      return null;
    }
    List<RawClause> out = new ArrayList<>();
    for (JsonToken e = next(); e != JsonToken.END_ARRAY; e = next()) {
      if (e != JsonToken.START_OBJECT) {
        throw NOT_CLEAN;
      }
      RawClause c = new RawClause();
      long seen = 0;
      for (JsonToken n = next(); n != JsonToken.END_OBJECT; n = next()) {
        String name = text;
        JsonToken v = next();
        switch (name) {
          case "contextKind" -> {
            seen = once(seen, 0);
            c.contextKind = string(v);
          }
          case "attribute" -> {
            seen = once(seen, 1);
            c.attribute = string(v);
          }
          case "op" -> {
            seen = once(seen, 2);
            c.op = string(v);
          }
          case "values" -> {
            seen = once(seen, 3);
            c.values = values(v);
          }
          case "negate" -> {
            seen = once(seen, 4);
            c.negate = bool(v);
          }
          default -> skip(v);
        }
      }
      out.add(c);
    }
    return out;
  }

  /** A context kind as FlagParser reads it: absent or empty is the default, null. */
  private static String kind(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  // ---- segments ----

  private RawSegment segment() throws IOException, NotClean {
    RawSegment s = new RawSegment();
    long seen = 0;
    for (JsonToken n = next(); n != JsonToken.END_OBJECT; n = next()) {
      String name = text;
      JsonToken t = next();
      switch (name) {
        case "version" -> {
          seen = once(seen, 0);
          Integer v = optInteger(t);
          s.version = v == null ? 0 : v;
        }
        case "deleted" -> {
          seen = once(seen, 1);
          s.deleted = bool(t);
        }
        case "rules" -> {
          seen = once(seen, 2);
          s.rules = segmentRules(t);
        }
        case "included" -> {
          seen = once(seen, 3);
          s.included = stringSet(t);
        }
        case "excluded" -> {
          seen = once(seen, 4);
          s.excluded = stringSet(t);
        }
        case "includedContexts" -> {
          seen = once(seen, 5);
          s.includedContexts = targets(t, true, false);
        }
        case "excludedContexts" -> {
          seen = once(seen, 6);
          s.excludedContexts = targets(t, true, false);
        }
        case "salt" -> {
          seen = once(seen, 7);
          s.salt = string(t);
        }
        case "unbounded" -> {
          seen = once(seen, 8);
          s.unbounded = bool(t);
        }
        default -> skip(t);
      }
    }
    return s;
  }

  private List<RawSegmentRule> segmentRules(JsonToken t) throws IOException, NotClean {
    if (!array(t)) {
      return null;
    }
    List<RawSegmentRule> out = new ArrayList<>();
    for (JsonToken e = next(); e != JsonToken.END_ARRAY; e = next()) {
      if (e != JsonToken.START_OBJECT) {
        throw NOT_CLEAN;
      }
      RawSegmentRule r = new RawSegmentRule();
      long seen = 0;
      for (JsonToken n = next(); n != JsonToken.END_OBJECT; n = next()) {
        String name = text;
        JsonToken v = next();
        switch (name) {
          case "id" -> {
            seen = once(seen, 0);
            r.id = string(v);
          }
          case "clauses" -> {
            seen = once(seen, 1);
            r.clauses = clauses(v);
          }
          case "weight" -> {
            seen = once(seen, 2);
            r.weight = optInteger(v);
          }
          case "bucketBy" -> {
            seen = once(seen, 3);
            r.bucketBy = string(v);
          }
          case "rolloutContextKind" -> {
            seen = once(seen, 4);
            r.rolloutContextKind = string(v);
          }
          default -> skip(v);
        }
      }
      out.add(r);
    }
    return out;
  }

  // ---- the holders, and the model built from them in FlagParser's order ----

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  private static final class RawFlag {
    int version;
    boolean deleted;
    List<AvsbValue> variations;
    String salt;
    Integer offVariation;
    List<RawPrerequisite> prerequisites;
    List<RawTarget> targets;
    List<RawTarget> contextTargets;
    List<RawRule> rules;
    RawOutcome fallthrough;
    boolean[] availability;
    boolean clientSide;
    boolean on;
    boolean trackEvents;
    boolean trackEventsFallthrough;
    long debugEventsUntilDate;

    Flag build(String key, Shared shared) {
      List<AvsbValue> variations = shared.variations(orEmpty(this.variations));
      String salt = this.salt == null ? "" : this.salt;
      EvaluationDetail<AvsbValue> offResult = FlagParser.offOrFailed(variations, offVariation,
          EvaluationReason.off(), shared);
      Set<String> segmentKeys = new LinkedHashSet<>();
      List<Prerequisite> prerequisites = new ArrayList<>();
      for (RawPrerequisite p : orEmpty(this.prerequisites)) {
        prerequisites.add(new Prerequisite(p.key, p.variation, FlagParser.offOrFailed(variations,
            offVariation, EvaluationReason.prerequisiteFailed(p.key), null)));
      }
      List<Target> userTargets = targets(orEmpty(targets), variations, shared);
      List<Target> contextTargets = targets(orEmpty(this.contextTargets), variations, shared);
      List<Rule> rules = new ArrayList<>();
      List<RawRule> rawRules = orEmpty(this.rules);
      for (int i = 0; i < rawRules.size(); i++) {
        rules.add(rawRules.get(i).build(i, key, salt, variations, segmentKeys, shared));
      }
      VariationOrRollout fallthrough = this.fallthrough == null
          ? VariationOrRollout.missingFallthrough()
          : this.fallthrough.build(key, salt, variations, EvaluationReason.fallthrough(),
              EvaluationReason.fallthrough(true), shared);
      boolean usingEnvironmentId = availability != null ? availability[0] : clientSide;
      // the older model had no mobile switch: mobile SDKs saw every flag
      boolean usingMobileKey = availability == null || availability[1];
      return new Flag(key, version, false, null, on, variations, salt, prerequisites,
          contextTargets.isEmpty() ? userTargets
              : FlagParser.resolvePlaceholders(contextTargets, userTargets),
          rules, fallthrough, offResult, trackEvents, trackEventsFallthrough, usingEnvironmentId,
          usingMobileKey, debugEventsUntilDate, segmentKeys);
    }

    private static List<Target> targets(List<RawTarget> raw, List<AvsbValue> variations,
        Shared shared) {
      List<Target> out = new ArrayList<>(raw.size());
      for (RawTarget t : raw) {
        EvaluationDetail<AvsbValue> result =
            Flag.result(variations, t.variation, EvaluationReason.targetMatch());
        out.add(new Target(t.kind, t.values(), t.variation, shared.result(result)));
      }
      return out;
    }
  }

  private static final class RawPrerequisite {
    String key;
    Integer variation;
  }

  private static final class RawTarget {
    String kind;
    Set<String> values;
    int variation;

    Set<String> values() {
      return values == null ? toSet(List.of()) : values;
    }
  }

  private static class RawOutcome {
    Integer variation;
    RawRollout rollout;

    VariationOrRollout build(String flagKey, String salt, List<AvsbValue> variations,
        EvaluationReason reason, EvaluationReason experimentReason, Shared shared) {
      Rollout r = rollout == null ? null : rollout.build(flagKey, salt);
      if (r == null) {
        return shared.fixed(variation, variations, reason, experimentReason);
      }
      return new VariationOrRollout(variation, r, variations, reason, experimentReason);
    }
  }

  private static final class RawRule extends RawOutcome {
    String id;
    List<RawClause> clauses;
    boolean trackEvents;

    Rule build(int index, String flagKey, String salt, List<AvsbValue> variations,
        Set<String> segmentKeys, Shared shared) {
      List<Clause> built = RawClause.build(orEmpty(clauses), segmentKeys, shared);
      VariationOrRollout outcome = build(flagKey, salt, variations,
          EvaluationReason.ruleMatch(index, id, false), EvaluationReason.ruleMatch(index, id, true),
          shared);
      return new Rule(id, built, outcome, trackEvents);
    }
  }

  private static final class RawRollout {
    List<WeightedVariation> variations;
    String contextKind;
    String bucketBy;
    String kind;
    Integer seed;

    Rollout build(String flagKey, String salt) {
      List<WeightedVariation> buckets = new ArrayList<>(orEmpty(variations));
      return new Rollout(buckets, "experiment".equals(kind), seed,
          FlagParser.bucketByRef(bucketBy, contextKind != null), kind(contextKind), flagKey, salt);
    }
  }

  private static final class RawClause {
    String contextKind;
    String attribute;
    String op;
    List<AvsbValue> values;
    boolean negate;

    static List<Clause> build(List<RawClause> raw, Set<String> segmentKeys, Shared shared) {
      List<Clause> out = new ArrayList<>(raw.size());
      for (RawClause c : raw) {
        Operator op = Operator.fromJson(c.op);
        List<AvsbValue> values = c.values == null ? List.of() : c.values;
        // without a context kind the attribute is a plain name (the older user model)
        boolean reference = c.contextKind != null;
        Clause clause = shared == null
            ? FlagParser.clause(kind(c.contextKind), reference, c.attribute, op, values, c.negate)
            : shared.clause(kind(c.contextKind), reference, c.attribute, op, values, c.negate);
        if (op == Operator.SEGMENT_MATCH) {
          segmentKeys.addAll(List.of(clause.strings()));
        }
        out.add(clause);
      }
      return out;
    }
  }

  private static final class RawSegment {
    int version;
    boolean deleted;
    List<RawSegmentRule> rules;
    Set<String> included;
    Set<String> excluded;
    List<RawTarget> includedContexts;
    List<RawTarget> excludedContexts;
    String salt;
    boolean unbounded;

    Segment build(String key) {
      Set<String> nested = new LinkedHashSet<>();
      List<SegmentRule> built = new ArrayList<>();
      for (RawSegmentRule r : orEmpty(rules)) {
        String kind = kind(r.rolloutContextKind);
        built.add(new SegmentRule(r.id, RawClause.build(orEmpty(r.clauses), nested, null),
            r.weight, FlagParser.bucketByRef(r.bucketBy, r.rolloutContextKind != null), kind));
      }
      return new Segment(key, version, false, null, included == null ? toSet(List.of()) : included,
          excluded == null ? toSet(List.of()) : excluded, targets(includedContexts),
          targets(excludedContexts), built, salt == null ? "" : salt, unbounded, nested);
    }

    private static List<SegmentTarget> targets(List<RawTarget> raw) {
      List<SegmentTarget> out = new ArrayList<>(orEmpty(raw).size());
      for (RawTarget t : orEmpty(raw)) {
        out.add(new SegmentTarget(t.kind, t.values()));
      }
      return out;
    }
  }

  private static final class RawSegmentRule {
    String id;
    List<RawClause> clauses;
    Integer weight;
    String bucketBy;
    String rolloutContextKind;
  }
}
