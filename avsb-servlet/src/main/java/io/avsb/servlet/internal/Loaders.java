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
    ClassLoader loader = context == null ? null : context.getClassLoader();
    if (loader == null) {
      loader = Thread.currentThread().getContextClassLoader();
    }
    return loader != null ? loader : Loaders.class.getClassLoader();
  }
}
