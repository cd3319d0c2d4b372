package io.avsb.internal.web;

import io.avsb.AvsbContext;

/** The contexts used when a request does not say who it is for. Thread-safe. */
public final class AnonymousContexts {
  /** The key of the anonymous context: every request that names nobody shares it. */
  public static final String ANONYMOUS_KEY = "anon";

  /**
   * The shared anonymous context: kind {@code user}, key {@code anon}, {@code anonymous=true}.
   * Every such request shares one key, so percentage rollouts put all of them in one bucket; the
   * sticky visitor cookie exists to spread anonymous visitors instead.
   */
  public static final AvsbContext ANONYMOUS =
      AvsbContext.builder(ANONYMOUS_KEY).anonymous(true).build();

  private AnonymousContexts() {}

  /** An anonymous context for a sticky visitor {@code key} (see {@link VisitorKeys}). */
  public static AvsbContext visitor(String key) {
    return AvsbContext.builder(key).anonymous(true).build();
  }
}
