package io.avsb.internal.http;

/** The SDK's version and the {@code User-Agent} built from it. Thread-safe. */
public final class SdkVersion {
  /** The version when the jar manifest names none (running from classes, as in tests). */
  static final String FALLBACK = "0.1.0-SNAPSHOT";

  /** The SDK's version: the jar manifest's {@code Implementation-Version}, else {@link #FALLBACK}. */
  public static final String VERSION = version();

  private SdkVersion() {}

  /** The value of the {@code User-Agent} header: {@code AvsbJava/<version>}. */
  public static String userAgent() {
    return "AvsbJava/" + VERSION;
  }

  private static String version() {
    String fromManifest = SdkVersion.class.getPackage().getImplementationVersion();
    return fromManifest == null || fromManifest.isBlank() ? FALLBACK : fromManifest;
  }
}
