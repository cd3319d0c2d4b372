package io.avsb.examples.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.invoke.CallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.runtime.ObjectMethods;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.apache.catalina.Context;
import org.apache.catalina.core.StandardHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deploys, uses and undeploys an example WAR 20 times in one embedded Tomcat (the servlet WAR;
 * the CDI WAR, whose Weld and RESTEasy keep caches and threads of their own): afterwards no
 * {@code avsb-} thread (nor the example's own worker, nor a Weld thread) is alive, Tomcat's leak
 * detection finds no class loader of the webapp still reachable, and its class loader logged no
 * leak warning (threads, ThreadLocals, timers, drivers) while stopping it. The one loader this
 * check found held (1 of 20 CDI webapps, when the servlet WAR's rounds had run first) was held by
 * a JDK 17 cache, not by the kit: see {@link #releaseJdk17RecordMethodCaches()} for the path.
 */
class TomcatRedeployLeakTest {
  private static final int ROUNDS = 20;
  private static final Pattern TOMCAT_UTILITY_THREAD =
      Pattern.compile("started a thread named \\[Catalina-utility-\\d+\\]");

  /** A record of the test's own class loader; see {@link #releaseJdk17RecordMethodCaches()}. */
  private record Evict(String value) {}

  /**
   * JDK 17 keeps the last {@code asType} adaptation of a method handle in a strong one-entry cache
   * (JDK-8078641, fixed in JDK 18). {@link ObjectMethods#bootstrap} builds a record's {@code
   * equals}, {@code hashCode} and {@code toString} from such adaptations of shared handles
   * ({@code OBJECT_EQ} to the record's type, {@code OBJECTS_EQUALS}, {@code OBJECTS_HASHCODE} and
   * {@code OBJECTS_TOSTRING} to each reference component's type), so the last webapp whose record
   * methods were linked stays reachable until any other record's are. Seen in a heap dump of a
   * failed run: sticky class {@code java.lang.runtime.ObjectMethods} → static {@code OBJECT_EQ} →
   * {@code MethodHandle.asTypeCache} → a {@code DirectMethodHandle} → its {@code
   * MethodType.ptypes[0]} = class {@code io.avsb.internal.web.MemoizingScopedAvsb$Key} of the last
   * CDI webapp → its {@code ParallelWebappClassLoader}. That holds at most one undeployed webapp, whatever the kit
   * does. Calling {@code Evict.equals} would not do: its call site is linked once per JVM, so
   * after the first test of this class it no longer runs the bootstrap. The bootstrap is run here
   * directly, every time, for a record of the test's own loader with a {@code String} component,
   * which replaces all four entries, so that Tomcat's check below sees what the kit itself leaves
   * behind.
   */
  private static void releaseJdk17RecordMethodCaches() throws Throwable {
    MethodHandles.Lookup lookup = MethodHandles.lookup();
    MethodHandle value = lookup.findGetter(Evict.class, "value", String.class);
    MethodHandle equals = link(lookup, "equals",
        MethodType.methodType(boolean.class, Evict.class, Object.class), value);
    MethodHandle hashCode = link(lookup, "hashCode",
        MethodType.methodType(int.class, Evict.class), value);
    MethodHandle toString = link(lookup, "toString",
        MethodType.methodType(String.class, Evict.class), value);
    Evict a = new Evict("a");
    assertThat((boolean) equals.invokeExact(a, (Object) new Evict("b"))).isFalse();
    assertThat((boolean) equals.invokeExact(a, (Object) new Evict("a"))).isTrue();
    assertThat((int) hashCode.invokeExact(a)).isEqualTo(new Evict("a").hashCode());
    assertThat((String) toString.invokeExact(a)).isEqualTo(a.toString());
  }

  private static MethodHandle link(MethodHandles.Lookup lookup, String name, MethodType type,
      MethodHandle getter) throws Throwable {
    return ((CallSite) ObjectMethods.bootstrap(lookup, name, type, Evict.class, "value", getter))
        .dynamicInvoker();
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
  void twentyRedeploysLeaveNoThreadAndNoClassLoaderBehind(@TempDir Path dir) throws Throwable {
    redeployTwentyTimes(dir, TomcatRedeployLeakTest::deployUseAndUndeploy);
  }

  @Test
  void twentyCdiRedeploysLeaveNoWeldThreadNorCacheAndNoClassLoaderBehind(@TempDir Path dir)
      throws Throwable {
    redeployTwentyTimes(dir, TomcatRedeployLeakTest::deployUseAndUndeployCdi);
  }

  private static void redeployTwentyTimes(Path dir, Round round) throws Throwable {
    List<String> leakWarnings = new CopyOnWriteArrayList<>();
    Logger loaderLog = Logger.getLogger("org.apache.catalina.loader");
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord record) {
        String message = String.valueOf(record.getMessage());
        // Tomcat's own background thread runs each context's periodic work under that context's
        // class loader; an undeploy that coincides with it makes Tomcat warn about its own thread
        // (seen once in a CI-like run). Not the webapp's thread, and the loader check below still
        // proves nothing holds the webapp.
        if (record.getLevel().intValue() >= Level.WARNING.intValue()
            && !TOMCAT_UTILITY_THREAD.matcher(message).find()) {
          leakWarnings.add(message);
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
