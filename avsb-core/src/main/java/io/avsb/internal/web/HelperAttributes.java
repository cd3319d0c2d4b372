package io.avsb.internal.web;

import io.avsb.AvsbServer;
import io.avsb.ScopedAvsb;

/**
 * Where every web adapter keeps a request's helper, so that servlets and JAX-RS resources of one
 * request share one helper whoever resolved it first (under a servlet container, JAX-RS request
 * properties are the servlet request attributes): always under {@link #HELPER}, and also under the
 * adapter's configurable name ({@link #DEFAULT_NAME} unless renamed). Thread-safe.
 */
public final class HelperAttributes {
  /** The request attribute (or JAX-RS property) that always holds the helper. */
  public static final String HELPER = ScopedAvsb.class.getName();

  /** The configurable attribute's default name: {@code avsb}, as in {@code request.avsb}. */
  public static final String DEFAULT_NAME = "avsb";

  /** The servlet context attribute holding the webapp's server. */
  public static final String SERVER = AvsbServer.class.getName();

  /** A request's attributes or properties, whatever the web API. */
  public interface Attributes {
    /** The value of attribute {@code name}, or null. */
    Object get(String name);

    /** Sets attribute {@code name}. */
    void set(String name, Object value);
  }

  private HelperAttributes() {}

  /** The helper already kept on {@code request} (under {@link #HELPER}, else {@code name}), or null. */
  public static ScopedAvsb find(Attributes request, String name) {
    if (request.get(HELPER) instanceof ScopedAvsb helper) {
      return helper;
    }
    return request.get(name) instanceof ScopedAvsb helper ? helper : null;
  }

  /** Keeps {@code helper} on {@code request} under {@link #HELPER} and {@code name}. */
  public static void keep(Attributes request, String name, ScopedAvsb helper) {
    if (request.get(HELPER) != helper) {
      request.set(HELPER, helper);
    }
    if (request.get(name) != helper) {
      request.set(name, helper);
    }
  }
}
