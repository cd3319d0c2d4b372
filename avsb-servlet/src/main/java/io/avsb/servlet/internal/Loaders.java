package io.avsb.servlet.internal;

import jakarta.servlet.ServletContext;

/** Picks the class loader for classes named in configuration. Thread-safe. */
public final class Loaders {
  private Loaders() {}

  /**
   * The webapp's class loader; when the container gives none (some embedded set-ups), the
   * thread's context class loader, else the loader of the kit itself.
   */
  public static ClassLoader of(ServletContext context) {
    ClassLoader loader = null;
    try {
      loader = context == null ? null : context.getClassLoader();
    } catch (UnsupportedOperationException | SecurityException e) {
      // a listener added in code may be refused it (Servlet spec 4.4); fall back below
    }
    if (loader == null) {
      loader = Thread.currentThread().getContextClassLoader();
    }
    return loader != null ? loader : Loaders.class.getClassLoader();
  }
}
