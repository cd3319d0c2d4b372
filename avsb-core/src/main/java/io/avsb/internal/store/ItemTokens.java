package io.avsb.internal.store;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.avsb.AvsbValue;
import io.avsb.internal.json.JsonCodec;
import io.avsb.internal.store.RawItems.RawClause;
import io.avsb.internal.store.RawItems.RawFlag;
import io.avsb.internal.store.RawItems.RawOutcome;
import io.avsb.internal.store.RawItems.RawPrerequisite;
import io.avsb.internal.store.RawItems.RawRollout;
import io.avsb.internal.store.RawItems.RawRule;
import io.avsb.internal.store.RawItems.RawSegment;
import io.avsb.internal.store.RawItems.RawSegmentRule;
import io.avsb.internal.store.RawItems.RawTarget;
import io.avsb.spi.DataKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
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
 * already seen (each kept in a small log, see {@link TokenReader}) and the rest of the parser's,
 * and handed to {@link DataSetLoad#parse}: its result, and its malformed item's message, are
 * exactly {@link FlagParser}'s. The holders and the build are {@link RawItems}. Not thread-safe:
 * one per load.
 */
final class ItemTokens extends TokenReader {
  private final Shared shared;
  private int valueReads;

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
    begin(p, strings);
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
          return asValue(kind, key);
        }
      }
      RawSegment raw = segment();
      try {
        return raw.deleted ? StoredItem.tombstone(raw.version)
            : new StoredItem<>(raw.version, raw.build(key));
      } catch (RuntimeException e) {
        return asValue(kind, key);
      }
    } catch (NotClean e) {
      return asValue(kind, key);
    } finally {
      end();
    }
  }

  private StoredItem<?> asValue(DataKind kind, String key) throws IOException {
    valueReads++;
    return DataSetLoad.parse(kind, key, rebuild(), problem, shared);
  }

  /** How many items were read as JSON values (not clean), for the load's debug line. */
  int valueReads() {
    return valueReads;
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
          target.kind = RawItems.kind(string(v));
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
}
