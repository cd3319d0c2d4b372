package io.avsb.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.avsb.AvsbConfig;
import io.avsb.servlet.AvsbConfigurer;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigAssemblerTest {
  /** Named by class in avsb.configurer. */
  public static final class SlowFlush implements AvsbConfigurer {
    @Override
    public void configure(AvsbConfig.Builder builder) {
      builder.flushInterval(Duration.ofSeconds(42)).eventCapacity(7);
    }
  }

  /** Named by class in avsb.configurer; fails half-way. */
  public static final class Failing implements AvsbConfigurer {
    @Override
    public void configure(AvsbConfig.Builder builder) {
      builder.flushInterval(Duration.ofSeconds(42));
      throw new IllegalStateException("configurer bug");
    }
  }

  @TempDir Path dir;
  private final Map<String, String> params = new HashMap<>();

  private ConfigAssembler.Result assemble(AvsbConfigurer programmatic) {
    Settings settings = new Settings(params::get, name -> null, name -> null);
    FlagsFileLocator files = new FlagsFileLocator(name -> null, name -> null, dir);
    return ConfigAssembler.assemble(settings, files, getClass().getClassLoader(), programmatic);
  }

  @Test
  void noKeyAndNoFlagsFileIsOffline() {
    AvsbConfig config = assemble(null).config();
    assertThat(config.sdkKey()).isNull();
    assertThat(config.flagsFile()).isNull();
    assertThat(config.offline()).isTrue();
  }

  @Test
  void aKeyAloneGoesOnline() {
    params.put("avsb.sdkKey", "sdk-abc");
    AvsbConfig config = assemble(null).config();
    assertThat(config.sdkKey()).isEqualTo("sdk-abc");
    assertThat(config.offline()).isFalse();
  }

  @Test
  void aFlagsFileWithoutKeyReadsTheFileOffline() throws Exception {
    Path flags = Files.writeString(dir.resolve("flags.json"), "{}");
    params.put("avsb.flagsFile", flags.toString());
    ConfigAssembler.Result result = assemble(null);
    assertThat(result.config().flagsFile()).isEqualTo(flags);
    assertThat(result.config().offline()).isTrue();
    assertThat(result.temporaryFlagsFile()).isNull();
  }

  @Test
  void aCopiedResourceIsReportedForDeletion() throws Exception {
    Path source = Files.writeString(dir.resolve("packed.json"), "{}");
    URL url = source.toUri().toURL();
    Settings settings = new Settings(
        Map.of("avsb.flagsFile", "/WEB-INF/flags.json")::get, n -> null, n -> null);
    FlagsFileLocator files = new FlagsFileLocator(n -> url, n -> null, dir);
    ConfigAssembler.Result result =
        ConfigAssembler.assemble(settings, files, getClass().getClassLoader(), null);
    assertThat(result.temporaryFlagsFile()).isNotNull().isEqualTo(result.config().flagsFile());
    assertThat(result.temporaryFlagsFile()).hasParent(dir).hasContent("{}");
  }

  @Test
  void wellFormedValuesAreApplied() {
    params.put("avsb.sdkKey", "sdk-abc");
    params.put("avsb.offline", "TRUE");
    params.put("avsb.baseUri", "http://localhost:8030");
    params.put("avsb.streamUri", "http://localhost:8031");
    params.put("avsb.eventsUri", "https://events.example.com/");
    params.put("avsb.startWait", "PT2S");
    AvsbConfig config = assemble(null).config();
    assertThat(config.offline()).isTrue();
    assertThat(config.baseUri()).isEqualTo(URI.create("http://localhost:8030"));
    assertThat(config.streamUri()).isEqualTo(URI.create("http://localhost:8031"));
    assertThat(config.eventsUri()).isEqualTo(URI.create("https://events.example.com/"));
    assertThat(config.startWait()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void startWaitIsIsoOrSeconds() {
    assertThat(ConfigAssembler.parseDuration("pt0.25s")).isEqualTo(Duration.ofMillis(250));
    assertThat(ConfigAssembler.parseDuration("1.5")).isEqualTo(Duration.ofMillis(1500));
    assertThat(ConfigAssembler.parseDuration("0")).isEqualTo(Duration.ZERO);
  }

  @Test
  void malformedValuesAreIgnoredAndTheRestApplied() {
    params.put("avsb.sdkKey", "sdk-abc");
    params.put("avsb.offline", "maybe");
    params.put("avsb.baseUri", "ftp://files.example.com");
    params.put("avsb.streamUri", "not a uri");
    params.put("avsb.startWait", "-3");
    params.put("avsb.eventsUri", "http://localhost:9000");
    params.put("avsb.flagsFile", dir.resolve("missing.json").toString());
    AvsbConfig config = assemble(null).config();
    AvsbConfig defaults = AvsbConfig.builder("sdk-abc").build();
    assertThat(config.offline()).isFalse();
    assertThat(config.baseUri()).isEqualTo(defaults.baseUri());
    assertThat(config.streamUri()).isEqualTo(defaults.streamUri());
    assertThat(config.startWait()).isEqualTo(defaults.startWait());
    assertThat(config.flagsFile()).isNull();
    assertThat(config.eventsUri()).isEqualTo(URI.create("http://localhost:9000"));
  }

  @Test
  void theNamedConfigurerRunsBeforeTheProgrammaticOne() {
    params.put("avsb.configurer", SlowFlush.class.getName());
    AvsbConfig config = assemble(b -> b.flushInterval(Duration.ofSeconds(43))).config();
    assertThat(config.eventCapacity()).isEqualTo(7);
    assertThat(config.flushInterval()).isEqualTo(Duration.ofSeconds(43));
  }

  @Test
  void anUnusableConfigurerClassIsLeftOut() {
    params.put("avsb.configurer", "com.example.Missing");
    assertThat(assemble(null).config().flushInterval()).isEqualTo(Duration.ofSeconds(5));
    params.put("avsb.configurer", String.class.getName());
    assertThat(assemble(null).config().flushInterval()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void aThrowingConfigurerLeavesTheSettingsOnly() {
    params.put("avsb.configurer", Failing.class.getName());
    params.put("avsb.startWait", "3");
    AvsbConfig config = assemble(null).config();
    assertThat(config.flushInterval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.startWait()).isEqualTo(Duration.ofSeconds(3));
  }
}
