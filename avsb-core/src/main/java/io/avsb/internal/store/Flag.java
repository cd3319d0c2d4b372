package io.avsb.internal.store;

/**
 * A feature flag, parsed and preprocessed for evaluation. CONTRACT SKELETON: the eval work fills
 * in the model; the accessors below are what the store, server and events rely on.
 */
public final class Flag {
  private final String key;
  private final int version;

  Flag(String key, int version) {
    this.key = key;
    this.version = version;
  }

  /** The flag key. */
  public String key() {
    return key;
  }

  /** The flag version. */
  public int version() {
    return version;
  }

  /** Why the flag could not be parsed, or null when it is well-formed. */
  public String malformedError() {
    throw new UnsupportedOperationException("contract skeleton");
  }

  /** Whether client-side SDKs may see this flag (clientSideAvailability.usingEnvironmentId). */
  public boolean clientSideAvailable() {
    throw new UnsupportedOperationException("contract skeleton");
  }

  /** Whether every evaluation of this flag produces a full feature event. */
  public boolean trackEvents() {
    throw new UnsupportedOperationException("contract skeleton");
  }

  /** Whether fallthrough results produce full feature events. */
  public boolean trackEventsFallthrough() {
    throw new UnsupportedOperationException("contract skeleton");
  }

  /** Whether rule {@code ruleIndex} asks for full feature events. */
  public boolean isRuleTracked(int ruleIndex) {
    throw new UnsupportedOperationException("contract skeleton");
  }
}
