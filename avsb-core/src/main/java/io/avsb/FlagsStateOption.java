package io.avsb;

/** Options of {@link AvsbServer#allFlagsState(AvsbContext, FlagsStateOption...)}. */
public enum FlagsStateOption {
  /**
   * Every flag, not only those available to client-side code: for server-side tools such as a
   * debugging endpoint. Never hand such a state to a browser.
   */
  ALL_FLAGS
}
