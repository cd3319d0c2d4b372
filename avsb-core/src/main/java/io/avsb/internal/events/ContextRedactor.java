package io.avsb.internal.events;

import com.fasterxml.jackson.core.JsonGenerator;
import io.avsb.AttributeRef;
import io.avsb.AvsbContext;
import io.avsb.AvsbValue;
import io.avsb.internal.json.JsonCodec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a context's event form with private attributes removed and listed under {@code
 * _meta.redactedAttributes}. Private attributes come from the configuration (every attribute when
 * {@code allAttributesPrivate}) and from the context itself; {@code kind}, {@code key} and {@code
 * anonymous} are never redacted. A path reference such as {@code /address/street} removes only that
 * nested property. A context with nothing to redact is written without allocating. Immutable and
 * thread-safe.
 */
final class ContextRedactor {
  private final boolean allAttributesPrivate;
  private final AttributeRef[] globalPrivate;

  /** A redactor for the configured {@code allAttributesPrivate} and global private references. */
  ContextRedactor(boolean allAttributesPrivate, Set<AttributeRef> globalPrivate) {
    this.allAttributesPrivate = allAttributesPrivate;
    Set<AttributeRef> valid = new LinkedHashSet<>();
    for (AttributeRef ref : globalPrivate) {
      if (ref.isValid()) {
        valid.add(ref);
      }
    }
    this.globalPrivate = valid.toArray(new AttributeRef[0]);
  }

  /** Writes the event form of {@code context}: a single context object, or a {@code multi} object. */
  void write(AvsbContext context, JsonGenerator g) throws IOException {
    if (!context.isMulti()) {
      single(context, true, g);
      return;
    }
    g.writeStartObject();
    g.writeStringField("kind", AvsbContext.MULTI_KIND);
    // the parts have distinct kinds, none of them "kind": no property is written twice
    for (int i = 0; i < context.individualContextCount(); i++) {
      AvsbContext part = context.individualContext(i);
      g.writeFieldName(part.kind());
      single(part, false, g);
    }
    g.writeEndObject();
  }

  private void single(AvsbContext context, boolean withKind, JsonGenerator g) throws IOException {
    AttributeRef[] refs = privateRefs(context);
    List<String> redacted = null;
    g.writeStartObject();
    if (withKind) {
      g.writeStringField("kind", context.kind());
    }
    g.writeStringField("key", context.key());
    if (context.name() != null) {
      // a string: only a whole-attribute reference can redact it
      String ref = allAttributesPrivate ? "name" : wholeAttributeRef(refs, "name");
      if (ref == null) {
        g.writeStringField("name", context.name());
      } else {
        redacted = add(redacted, ref);
      }
    }
    if (context.isAnonymous()) {
      g.writeBooleanField("anonymous", true);
    }
    // attributes never hold kind, key, name, anonymous or _meta (the builder keeps them apart)
    for (Map.Entry<String, AvsbValue> e : context.attributes().entrySet()) {
      redacted = attribute(e.getKey(), e.getValue(), refs, redacted, g);
    }
    if (redacted != null) {
      g.writeFieldName("_meta");
      g.writeStartObject();
      g.writeFieldName("redactedAttributes");
      g.writeStartArray();
      for (int i = 0; i < redacted.size(); i++) {
        g.writeString(redacted.get(i));
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  /**
   * The references that apply to {@code context}: the configured ones, then the context's own.
   * A reference named in both places is in the array twice; that changes nothing, as the first
   * one found is the one listed and a path once removed is not found again.
   */
  private AttributeRef[] privateRefs(AvsbContext context) {
    Set<AttributeRef> own = context.privateAttributes();
    if (own.isEmpty()) {
      return globalPrivate;
    }
    List<AttributeRef> refs = new ArrayList<>(globalPrivate.length + own.size());
    refs.addAll(List.of(globalPrivate));
    for (AttributeRef ref : own) {
      if (ref.isValid()) {
        refs.add(ref);
      }
    }
    return refs.toArray(new AttributeRef[0]);
  }

  /** Writes one attribute unless private; returns the redacted list, made on the first entry. */
  private List<String> attribute(String attribute, AvsbValue value, AttributeRef[] refs,
      List<String> redacted, JsonGenerator g) throws IOException {
    if (allAttributesPrivate) {
      return add(redacted, attribute);
    }
    String whole = wholeAttributeRef(refs, attribute);
    if (whole != null) {
      return add(redacted, whole);
    }
    AvsbValue kept = value;
    if (value instanceof AvsbValue.Obj) {
      // rare: a copy without the nested properties, made only when a reference points inside
      for (AttributeRef ref : refs) {
        if (ref.depth() > 1 && ref.component(0).equals(attribute)) {
          AvsbValue without = removePath(kept, ref, 1);
          if (without != null) {
            kept = without;
            redacted = add(redacted, ref.toString());
          }
        }
      }
    }
    g.writeFieldName(attribute);
    JsonCodec.write(kept, g);
    return redacted;
  }

  /** How the first reference to the whole of {@code attribute} is spelled, or null if none. */
  private static String wholeAttributeRef(AttributeRef[] refs, String attribute) {
    for (AttributeRef ref : refs) {
      if (ref.depth() == 1 && ref.component(0).equals(attribute)) {
        return ref.toString();
      }
    }
    return null;
  }

  private static List<String> add(List<String> redacted, String name) {
    List<String> list = redacted == null ? new ArrayList<>(4) : redacted;
    list.add(name);
    return list;
  }

  /** {@code value} without the property {@code ref} names from component {@code i}, or null if absent. */
  private static AvsbValue removePath(AvsbValue value, AttributeRef ref, int i) {
    if (!(value instanceof AvsbValue.Obj obj)) {
      return null;
    }
    String name = ref.component(i);
    AvsbValue child = obj.values().get(name);
    if (child == null) {
      return null;
    }
    Map<String, AvsbValue> copy = new LinkedHashMap<>(obj.values());
    if (i == ref.depth() - 1) {
      copy.remove(name);
    } else {
      AvsbValue childWithout = removePath(child, ref, i + 1);
      if (childWithout == null) {
        return null;
      }
      copy.put(name, childWithout);
    }
    return new AvsbValue.Obj(copy);
  }
}
