package io.avsb.examples.containers;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One WAR deployment: the WAR file at a context path, with context-parameters that override the
 * WAR's {@code web.xml} and filters registered in addition to it, both through the container's
 * own mechanism (the WAR itself is never changed).
 *
 * @param contextPath such as {@code /servlet}
 * @param war the WAR file
 * @param contextParams context-parameters that win over those in {@code web.xml}
 * @param extraFilters filters added after those in {@code web.xml}
 */
record WebApp(
    String contextPath,
    Path war,
    Map<String, String> contextParams,
    List<ExtraFilter> extraFilters) {

  /**
   * A filter registered by the test, mapped to {@code /*} for every dispatcher type, async.
   *
   * @param name the filter name
   * @param className the filter class, loaded by the webapp
   * @param initParams its init-parameters
   */
  record ExtraFilter(String name, String className, Map<String, String> initParams) {}

  /** The WAR at {@code contextPath} as built. */
  static WebApp of(String contextPath, Path war) {
    return new WebApp(contextPath, war, Map.of(), List.of());
  }
}
