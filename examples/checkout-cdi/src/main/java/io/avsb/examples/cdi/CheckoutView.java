package io.avsb.examples.cdi;

import io.avsb.AvsbValue;
import io.avsb.ScopedAvsb;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the seed's {@code /checkout} route answers, read from a helper.
 *
 * @param showNewCheckout the {@code checkout-v2} flag
 * @param theme the {@code ui-theme} flag
 */
record CheckoutView(boolean showNewCheckout, String theme) {
  static CheckoutView of(ScopedAvsb avsb) {
    return new CheckoutView(
        avsb.getBoolFlag("checkout-v2", false), avsb.getStringFlag("ui-theme", "default"));
  }

  /** {@code {"showNewCheckout": ..., "theme": ...}} plus {@code extra} entries. */
  String toJson(Map<String, ?> extra) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("showNewCheckout", showNewCheckout);
    body.put("theme", theme);
    body.putAll(extra);
    return AvsbValue.fromJava(body).toJson();
  }
}
