package io.avsb.internal.store;

import io.avsb.AvsbContext;
import java.util.Set;

/**
 * Keys of contexts of one kind that a segment includes or excludes. Immutable and thread-safe.
 *
 * @param contextKind the kind of context; {@code user} when null is given
 * @param values the keys
 */
public record SegmentTarget(String contextKind, Set<String> values) {
  /** Defaults the kind and copies the keys. */
  public SegmentTarget {
    contextKind = contextKind == null ? AvsbContext.DEFAULT_KIND : contextKind;
    values = KeyLookup.of(values);
  }
}
