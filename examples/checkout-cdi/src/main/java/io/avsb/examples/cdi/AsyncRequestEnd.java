package io.avsb.examples.cdi;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;

/**
 * When a request's initial dispatch returns in async mode, ends its CDI request on this thread
 * through {@link WeldListener} (see there why). Mapped first, for {@code REQUEST} dispatches.
 * Thread-safe.
 */
public class AsyncRequestEnd implements Filter {
  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    chain.doFilter(request, response);
    if (request.isAsyncStarted()
        && request.getServletContext().getAttribute(WeldListener.class.getName())
            instanceof WeldListener weld) {
      weld.endOnThisThread(request);
    }
  }
}
