package io.avsb.servlet;

import io.avsb.spi.ContextResolver;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import java.util.EnumSet;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Programmatic set-up, for apps that register filters in code: does what the {@code web.xml}
 * snippet does. Call it from {@link
 * jakarta.servlet.ServletContainerInitializer#onStartup}, the only place where the Servlet
 * specification lets code add a context listener:
 *
 * <pre>{@code
 * public final class AppInitializer implements ServletContainerInitializer {
 *   public void onStartup(Set<Class<?>> classes, ServletContext context) {
 *     AvsbServlets.install(context, ContextResolvers.visitorCookie(ContextResolvers.headers()),
 *         b -> b.eventsEnabled(true));
 *   }
 * }
 * }</pre>
 *
 * Not thread-safe; containers call initializers from one thread.
 */
public final class AvsbServlets {
  /** The name under which {@link #install} registers the filter. */
  public static final String FILTER_NAME = "avsb";

  private static final Logger LOG = LoggerFactory.getLogger("io.avsb.servlet");

  private AvsbServlets() {}

  /** Installs the listener and the filter, both configured by the {@code avsb.*} settings. */
  public static FilterRegistration install(ServletContext context) {
    return install(context, null, null);
  }

  /**
   * Installs an {@link AvsbServletContextListener} applying {@code configurer} (null for none)
   * and an {@link AvsbFilter} named {@value #FILTER_NAME} using {@code resolver} (null for its
   * init-parameters, by default the header resolver), async-supported, mapped to {@code /*} for
   * every dispatcher type ahead of the filters declared in {@code web.xml}. When a filter of that
   * name exists already, it is kept and returned.
   *
   * @return the filter's registration, for adding init-parameters or mappings
   * @throws IllegalStateException when called outside {@code ServletContainerInitializer.onStartup}
   */
  public static FilterRegistration install(
      ServletContext context, ContextResolver resolver, AvsbConfigurer configurer) {
    Objects.requireNonNull(context, "context");
    try {
      context.addListener(new AvsbServletContextListener(configurer));
    } catch (UnsupportedOperationException | IllegalStateException e) {
      throw new IllegalStateException("AvsbServlets.install must be called from"
          + " ServletContainerInitializer.onStartup, before the webapp starts", e);
    }
    FilterRegistration.Dynamic filter = context.addFilter(
        FILTER_NAME, resolver == null ? new AvsbFilter() : new AvsbFilter(resolver));
    if (filter == null) {
      LOG.info("A filter named '{}' is already registered; AvsbServlets.install keeps it",
          FILTER_NAME);
      return context.getFilterRegistration(FILTER_NAME);
    }
    filter.setAsyncSupported(true);
    filter.addMappingForUrlPatterns(EnumSet.allOf(DispatcherType.class), false, "/*");
    return filter;
  }
}
