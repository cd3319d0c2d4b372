package io.avsb.examples.cdi;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestEvent;
import org.jboss.weld.environment.servlet.Listener;

/**
 * Weld's servlet listener, plus an early end of an async request's CDI request on the thread that
 * started it. Weld binds the request context to the thread in {@code requestInitialized} and
 * unbinds it in {@code requestDestroyed}, expecting both on one thread; Tomcat calls {@code
 * requestDestroyed} for an async request only when it completes, on another thread, so the
 * starting thread would keep Weld's thread-locals (and with them the webapp's class loader after
 * an undeploy). {@link AsyncRequestEnd} ends the request here when the initial dispatch returns;
 * the container's later call is then skipped. Request-scoped beans of async requests stay in the
 * request, and go with it. Thread-safe as Weld's listener is.
 */
public class WeldListener extends Listener {
  private static final String ENDED = WeldListener.class.getName() + ".ended";

  @Override
  public void contextInitialized(ServletContextEvent event) {
    super.contextInitialized(event);
    event.getServletContext().setAttribute(WeldListener.class.getName(), this);
  }

  @Override
  public void contextDestroyed(ServletContextEvent event) {
    event.getServletContext().removeAttribute(WeldListener.class.getName());
    super.contextDestroyed(event);
  }

  @Override
  public void requestDestroyed(ServletRequestEvent event) {
    if (event.getServletRequest().getAttribute(ENDED) == null) {
      super.requestDestroyed(event);
    }
  }

  /** Ends {@code request}'s CDI request on this thread, once; the async work goes on. */
  void endOnThisThread(ServletRequest request) {
    if (request.getAttribute(ENDED) == null) {
      super.requestDestroyed(new ServletRequestEvent(request.getServletContext(), request));
      request.setAttribute(ENDED, Boolean.TRUE);
    }
  }
}
