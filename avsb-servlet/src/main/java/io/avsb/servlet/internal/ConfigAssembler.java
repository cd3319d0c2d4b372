package io.avsb.servlet.internal;

import io.avsb.AvsbConfig;
import io.avsb.internal.log.LogText;
import io.avsb.servlet.AvsbConfigurer;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the webapp's {@link AvsbConfig} from its {@link Settings}, then the configurer class
 * named by {@code avsb.configurer}, then the configurer given in code.
 *
 * <p>Decisions: start-up never fails the webapp over a setting. A malformed value is logged as
 * an error naming the setting and where it came from (never the value: it may be a key or a URI
 * with credentials; the flags file's path is the exception, as it is what the user must fix) and
 * ignored. A configurer that cannot be loaded or that throws is logged and left out. Without an
 * SDK key no event is sent and nothing but a flags file (or a configurer's data source) gives
 * flags; the core says once why it runs offline, and this class adds which settings change that.
 * Not thread-safe; used once at start-up.
 */
public final class ConfigAssembler {
  private static final Logger LOG = LoggerFactory.getLogger("io.avsb.servlet");

  /**
   * The outcome.
   *
   * @param config the configuration to start the server with
   * @param temporaryFlagsFile a copied flags file to delete at shutdown, or null
   */
  public record Result(AvsbConfig config, Path temporaryFlagsFile) {}

  private ConfigAssembler() {}

  /**
   * Assembles the configuration.
   *
   * @param settings where the {@code avsb.*} values come from
   * @param files how {@code avsb.flagsFile} is found
   * @param loader the webapp's class loader, for {@code avsb.configurer}
   * @param configurer a configurer given in code, or null
   */
  public static Result assemble(
      Settings settings, FlagsFileLocator files, ClassLoader loader, AvsbConfigurer configurer) {
    Settings.Found key = settings.find(Setting.SDK_KEY);
    String sdkKey = key == null ? null : key.value();
    FlagsFileLocator.Located flags = locateFlags(settings, files);
    AvsbConfigurer named = namedConfigurer(settings, loader);
    AvsbConfig config;
    try {
      AvsbConfig.Builder builder = fromSettings(settings, sdkKey, flags);
      if (named != null) {
        named.configure(builder);
      }
      if (configurer != null) {
        configurer.configure(builder);
      }
      config = builder.build();
    } catch (RuntimeException e) {
      LOG.error("An A vs B configurer failed; starting without configurers", e);
      config = fromSettings(settings, sdkKey, flags).build();
    }
    describe(config);
    return new Result(config, flags != null && flags.temporary() ? flags.path() : null);
  }

  private static AvsbConfig.Builder fromSettings(
      Settings settings, String sdkKey, FlagsFileLocator.Located flags) {
    AvsbConfig.Builder b = AvsbConfig.builder(sdkKey);
    if (flags != null) {
      b.flagsFile(flags.path());
    }
    apply(settings, Setting.OFFLINE, ConfigAssembler::parseBoolean, b::offline, "true or false");
    String uri = "an http or https URI with a host";
    apply(settings, Setting.BASE_URI, URI::create, b::baseUri, uri);
    apply(settings, Setting.STREAM_URI, URI::create, b::streamUri, uri);
    apply(settings, Setting.EVENTS_URI, URI::create, b::eventsUri, uri);
    apply(settings, Setting.START_WAIT, ConfigAssembler::parseDuration, b::startWait,
        "a non-negative ISO-8601 duration such as PT5S, or a number of seconds");
    return b;
  }

  private static <T> void apply(
      Settings settings,
      Setting setting,
      Function<String, T> parse,
      Consumer<T> set,
      String expected) {
    Settings.Found found = settings.find(setting);
    if (found == null) {
      return;
    }
    try {
      set.accept(parse.apply(found.value()));
    } catch (RuntimeException e) {
      LOG.error("A vs B setting {} is not {}; ignoring it", found.source(), expected);
    }
  }

  private static FlagsFileLocator.Located locateFlags(Settings settings, FlagsFileLocator files) {
    Settings.Found found = settings.find(Setting.FLAGS_FILE);
    if (found == null) {
      return null;
    }
    try {
      FlagsFileLocator.Located located = files.locate(found.value());
      if (located == null) {
        LOG.error("A vs B setting {} names the flags file {}, but {}; running without it",
            found.source(), LogText.of(found.value()), files.whereLooked(found.value()));
      }
      return located;
    } catch (IOException | RuntimeException e) {
      LOG.error("A vs B setting {}: the flags file cannot be read ({}); ignoring it",
          found.source(), e.getClass().getSimpleName());
      return null;
    }
  }

  private static AvsbConfigurer namedConfigurer(Settings settings, ClassLoader loader) {
    Settings.Found found = settings.find(Setting.CONFIGURER);
    if (found == null) {
      return null;
    }
    try {
      Class<?> type = Class.forName(found.value(), true, loader);
      if (!AvsbConfigurer.class.isAssignableFrom(type)) {
        LOG.error("A vs B setting {}: class {} does not implement {}; ignoring it",
            found.source(), type.getName(), AvsbConfigurer.class.getName());
        return null;
      }
      return (AvsbConfigurer) type.getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      LOG.error("A vs B setting {}: cannot create the configurer ({}); ignoring it",
          found.source(), e.toString());
      return null;
    }
  }

  private static void describe(AvsbConfig config) {
    if (config.dataSource() != null) {
      LOG.info("A vs B: flags from a custom data source");
    } else if (config.flagsFile() != null) {
      LOG.info("A vs B: flags from the file {}, reloaded when it changes{}", config.flagsFile(),
          config.sdkKey() == null ? " (no SDK key: no events are sent)" : "");
    } else if (config.sdkKey() == null) {
      LOG.info("A vs B: to get flags, set avsb.sdkKey (or AVSB_SDK_KEY) or avsb.flagsFile (or"
          + " AVSB_FLAGS_FILE)");
    }
  }

  static boolean parseBoolean(String text) {
    switch (text.toLowerCase(Locale.ROOT)) {
      case "true":
        return true;
      case "false":
        return false;
      default:
        throw new IllegalArgumentException("not a boolean");
    }
  }

  static Duration parseDuration(String text) {
    if (text.regionMatches(true, 0, "P", 0, 1) || text.regionMatches(true, 0, "-P", 0, 2)) {
      return Duration.parse(text);
    }
    BigDecimal seconds = new BigDecimal(text);
    return Duration.ofMillis(seconds.movePointRight(3).longValueExact());
  }
}
