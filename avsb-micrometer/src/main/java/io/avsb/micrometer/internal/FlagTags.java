package io.avsb.micrometer.internal;

import java.util.Set;

/**
 * Which flags get their own {@code flag} tag: those of an allow-list, or else the first {@code
 * maxFlags} distinct flags evaluated; every other evaluation is counted under {@value #OTHER}.
 * Flags that do not exist (a typo, a hostile key) never get a tag of their own, so callers cannot
 * grow the meter count. Immutable and thread-safe.
 *
 * @param allowList the flags to tag, or null to tag the first {@code maxFlags}
 * @param maxFlags how many flags get a tag when there is no allow-list
 */
public record FlagTags(Set<String> allowList, int maxFlags) {
  /** The tag value of every flag that does not get its own. */
  public static final String OTHER = "other";

  /** Copies the allow-list and checks the bound. */
  public FlagTags {
    allowList = allowList == null ? null : Set.copyOf(allowList);
    if (maxFlags < 0) {
      throw new IllegalArgumentException("maxFlags must not be negative, was " + maxFlags);
    }
  }

  /** Whether {@code flagKey}, now the {@code tagged + 1}th flag seen, gets its own tag. */
  boolean admits(String flagKey, int tagged) {
    return allowList != null ? allowList.contains(flagKey) : tagged < maxFlags;
  }
}
