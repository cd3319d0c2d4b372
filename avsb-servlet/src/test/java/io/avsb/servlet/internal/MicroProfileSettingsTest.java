package io.avsb.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.junit.jupiter.api.Test;

class MicroProfileSettingsTest {
  @Test
  void readsTheConfigurationTheApplicationsClassLoaderSees() throws Exception {
    // a loader of its own, as a webapp has, so the JVM's default configuration is not touched
    try (URLClassLoader webapp = new URLClassLoader(new URL[0], getClass().getClassLoader())) {
      SmallRyeConfig config = new SmallRyeConfigBuilder()
          .withSources(new PropertiesConfigSource(
              Map.of("avsb.flagsFile", "/from-mp.json", "avsb.startWait", "PT2S"), "test", 500))
          .build();
      ConfigProviderResolver resolver = ConfigProviderResolver.instance();
      resolver.registerConfig(config, webapp);
      try {
        UnaryOperator<String> lookup = MicroProfileSettings.lookup(webapp);
        assertThat(lookup.apply("avsb.flagsFile")).isEqualTo("/from-mp.json");
        assertThat(lookup.apply("avsb.startWait")).isEqualTo("PT2S");
        assertThat(lookup.apply("avsb.sdkKey")).isNull();
        Settings settings = new Settings(name -> null, name -> null, lookup, name -> null);
        assertThat(settings.find(Setting.FLAGS_FILE))
            .isEqualTo(new Settings.Found("/from-mp.json", "MicroProfile Config avsb.flagsFile"));
      } finally {
        resolver.releaseConfig(config);
      }
    }
  }
}
