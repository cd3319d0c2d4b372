package io.avsb.jaxrs.internal;

import io.avsb.AvsbContext;
import io.avsb.AvsbValue;
import io.avsb.EvaluationDetail;
import io.avsb.FeatureFlagsState;
import io.avsb.ScopedAvsb;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Map;
import org.glassfish.hk2.api.ServiceLocator;

/**
 * What {@code @Context ScopedAvsb} injects into request-scoped resources: a handle on the
 * request's helper that looks it up on first use, not when injected. Jersey creates resources
 * (fields, constructors) while matching, before the post-matching filter has resolved the
 * context; the first use comes later, in the resource method. The handle holds the request itself
 * (not a scope proxy), so it keeps working when handed to another thread, as an async resource
 * does. Thread-safe.
 */
final class RequestBoundAvsb implements ScopedAvsb {
  private final RequestHelpers helpers;
  private final ContainerRequestContext request;
  private final ServiceLocator locator;
  private volatile ScopedAvsb helper;

  RequestBoundAvsb(
      RequestHelpers helpers, ContainerRequestContext request, ServiceLocator locator) {
    this.helpers = helpers;
    this.request = request;
    this.locator = locator;
    this.helper = helpers.storedHelper(request);
  }

  private ScopedAvsb helper() {
    ScopedAvsb h = helper;
    if (h == null) {
      synchronized (this) {
        h = helper;
        if (h == null) {
          h = helpers.helperFor(request, locator);
          helper = h;
        }
      }
    }
    return h;
  }

  @Override
  public AvsbContext context() {
    return helper().context();
  }

  @Override
  public boolean getBoolFlag(String key, boolean defaultValue) {
    return helper().getBoolFlag(key, defaultValue);
  }

  @Override
  public String getStringFlag(String key, String defaultValue) {
    return helper().getStringFlag(key, defaultValue);
  }

  @Override
  public int getIntFlag(String key, int defaultValue) {
    return helper().getIntFlag(key, defaultValue);
  }

  @Override
  public double getDoubleFlag(String key, double defaultValue) {
    return helper().getDoubleFlag(key, defaultValue);
  }

  @Override
  public AvsbValue getJsonFlag(String key, AvsbValue defaultValue) {
    return helper().getJsonFlag(key, defaultValue);
  }

  @Override
  public EvaluationDetail<Boolean> getBoolFlagDetail(String key, boolean defaultValue) {
    return helper().getBoolFlagDetail(key, defaultValue);
  }

  @Override
  public EvaluationDetail<String> getStringFlagDetail(String key, String defaultValue) {
    return helper().getStringFlagDetail(key, defaultValue);
  }

  @Override
  public EvaluationDetail<Integer> getIntFlagDetail(String key, int defaultValue) {
    return helper().getIntFlagDetail(key, defaultValue);
  }

  @Override
  public EvaluationDetail<Double> getDoubleFlagDetail(String key, double defaultValue) {
    return helper().getDoubleFlagDetail(key, defaultValue);
  }

  @Override
  public EvaluationDetail<AvsbValue> getJsonFlagDetail(String key, AvsbValue defaultValue) {
    return helper().getJsonFlagDetail(key, defaultValue);
  }

  @Override
  public FeatureFlagsState allFlagsState() {
    return helper().allFlagsState();
  }

  @Override
  public void track(String eventKey) {
    helper().track(eventKey);
  }

  @Override
  public void track(String eventKey, Map<String, ?> data) {
    helper().track(eventKey, data);
  }

  @Override
  public void track(String eventKey, double metricValue, Map<String, ?> data) {
    helper().track(eventKey, metricValue, data);
  }

  @Override
  public void identify() {
    helper().identify();
  }

  @Override
  public String toString() {
    return "ScopedAvsb[" + helper().context() + "]";
  }
}
