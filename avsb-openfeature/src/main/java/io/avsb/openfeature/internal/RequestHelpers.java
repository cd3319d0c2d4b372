package io.avsb.openfeature.internal;

import io.avsb.ScopedAvsb;
import io.avsb.servlet.Avsb;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Objects;

/**
 * The servlet side of the request-bound client, apart so that only apps calling it need the
 * servlet module on their class path. Thread-safe.
 */
public final class RequestHelpers {
  private RequestHelpers() {}

  /** The helper {@code AvsbFilter} resolved for {@code request} (see {@link Avsb#from}). */
  public static ScopedAvsb of(HttpServletRequest request) {
    return Avsb.from(Objects.requireNonNull(request, "request"));
  }
}
