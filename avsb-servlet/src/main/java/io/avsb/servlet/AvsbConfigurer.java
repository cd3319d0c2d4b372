package io.avsb.servlet;

import io.avsb.AvsbConfig;

/**
 * Customises the configuration {@link AvsbServletContextListener} builds, after it has applied the
 * {@code avsb.*} settings: set a data source, a proxy, private attributes, anything the settings
 * do not cover. Named by the {@code avsb.configurer} setting (the class then needs a public
 * no-argument constructor) or passed to {@link AvsbServlets#install}. Called once, at start-up.
 */
@FunctionalInterface
public interface AvsbConfigurer {
  /** Adjusts {@code builder}; the SDK key is already fixed. */
  void configure(AvsbConfig.Builder builder);
}
