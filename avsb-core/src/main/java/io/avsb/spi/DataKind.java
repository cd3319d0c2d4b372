package io.avsb.spi;

/** The two kinds of item a data source delivers. */
public enum DataKind {
  /** Feature flags, under {@code flags}. */
  FLAGS("flags"),
  /** Segments, under {@code segments}. */
  SEGMENTS("segments");

  private final String jsonName;

  DataKind(String jsonName) {
    this.jsonName = jsonName;
  }

  /** The property name in a full data set and the path prefix in patches ({@code /flags/KEY}). */
  public String jsonName() {
    return jsonName;
  }
}
