package io.avsb.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {
  @Test
  void contextParamWinsOverSystemPropertyOverEnvironment() {
    Map<String, String> params = Map.of("avsb.flagsFile", " /WEB-INF/flags.json ");
    Map<String, String> props = Map.of("avsb.flagsFile", "/prop.json", "avsb.offline", "true");
    Map<String, String> env = Map.of(
        "AVSB_FLAGS_FILE", "/env.json", "AVSB_OFFLINE", "false", "AVSB_START_WAIT", "PT1S");
    Settings s = new Settings(params::get, props::get, env::get);
    assertThat(s.find(Setting.FLAGS_FILE))
        .isEqualTo(new Settings.Found("/WEB-INF/flags.json", "context-param avsb.flagsFile"));
    assertThat(s.find(Setting.OFFLINE))
        .isEqualTo(new Settings.Found("true", "system property avsb.offline"));
    assertThat(s.find(Setting.START_WAIT))
        .isEqualTo(new Settings.Found("PT1S", "environment variable AVSB_START_WAIT"));
    assertThat(s.find(Setting.SDK_KEY)).isNull();
  }

  @Test
  void blankValuesFallThroughToTheNextSource() {
    Map<String, String> params = Map.of("avsb.sdkKey", "  ");
    Map<String, String> props = Map.of("avsb.sdkKey", "");
    Map<String, String> env = Map.of("AVSB_SDK_KEY", "sdk-123");
    Settings s = new Settings(params::get, props::get, env::get);
    assertThat(s.find(Setting.SDK_KEY).value()).isEqualTo("sdk-123");
  }

  @Test
  void microProfileConfigComesAfterSystemPropertiesAndBeforeTheEnvironment() {
    Map<String, String> props = Map.of("avsb.offline", "true");
    Map<String, String> config = Map.of("avsb.offline", "false", "avsb.flagsFile", "/mp.json",
        "avsb.sdkKey", " ");
    Map<String, String> env = Map.of("AVSB_FLAGS_FILE", "/env.json", "AVSB_SDK_KEY", "sdk-env");
    Settings s = new Settings(name -> null, props::get, config::get, env::get);
    assertThat(s.find(Setting.OFFLINE))
        .isEqualTo(new Settings.Found("true", "system property avsb.offline"));
    assertThat(s.find(Setting.FLAGS_FILE))
        .isEqualTo(new Settings.Found("/mp.json", "MicroProfile Config avsb.flagsFile"));
    assertThat(s.find(Setting.SDK_KEY))
        .isEqualTo(new Settings.Found("sdk-env", "environment variable AVSB_SDK_KEY"));
  }
}
