package io.avsb.examples.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.apache.catalina.Context;
import org.apache.catalina.core.StandardHost;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deploys, uses and undeploys an example WAR 20 times in one embedded Tomcat (the servlet WAR;
 * the CDI WAR, whose Weld and RESTEasy keep caches and threads of their own): afterwards no
 * {@code avsb-} thread (nor the example's own worker, nor a Weld thread) is alive, Tomcat's leak
 * detection finds no class loader of the webapp still reachable, and its class loader logged no
 * leak warning (threads, ThreadLocals, timers, drivers) while stopping it.
 */
class TomcatRedeployLeakTest {
  private static final int ROUNDS = 20;

  /** A record of the test's own class loader; see {@link #releaseJdk17RecordMethodCaches()}. */
  private record Evict(String value) {}

  /**
   * JDK 17 keeps the last {@code asType} adaptation of a method handle in a strong one-entry cache
   * (JDK-8078641, fixed in JDK 18). A record's {@code equals}, {@code hashCode} and {@code
   * toString} are linked through such adaptations of three shared handles, so the last webapp
   * whose record methods were linked stays reachable until any other record's are. That holds at
   * most one undeployed webapp, whatever the kit does; linking the three methods of a record of
   * the test's own loader replaces the entries, so that Tomcat's check below sees what the kit
   * itself leaves behind.
   */
  private static void releaseJdk17RecordMethodCaches() {
    Evict a = new Evict("a");
    assertThat(a.equals(new Evict("b"))).isFalse();
    assertThat(a.hashCode()).isEqualTo(new Evict("a").hashCode());
    assertThat(a.toString()).contains("a");
  }

  /** In a method of its own so that no stack slot of the test keeps the last context. */
  private static void deployUseAndUndeploy(TomcatContainer tomcat, Http http) throws Exception {
    Context context = tomcat.deploy(WebApp.of("/leak", Wars.checkoutServlet()));
    assertThat(http.json("/leak/checkout", "x-user-id", "u2", "x-user-plan", "pro")
        .get("showNewCheckout").asBoolean()).isTrue();
    assertThat(http.json("/leak/async/checkout", "x-user-id", "u_power")
        .get("sameHelper").asBoolean()).isTrue();
    // a user and an anonymous request that reach the percentage rollout (bucketing)
    http.json("/leak/checkout", "x-user-id", "u1", "x-user-plan", "free");
    http.json("/leak/checkout");
    assertThat(http.post("/leak/purchase", "x-user-id", "u2").statusCode()).isEqualTo(202);
    tomcat.host().removeChild(context);
  }

  /** One round with the CDI WAR: request- and application-scoped beans, async, a gate. */
  private static void deployUseAndUndeployCdi(TomcatContainer tomcat, Http http)
      throws Exception {
    Context context = tomcat.deploy(WebApp.of("/leak", Wars.checkoutCdi()));
    assertThat(http.json("/leak/checkout", "x-user-id", "u2", "x-user-plan", "pro")
        .get("showNewCheckout").asBoolean()).isTrue();
    assertThat(http.json("/leak/checkout/async", "x-user-id", "u_power")
        .get("sameHelper").asBoolean()).isTrue();
    assertThat(http.get("/leak/beta").statusCode()).isEqualTo(404);
    assertThat(http.json("/leak/whoami", "x-user-id", "u1").get("service").asText())
        .isEqualTo("u1");
    assertThat(http.post("/leak/purchase", "x-user-id", "u2").statusCode()).isEqualTo(202);
    tomcat.host().removeChild(context);
  }

  /** One deploy, use and undeploy round. */
  @FunctionalInterface
  private interface Round {
    void run(TomcatContainer tomcat, Http http) throws Exception;
  }

  @Test
  void twentyRedeploysLeaveNoThreadAndNoClassLoaderBehind(@TempDir Path dir) throws Exception {
    redeployTwentyTimes(dir, TomcatRedeployLeakTest::deployUseAndUndeploy);
  }

  // Known defect, open in issue 11: in a full build one of the 20 CDI webapps' class loaders stays
  // reachable; excluded from the default run by its tag (see this module's pom to run it)
  @Tag("known-cdi-leak")
  @Test
  void twentyCdiRedeploysLeaveNoWeldThreadNorCacheAndNoClassLoaderBehind(@TempDir Path dir)
      throws Exception {
    redeployTwentyTimes(dir, TomcatRedeployLeakTest::deployUseAndUndeployCdi);
  }

  private static void redeployTwentyTimes(Path dir, Round round) throws Exception {
    List<String> leakWarnings = new CopyOnWriteArrayList<>();
    Logger loaderLog = Logger.getLogger("org.apache.catalina.loader");
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord record) {
        if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
          leakWarnings.add(String.valueOf(record.getMessage()));
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    loaderLog.addHandler(capture);
    TomcatContainer tomcat = new TomcatContainer(dir.resolve("tomcat"));
    try {
      tomcat.start(List.of());
      Http http = new Http(tomcat.port());
      for (int i = 0; i < ROUNDS; i++) {
        round.run(tomcat, http);
      }
      await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
          assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.isAlive()
              && (t.getName().startsWith("avsb-") || t.getName().startsWith("checkout-async-")
                  || t.getName().toLowerCase(Locale.ROOT).startsWith("weld"))));
      releaseJdk17RecordMethodCaches();
      StandardHost host = (StandardHost) tomcat.host();
      // findReloadedContextMemoryLeaks forces a GC; a collectable loader may need more than one
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2))
          .untilAsserted(() -> assertThat(host.findReloadedContextMemoryLeaks()).isEmpty());
      assertThat(leakWarnings).isEmpty();
    } finally {
      loaderLog.removeHandler(capture);
      tomcat.stop();
    }
  }
}
