package io.avsb.internal.http;

import java.net.URI;

/**
 * The service's endpoint URIs. Apart from {@link SdkHttpClient} so that a component can know its
 * endpoint without loading HttpClient's classes (the event sender makes its client on first use).
 * Thread-safe.
 */
public final class Endpoints {
  private Endpoints() {}

  /** {@code base} with {@code path} appended, keeping any path prefix of {@code base}. */
  public static URI of(URI base, String path) {
    String b = base.toString();
    return URI.create((b.endsWith("/") ? b.substring(0, b.length() - 1) : b) + path);
  }
}
