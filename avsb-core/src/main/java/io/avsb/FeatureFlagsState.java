package io.avsb;

/** The values of all client-visible flags for one context. CONTRACT SKELETON. */
public final class FeatureFlagsState {
  private FeatureFlagsState() {}

  /** The state as JSON for a front end. */
  public String toJson() {
    throw new UnsupportedOperationException("contract skeleton");
  }
}
