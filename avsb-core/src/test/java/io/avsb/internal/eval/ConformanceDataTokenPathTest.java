package io.avsb.internal.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.avsb.AvsbConfig;
import io.avsb.AvsbValue;
import io.avsb.internal.datasource.FlagFileParser;
import io.avsb.internal.json.JsonCodec;
import io.avsb.internal.store.DataSourceStatusTracker;
import io.avsb.internal.store.FlagStore;
import io.avsb.internal.store.Snapshot;
import io.avsb.internal.store.StoreUpdates;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The data of every conformance suite, read as a flags file (the store reads each item straight
 * from the parser's tokens), makes the same flags and segments, field by field, as the same data
 * given to the store as one JSON value (each item parsed from its value): {@link ConformanceTest}
 * evaluates the latter, so its cases hold for the token path too.
 */
class ConformanceDataTokenPathTest {
  @Test
  void everySuitesDataLoadsTheSameFromTokensAsFromAJsonValue() throws Exception {
    Path dir = ConformanceSuites.directory();
    ConformanceSuites.requireCaseFiles(dir);
    int items = 0;
    for (ConformanceSuites.Suite suite : ConformanceSuites.loadAll(dir)) {
      Map<String, Object> data = new LinkedHashMap<>();
      for (String kind : new String[] {"flags", "segments"}) {
        if (suite.sdkData().get(kind) != null) {
          data.put(kind, suite.sdkData().get(kind));
        }
      }
      AvsbValue value = AvsbValue.fromJava(data);
      Snapshot fromValue = load(value, false);
      Snapshot fromTokens = load(value, true);
      assertThat(fromTokens.flags()).as(suite.file() + ": " + suite.name())
          .usingRecursiveComparison()
          .withComparatorForType((a, b) -> a.pattern().compareTo(b.pattern()), Pattern.class)
          .isEqualTo(fromValue.flags());
      assertThat(fromTokens.segments()).as(suite.file() + ": " + suite.name())
          .usingRecursiveComparison()
          .withComparatorForType((a, b) -> a.pattern().compareTo(b.pattern()), Pattern.class)
          .isEqualTo(fromValue.segments());
      items += fromValue.flags().size() + fromValue.segments().size();
    }
    assertThat(items).as("items in the conformance data of %s", dir).isGreaterThan(100);
  }

  private static Snapshot load(AvsbValue data, boolean tokens) throws Exception {
    FlagStore store = new FlagStore(Clock.systemUTC());
    StoreUpdates updates = new StoreUpdates(store, new DataSourceStatusTracker(Clock.systemUTC()));
    if (tokens) {
      byte[] text = JsonCodec.write(data).getBytes(StandardCharsets.UTF_8);
      assertThat(updates.init(FlagFileParser.parse(text, false, AvsbConfig.DEFAULT_MAX_DATA_BYTES)))
          .isTrue();
    } else {
      assertThat(updates.init(data)).isTrue();
    }
    return store.snapshot();
  }
}
