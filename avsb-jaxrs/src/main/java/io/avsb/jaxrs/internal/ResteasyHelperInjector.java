package io.avsb.jaxrs.internal;

import io.avsb.ScopedAvsb;
import io.avsb.internal.web.HelperAttributes;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import org.jboss.resteasy.core.ResteasyContext;
import org.jboss.resteasy.spi.ContextInjector;
import org.jboss.resteasy.spi.HttpRequest;

/**
 * {@code @Context ScopedAvsb} on RESTEasy, through its {@link ContextInjector} SPI. RESTEasy injects
 * a proxy that asks this injector on every call, on the calling thread: inside a request it gives
 * the helper the request filter stored; on a thread without a RESTEasy request (an async worker)
 * it gives none and RESTEasy fails the call with "Unable to find contextual data", never another
 * request's helper. Registered only when RESTEasy is present. Thread-safe.
 */
public final class ResteasyHelperInjector implements ContextInjector<ScopedAvsb, ScopedAvsb> {
  private final String attributeName;

  /** An injector reading the helper from the request property {@code attributeName}. */
  public ResteasyHelperInjector(String attributeName) {
    this.attributeName = attributeName;
  }

  @Override
  public ScopedAvsb resolve(
      Class<? extends ScopedAvsb> rawType, Type genericType, Annotation[] annotations) {
    HttpRequest request = ResteasyContext.getContextData(HttpRequest.class);
    if (request == null) {
      return null;
    }
    if (request.getAttribute(HelperAttributes.HELPER) instanceof ScopedAvsb helper) {
      return helper;
    }
    return request.getAttribute(attributeName) instanceof ScopedAvsb helper ? helper : null;
  }
}
