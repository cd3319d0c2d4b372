package io.avsb.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.avsb.AvsbValue;
import io.avsb.spi.DataKind;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The flag changes {@link StoreUpdates} reports, through prerequisites and segments. */
class StoreUpdatesChangesTest {
  /** Records every report; active unless switched off. */
  private static final class Reports implements FlagChangeSink {
    final List<Set<String>> seen = new ArrayList<>();
    volatile boolean active = true;

    @Override
    public boolean active() {
      return active;
    }

    @Override
    public void flagsChanged(Set<String> flagKeys) {
      seen.add(flagKeys);
    }

    Set<String> last() {
      return seen.get(seen.size() - 1);
    }
  }

  private final Reports reports = new Reports();
  private final StoreUpdates updates = new StoreUpdates(
      new FlagStore(), new DataSourceStatusTracker(Clock.systemUTC()), reports);

  private static String flag(String key, int version, String extra) {
    return "{\"key\":\"" + key + "\",\"version\":" + version + ",\"on\":true,"
        + "\"variations\":[true,false],\"fallthrough\":{\"variation\":0},\"offVariation\":1"
        + (extra.isEmpty() ? "" : "," + extra) + "}";
  }

  private static String prereq(String key) {
    return "\"prerequisites\":[{\"key\":\"" + key + "\",\"variation\":0}]";
  }

  private static String segmentRule(String segmentKey) {
    return "\"rules\":[{\"id\":\"r\",\"clauses\":[{\"attribute\":\"key\",\"op\":\"segmentMatch\","
        + "\"values\":[\"" + segmentKey + "\"]}],\"variation\":0}]";
  }

  private static String segment(String key, int version, String nestedSegment) {
    return "{\"key\":\"" + key + "\",\"version\":" + version + ",\"included\":[\"u\"]"
        + (nestedSegment == null ? "" : ",\"rules\":[{\"clauses\":[{\"attribute\":\"key\","
            + "\"op\":\"segmentMatch\",\"values\":[\"" + nestedSegment + "\"]}]}]")
        + "}";
  }

  /**
   * a; b requires a; c requires b; s1 segment; s2 nests s1; d matches s1; e matches s2; f alone.
   */
  private AvsbValue graphData(int version) {
    return AvsbValue.parse("{\"flags\":{"
        + "\"a\":" + flag("a", version, "") + ","
        + "\"b\":" + flag("b", version, prereq("a")) + ","
        + "\"c\":" + flag("c", version, prereq("b")) + ","
        + "\"d\":" + flag("d", version, segmentRule("s1")) + ","
        + "\"e\":" + flag("e", version, segmentRule("s2")) + ","
        + "\"f\":" + flag("f", version, "")
        + "},\"segments\":{"
        + "\"s1\":" + segment("s1", version, null) + ","
        + "\"s2\":" + segment("s2", version, "s1")
        + "}}");
  }

  @Test
  void firstFullDataSetReportsEveryFlag() {
    updates.init(graphData(1));
    assertThat(reports.seen).containsExactly(Set.of("a", "b", "c", "d", "e", "f"));
  }

  @Test
  void patchedFlagReportsItselfAndEveryFlagRequiringItTransitively() {
    updates.init(graphData(1));
    updates.upsert(DataKind.FLAGS, "a", AvsbValue.parse(flag("a", 2, "")));
    assertThat(reports.last()).containsExactly("a", "b", "c");
    updates.upsert(DataKind.FLAGS, "c", AvsbValue.parse(flag("c", 2, prereq("b"))));
    assertThat(reports.last()).containsExactly("c");
  }

  @Test
  void patchedSegmentReportsFlagsMatchingItDirectlyAndThroughNestedSegments() {
    updates.init(graphData(1));
    updates.upsert(DataKind.SEGMENTS, "s1", AvsbValue.parse(segment("s1", 2, null)));
    assertThat(reports.last()).containsExactly("d", "e");
    updates.upsert(DataKind.SEGMENTS, "s2", AvsbValue.parse(segment("s2", 2, "s1")));
    assertThat(reports.last()).containsExactly("e");
  }

  @Test
  void deleteReportsTheFlagAndItsDependents() {
    updates.init(graphData(1));
    updates.delete(DataKind.FLAGS, "b", 2);
    assertThat(reports.last()).containsExactly("b", "c");
    updates.delete(DataKind.SEGMENTS, "s2", 2);
    assertThat(reports.last()).containsExactly("e");
  }

  @Test
  void updateThatIsNotAppliedReportsNothing() {
    updates.init(graphData(3));
    int before = reports.seen.size();
    updates.upsert(DataKind.FLAGS, "a", AvsbValue.parse(flag("a", 3, "")));
    updates.delete(DataKind.FLAGS, "a", 2);
    assertThat(reports.seen).hasSize(before);
  }

