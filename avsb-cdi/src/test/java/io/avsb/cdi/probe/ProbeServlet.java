package io.avsb.cdi.probe;

import io.avsb.ScopedAvsb;
import io.avsb.servlet.Avsb;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.servlet.AsyncContext;
import org.jboss.weld.environment.servlet.WeldServletLifecycle;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Answers what the injected helpers say for the request, as plain text {@code name=value} lines.
 * {@code /who}: the app-scoped and request-scoped beans' helpers, {@code Avsb.from} and whether
 * they are one memo; {@code /async}: both helpers read on a worker thread; {@code /pair}: reads
 * the app-scoped helper before and after meeting a second request at a barrier.
 */
public final class ProbeServlet extends HttpServlet {
  private final ExecutorService workers;
  private final CyclicBarrier pair;

  public ProbeServlet(ExecutorService workers, CyclicBarrier pair) {
    this.workers = workers;
    this.pair = pair;
  }

  static <T> T bean(HttpServletRequest request, Class<T> type) {
    BeanManager manager = (BeanManager) request.getServletContext()
        .getAttribute(WeldServletLifecycle.BEAN_MANAGER_ATTRIBUTE_NAME);
    return manager.createInstance().select(type).get();
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    ScopedAvsb app = bean(request, AppProbe.class).avsb();
    ScopedAvsb scoped = bean(request, RequestProbe.class).avsb();
    response.setContentType("text/plain");
    switch (request.getPathInfo()) {
      case "/who" -> {
        // CDI first: without the filter, Avsb.from alone would store the anonymous helper
        String appKey = app.context().key();
        ScopedAvsb stored = Avsb.from(request);
        response.getWriter().print("app=" + appKey
            + "\nrequest=" + scoped.context().key()
            + "\nstored=" + stored.context().key()
            + "\nsameHelper=" + (app.getBoolFlagDetail("checkout-v2", false)
                == stored.getBoolFlagDetail("checkout-v2", false)
                && scoped.getBoolFlagDetail("checkout-v2", false)
                == stored.getBoolFlagDetail("checkout-v2", false))
            + "\nlistenerServer=" + (bean(request, AppProbe.class).server()
                == Avsb.server(request.getServletContext()))
            + "\nresolvedBy=" + request.getAttribute(Avsb.RESOLVED_BY_ATTRIBUTE));
      }
      case "/async" -> {
        AsyncContext async = request.startAsync();
        Thread requestThread = Thread.currentThread();
        workers.execute(() -> {
          String appAnswer;
          try {
            appAnswer = app.context().key();
          } catch (ContextNotActiveException e) {
            appAnswer = "ContextNotActiveException: " + e.getMessage();
          }
          try {
            async.getResponse().getWriter().print("request=" + scoped.context().key()
                + "\notherThread=" + (Thread.currentThread() != requestThread)
                + "\napp=" + appAnswer);
          } catch (IOException e) {
            throw new IllegalStateException(e);
          } finally {
            async.complete();
          }
        });
      }
      case "/pair" -> {
        String before = app.context().key();
        try {
          pair.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
          response.sendError(500, "the other request did not come: " + e);
          return;
        }
        response.getWriter().print("before=" + before + "\nafter=" + app.context().key()
            + "\nrequest=" + scoped.context().key());
      }
      default -> response.sendError(404);
    }
  }
}
