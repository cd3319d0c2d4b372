package io.avsb.servlet.internal;

/**
 * A start-up setting of the listener: its context-parameter (also the system property) name and
 * its environment variable.
 */
public enum Setting {
  /** The SDK key; never logged. */
  SDK_KEY("avsb.sdkKey", "AVSB_SDK_KEY"),
  /** A flags file: a filesystem path, or a webapp resource path starting with {@code /}. */
  FLAGS_FILE("avsb.flagsFile", "AVSB_FLAGS_FILE"),
  /** {@code true} for no network at all. */
  OFFLINE("avsb.offline", "AVSB_OFFLINE"),
  /** The polling service URI. */
  BASE_URI("avsb.baseUri", "AVSB_BASE_URI"),
  /** The streaming service URI. */
  STREAM_URI("avsb.streamUri", "AVSB_STREAM_URI"),
  /** The events service URI. */
  EVENTS_URI("avsb.eventsUri", "AVSB_EVENTS_URI"),
  /** How long start-up waits for flags: ISO-8601 ({@code PT5S}) or seconds ({@code 5}). */
  START_WAIT("avsb.startWait", "AVSB_START_WAIT"),
  /** A class implementing {@code io.avsb.servlet.AvsbConfigurer}. */
  CONFIGURER("avsb.configurer", "AVSB_CONFIGURER"),
  /** {@code true} turns on a declared {@code AvsbExplainServlet}; off by default. */
  EXPLAIN("avsb.explain", "AVSB_EXPLAIN"),
  /** A role whose members may use the explain endpoint from anywhere. */
  EXPLAIN_ROLE("avsb.explainRole", "AVSB_EXPLAIN_ROLE");

  private final String parameter;
  private final String environmentVariable;

  Setting(String parameter, String environmentVariable) {
    this.parameter = parameter;
    this.environmentVariable = environmentVariable;
  }

  /** The context-parameter and system-property name, such as {@code avsb.sdkKey}. */
  public String parameter() {
    return parameter;
  }

  /** The environment variable, such as {@code AVSB_SDK_KEY}. */
  public String environmentVariable() {
    return environmentVariable;
  }
}
