package io.avsb.jaxrs;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gates a resource class or method on a boolean flag: when the flag is off for the request's
 * context (or missing, or not a boolean), the request is answered with {@link #status()} (404 by
 * default) before the resource runs. On a class and a method, both gates must be open. Needs
 * {@link AvsbFeature} registered; the flag is read through the request's helper, so it counts as
 * the request's one evaluation of that flag.
 */
@NameBinding
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface FlagGate {
  /** The key of the boolean flag that must be on. */
  String value();

  /** The HTTP status answered when the flag is off; an invalid status (not 400-599) gives 404. */
  int status() default 404;
}
