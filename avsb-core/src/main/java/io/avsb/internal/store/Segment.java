package io.avsb.internal.store;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A segment (a reusable set of contexts), parsed and preprocessed by {@link FlagParser}: key sets
 * as hash sets and the bucketing prefix ({@code key.salt.}) computed once. A segment whose JSON
 * could not be read keeps its {@link #malformedError()}; flags that reach it report {@code
 * MALFORMED_FLAG}. Immutable and thread-safe.
 */
public final class Segment {
  private final String key;
  private final int version;
  private final boolean deleted;
  private final String malformedError;
  private final Set<String> included;
  private final Set<String> excluded;
  private final List<SegmentTarget> includedContexts;
  private final List<SegmentTarget> excludedContexts;
  private final List<SegmentRule> rules;
  private final String salt;
  private final boolean unbounded;
  private final byte[] hashPrefix;
  private final Set<String> segmentKeys;

  Segment(
      String key, int version, boolean deleted, String malformedError, Set<String> included,
      Set<String> excluded, List<SegmentTarget> includedContexts,
      List<SegmentTarget> excludedContexts, List<SegmentRule> rules, String salt,
      boolean unbounded, Set<String> segmentKeys) {
    this.key = key;
    this.version = version;
    this.deleted = deleted;
    this.malformedError = malformedError;
    this.included = KeyLookup.of(included);
    this.excluded = KeyLookup.of(excluded);
    this.includedContexts = List.copyOf(includedContexts);
    this.excludedContexts = List.copyOf(excludedContexts);
    this.rules = List.copyOf(rules);
    this.salt = salt;
    this.unbounded = unbounded;
    this.hashPrefix = Rollout.hashPrefix(null, key, salt);
    this.segmentKeys = Collections.unmodifiableSet(new LinkedHashSet<>(segmentKeys));
  }

  static Segment malformed(String key, int version, String error) {
    return new Segment(key, version, false, error, Set.of(), Set.of(), List.of(), List.of(),
        List.of(), "", false, Set.of());
  }

  /** The segment key. */
  public String key() {
    return key;
  }

  /** The segment version. */
  public int version() {
    return version;
  }

  /** Whether this is a deletion marker (tombstone). */
  public boolean deleted() {
    return deleted;
  }

  /** Why the segment could not be parsed, or null when it is well-formed. */
  public String malformedError() {
    return malformedError;
  }

  /** Keys of {@code user} contexts always in the segment. */
  public Set<String> included() {
    return included;
  }

  /** Keys of {@code user} contexts never in the segment (unless included). */
  public Set<String> excluded() {
    return excluded;
  }

  /** Keys of contexts of other kinds always in the segment. */
  public List<SegmentTarget> includedContexts() {
    return includedContexts;
  }

  /** Keys of contexts of other kinds never in the segment (unless included). */
  public List<SegmentTarget> excludedContexts() {
    return excludedContexts;
  }

  /** The rules, any of which puts a context in the segment. */
  public List<SegmentRule> rules() {
    return rules;
  }

  /** The salt used in bucketing ({@code ""} when absent). */
  public String salt() {
    return salt;
  }

  /** Whether this is a big segment, whose membership lives elsewhere; never matches here. */
  public boolean unbounded() {
    return unbounded;
  }

  /** The UTF-8 bytes of {@code key.salt.}, hashed before a bucketed value; must not be modified. */
  public byte[] hashPrefix() {
    return hashPrefix;
  }

  /** The keys of the segments this segment's rules name directly. */
  public Set<String> segmentKeys() {
    return segmentKeys;
  }

  @Override
  public String toString() {
    return "Segment(" + key + " v" + version + (malformedError != null ? ", malformed" : "") + ")";
  }
}
