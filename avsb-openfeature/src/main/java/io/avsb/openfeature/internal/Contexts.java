package io.avsb.openfeature.internal;

import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.Structure;
import dev.openfeature.sdk.Value;
import io.avsb.AttributeRef;
import io.avsb.AvsbContext;
import io.avsb.AvsbValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts between OpenFeature evaluation contexts and {@link AvsbContext}s.
 *
 * <p>A single context: the targeting key (or a {@code key} attribute) is the key; {@code kind}
 * (default {@code user}), {@code name} and {@code anonymous} are the built-ins; {@code
 * privateAttributes} (a list of attribute names or {@code /path} references) marks attributes
 * private; every other attribute is an attribute. A multi-context has {@code kind: "multi"} and one
 * structure attribute per kind, each shaped like a single context ({@code targetingKey} or {@code
 * key} inside); other attributes of a multi-context are ignored. Stateless and thread-safe.
 */
public final class Contexts {
  /** The attribute naming the context's kind. */
  public static final String KIND = "kind";
  /** The attribute listing private attributes. */
  public static final String PRIVATE_ATTRIBUTES = "privateAttributes";

  private Contexts() {}

  /**
   * A converted context, or why there is none.
   *
   * @param context the context, or null on error
   * @param errorCode {@code TARGETING_KEY_MISSING} or {@code INVALID_CONTEXT}, or null
   * @param message what is wrong, or null
   */
  public record Conversion(AvsbContext context, ErrorCode errorCode, String message) {
    static Conversion failed(ErrorCode code, String message) {
      return new Conversion(null, code, message);
    }
  }

  /** {@code context} as an {@link AvsbContext}; never throws. */
  public static Conversion toAvsb(EvaluationContext context) {
    if (context == null) {
      return Conversion.failed(ErrorCode.TARGETING_KEY_MISSING, "no evaluation context");
    }
    Map<String, Value> attributes = context.asUnmodifiableMap();
    String kind = string(attributes.get(KIND));
    AvsbValue json;
    if (AvsbContext.MULTI_KIND.equals(kind)) {
      Map<String, AvsbValue> multi = new LinkedHashMap<>();
      multi.put(KIND, AvsbValue.of(AvsbContext.MULTI_KIND));
      for (Map.Entry<String, Value> e : attributes.entrySet()) {
        Value v = e.getValue();
        if (v != null && v.isStructure() && !e.getKey().equals(KIND)) {
          Map<String, Value> nested = v.asStructure().asUnmodifiableMap();
          String key = keyOf(string(nested.get(EvaluationContext.TARGETING_KEY)), nested);
          if (key == null) {
            return Conversion.failed(ErrorCode.TARGETING_KEY_MISSING,
                "the " + e.getKey() + " context of the multi-context has no targeting key");
          }
          multi.put(e.getKey(), single(e.getKey(), key, nested));
        }
      }
      if (multi.size() == 1) {
        return Conversion.failed(ErrorCode.INVALID_CONTEXT,
            "a multi-context needs one structure attribute per kind");
      }
      json = new AvsbValue.Obj(multi);
    } else {
      String key = keyOf(context.getTargetingKey(), attributes);
      if (key == null) {
        return Conversion.failed(ErrorCode.TARGETING_KEY_MISSING, "no targeting key");
      }
      json = single(kind == null ? AvsbContext.DEFAULT_KIND : kind, key, attributes);
    }
    AvsbContext converted = AvsbContext.fromValue(json);
    return converted.isValid()
        ? new Conversion(converted, null, null)
        : Conversion.failed(ErrorCode.INVALID_CONTEXT, converted.error());
  }

  private static String keyOf(String targetingKey, Map<String, Value> attributes) {
    String key = targetingKey != null && !targetingKey.isEmpty()
        ? targetingKey
        : string(attributes.get("key"));
    return key == null || key.isEmpty() ? null : key;
  }

  private static AvsbValue single(String kind, String key, Map<String, Value> attributes) {
    Map<String, AvsbValue> out = new LinkedHashMap<>();
    for (Map.Entry<String, Value> e : attributes.entrySet()) {
      String name = e.getKey();
      if (name.equals(EvaluationContext.TARGETING_KEY) || name.equals(PRIVATE_ATTRIBUTES)
          || name.equals("_meta")) {
        continue;
      }
      out.put(name, Values.toAvsb(e.getValue()));
    }
    out.put(KIND, AvsbValue.of(kind));
    out.put("key", AvsbValue.of(key));
    Value privates = attributes.get(PRIVATE_ATTRIBUTES);
    if (privates != null && privates.isList()) {
      out.put("_meta", new AvsbValue.Obj(Map.of("privateAttributes", Values.toAvsb(privates))));
    }
    return new AvsbValue.Obj(out);
  }

  private static String string(Value v) {
    return v != null && v.isString() ? v.asString() : null;
  }

  /** {@code context} as an OpenFeature evaluation context, shaped as {@link #toAvsb} reads it. */
  public static EvaluationContext toOpenFeature(AvsbContext context) {
    if (!context.isMulti()) {
      return new ImmutableContext(context.key(), fields(context, false));
    }
    Map<String, Value> multi = new LinkedHashMap<>();
    multi.put(KIND, new Value(AvsbContext.MULTI_KIND));
    for (AvsbContext c : context.individualContexts()) {
      Map<String, Value> nested = fields(c, true);
      nested.remove(KIND);
      multi.put(c.kind(), new Value(new dev.openfeature.sdk.ImmutableStructure(nested)));
    }
    return new ImmutableContext(multi);
  }

  private static Map<String, Value> fields(AvsbContext c, boolean withKey) {
    Map<String, Value> out = new LinkedHashMap<>();
    c.attributes().forEach((k, v) -> out.put(k, Values.toOpenFeature(v)));
    out.put(KIND, new Value(c.kind()));
    if (withKey) {
      out.put(EvaluationContext.TARGETING_KEY, new Value(c.key()));
    }
    if (c.name() != null) {
      out.put("name", new Value(c.name()));
    }
    if (c.isAnonymous()) {
      out.put("anonymous", new Value(true));
    }
    if (!c.privateAttributes().isEmpty()) {
      List<Value> refs = new ArrayList<>();
      for (AttributeRef r : c.privateAttributes()) {
        refs.add(new Value(r.toString()));
      }
      out.put(PRIVATE_ATTRIBUTES, new Value(refs));
    }
    return out;
  }
}
