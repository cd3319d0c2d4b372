package io.avsb.internal.store;

/** A segment, parsed and preprocessed. CONTRACT SKELETON: the eval work fills in the model. */
public final class Segment {
  private final String key;
  private final int version;

  Segment(String key, int version) {
    this.key = key;
    this.version = version;
  }

  /** The segment key. */
  public String key() {
    return key;
  }

  /** The segment version. */
  public int version() {
    return version;
  }
}
