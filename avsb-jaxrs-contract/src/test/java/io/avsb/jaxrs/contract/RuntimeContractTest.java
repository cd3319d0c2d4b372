package io.avsb.jaxrs.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The class path under test is the runtime it claims to be. */
class RuntimeContractTest {
  private static boolean loadable(String name) {
    try {
      Class.forName(name, false, RuntimeContractTest.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  @Test
  void resteasyRunsWithoutAnyHk2OrJerseyAndJerseyWithHk2() {
    if (JaxrsApp.resteasy()) {
      assertThat(loadable("org.jboss.resteasy.spi.ContextInjector")).isTrue();
      assertThatThrownBy(() -> Class.forName("org.glassfish.hk2.api.ServiceLocator"))
          .isInstanceOf(ClassNotFoundException.class);
      assertThat(loadable("org.glassfish.jersey.server.ResourceConfig")).isFalse();
    } else {
      assertThat(JaxrsApp.runtime()).isEqualTo("jersey");
      assertThat(loadable("org.glassfish.hk2.api.ServiceLocator")).isTrue();
      assertThat(loadable("org.jboss.resteasy.spi.ContextInjector")).isFalse();
    }
  }
}