  @Test
  void fullDataSetReportsOnlyChangedAddedAndRemovedFlagsWithTheirDependents() {
    updates.init(graphData(1));
    String data = "{\"flags\":{"
        + "\"a\":" + flag("a", 2, "") + ","                     // changed: b, c follow
        + "\"b\":" + flag("b", 1, prereq("a")) + ","
        + "\"c\":" + flag("c", 1, prereq("b")) + ","
        + "\"d\":" + flag("d", 1, segmentRule("s1")) + ","
        + "\"e\":" + flag("e", 1, segmentRule("s2")) + ","
        + "\"g\":" + flag("g", 1, "")                           // added; f removed
        + "},\"segments\":{"
        + "\"s1\":" + segment("s1", 1, null) + ","
        + "\"s2\":" + segment("s2", 5, "s1")                    // changed: e follows
        + "}}";
    updates.init(AvsbValue.parse(data));
    assertThat(reports.last()).containsExactly("a", "b", "c", "e", "f", "g");
  }

  @Test
  void identicalFullDataSetReportsNothing() {
    updates.init(graphData(1));
    int before = reports.seen.size();
    updates.init(graphData(1));
    assertThat(reports.seen).hasSize(before);
  }

  @Test
  void flagThatDroppedAPrerequisiteIsNoLongerReportedForIt() {
    updates.init(graphData(1));
    updates.upsert(DataKind.FLAGS, "b", AvsbValue.parse(flag("b", 2, "")));
    assertThat(reports.last()).containsExactly("b", "c");
    updates.upsert(DataKind.FLAGS, "a", AvsbValue.parse(flag("a", 2, "")));
    assertThat(reports.last()).containsExactly("a");
  }

  @Test
  void flagDependingOnADeletedFlagIsReportedWhenItComesBack() {
    updates.init(graphData(1));
    updates.delete(DataKind.FLAGS, "a", 2);
    updates.upsert(DataKind.FLAGS, "a", AvsbValue.parse(flag("a", 3, "")));
    assertThat(reports.last()).containsExactly("a", "b", "c");
  }

  @Test
  void inactiveSinkHearsNothingAndTheGraphIsRebuiltWhenItBecomesActive() {
    reports.active = false;
    updates.init(graphData(1));
    updates.upsert(DataKind.FLAGS, "b", AvsbValue.parse(flag("b", 2, prereq("a"))));
    updates.upsert(DataKind.FLAGS, "x", AvsbValue.parse(flag("x", 1, prereq("a"))));
    assertThat(reports.seen).isEmpty();
    reports.active = true;
    updates.upsert(DataKind.FLAGS, "a", AvsbValue.parse(flag("a", 2, "")));
    assertThat(reports.last()).containsExactly("a", "b", "c", "x");
  }

  @Test
  void listenerAddedWhenTheFirstDataBecomesVisibleIsNotToldOfThatData() {
    FlagStore store = new FlagStore();
    StoreUpdates racing = new StoreUpdates(store,
        new DataSourceStatusTracker(Clock.systemUTC()), reports);
    reports.active = false;
    // as a reader woken by readiness adding a listener while the write is still in progress
    store.whenInitialized().thenRun(() -> reports.active = true);
    racing.init(graphData(1));
    assertThat(reports.seen).isEmpty();
    racing.upsert(DataKind.FLAGS, "f", AvsbValue.parse(flag("f", 2, "")));
    assertThat(reports.seen).containsExactly(Set.of("f"));
  }

  @Test
  void prerequisiteCycleEndsTheSearch() {
    updates.init(AvsbValue.parse("{\"flags\":{"
        + "\"p\":" + flag("p", 1, prereq("q")) + ","
        + "\"q\":" + flag("q", 1, prereq("p")) + "}}"));
    updates.upsert(DataKind.FLAGS, "p", AvsbValue.parse(flag("p", 2, prereq("q"))));
    assertThat(reports.last()).containsExactly("p", "q");
  }

  @Test
  void sinkThatThrowsDoesNotUndoTheUpdate() {
    StoreUpdates throwing = new StoreUpdates(new FlagStore(),
        new DataSourceStatusTracker(Clock.systemUTC()), new FlagChangeSink() {
          @Override
          public boolean active() {
            return true;
          }

          @Override
          public void flagsChanged(Set<String> flagKeys) {
            throw new IllegalStateException("broken sink");
          }
        });
    assertThat(throwing.init(graphData(1))).isTrue();
    assertThat(throwing.upsert(DataKind.FLAGS, "a", AvsbValue.parse(flag("a", 2, "")))).isTrue();
  }
}
