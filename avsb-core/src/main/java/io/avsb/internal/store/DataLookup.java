package io.avsb.internal.store;

/** Read access to one consistent snapshot of flags and segments. Thread-safe. */
public interface DataLookup {
  /** The flag {@code key}, or null when absent or deleted. */
  Flag flag(String key);

  /** The segment {@code key}, or null when absent or deleted. */
  Segment segment(String key);
}
