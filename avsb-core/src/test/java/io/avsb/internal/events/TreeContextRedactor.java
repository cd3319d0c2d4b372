package io.avsb.internal.events;

import io.avsb.AttributeRef;
import io.avsb.AvsbContext;
import io.avsb.AvsbValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The oracle for {@link ContextRedactor}: the value-tree form of a context as the event thread
 * built it before it wrote JSON directly. Kept in test code only.
 *
 * <p>Turns a context into its event form with private attributes removed and listed under {@code
 * _meta.redactedAttributes}. Private attributes come from the configuration (every attribute when
 * {@code allAttributesPrivate}) and from the context itself; {@code kind}, {@code key} and {@code
 * anonymous} are never redacted. A path reference such as {@code /address/street} removes only that
 * nested property. Immutable and thread-safe.
 */
final class TreeContextRedactor {
  private final boolean allAttributesPrivate;
  private final Set<AttributeRef> globalPrivate;

  /** A redactor for the configured {@code allAttributesPrivate} and global private references. */
  TreeContextRedactor(boolean allAttributesPrivate, Set<AttributeRef> globalPrivate) {
    this.allAttributesPrivate = allAttributesPrivate;
    Set<AttributeRef> valid = new LinkedHashSet<>();
    for (AttributeRef ref : globalPrivate) {
      if (ref.isValid()) {
        valid.add(ref);
      }
    }
    this.globalPrivate = valid;
  }

  /** The event form of {@code context}: a single context object, or a {@code multi} object. */
  AvsbValue redact(AvsbContext context) {
    if (!context.isMulti()) {
      return single(context, true);
    }
    Map<String, AvsbValue> out = new LinkedHashMap<>();
    out.put("kind", AvsbValue.of(AvsbContext.MULTI_KIND));
    for (AvsbContext part : context.individualContexts()) {
      out.put(part.kind(), single(part, false));
    }
    return new AvsbValue.Obj(out);
  }

  private AvsbValue single(AvsbContext context, boolean withKind) {
    Set<AttributeRef> refs = privateRefs(context);
    List<String> redacted = new ArrayList<>();
    Map<String, AvsbValue> out = new LinkedHashMap<>();
    if (withKind) {
      out.put("kind", AvsbValue.of(context.kind()));
    }
    out.put("key", AvsbValue.of(context.key()));
    if (context.name() != null) {
      putUnlessPrivate(out, "name", AvsbValue.of(context.name()), refs, redacted);
    }
    if (context.isAnonymous()) {
      out.put("anonymous", AvsbValue.TRUE);
    }
    for (Map.Entry<String, AvsbValue> e : context.attributes().entrySet()) {
      putUnlessPrivate(out, e.getKey(), e.getValue(), refs, redacted);
    }
    if (!redacted.isEmpty()) {
      List<AvsbValue> names = new ArrayList<>(redacted.size());
      for (String r : redacted) {
        names.add(AvsbValue.of(r));
      }
      out.put("_meta", new AvsbValue.Obj(Map.of("redactedAttributes", new AvsbValue.Arr(names))));
    }
    return new AvsbValue.Obj(out);
  }

  private Set<AttributeRef> privateRefs(AvsbContext context) {
    if (context.privateAttributes().isEmpty()) {
      return globalPrivate;
    }
    // global first, so a reference named in both places is listed as the configuration spells it
    Set<AttributeRef> refs = new LinkedHashSet<>(globalPrivate);
    for (AttributeRef ref : context.privateAttributes()) {
      if (ref.isValid()) {
        refs.add(ref);
      }
    }
    return refs;
  }

  private void putUnlessPrivate(
      Map<String, AvsbValue> out,
      String attribute,
      AvsbValue value,
      Set<AttributeRef> refs,
      List<String> redacted) {
    if (allAttributesPrivate) {
      redacted.add(attribute);
      return;
    }
    for (AttributeRef ref : refs) {
      if (ref.depth() == 1 && ref.component(0).equals(attribute)) {
        redacted.add(ref.toString());
        return;
      }
    }
    AvsbValue kept = value;
    for (AttributeRef ref : refs) {
      if (ref.depth() > 1 && ref.component(0).equals(attribute)) {
        AvsbValue without = removePath(kept, ref, 1);
        if (without != null) {
          kept = without;
          redacted.add(ref.toString());
        }
      }
    }
    out.put(attribute, kept);
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
