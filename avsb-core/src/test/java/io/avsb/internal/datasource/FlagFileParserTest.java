package io.avsb.internal.datasource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.avsb.AvsbValue;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FlagFileParserTest {
  private static AvsbValue json(String text) {
    return FlagFileParser.parse(text.getBytes(StandardCharsets.UTF_8), false);
  }

  private static AvsbValue yaml(String text) {
    return FlagFileParser.parse(text.getBytes(StandardCharsets.UTF_8), true);
  }

  @Test
  void yamlIsChosenByExtension() {
    assertThat(FlagFileParser.isYaml("flags.yml")).isTrue();
    assertThat(FlagFileParser.isYaml("FLAGS.YAML")).isTrue();
    assertThat(FlagFileParser.isYaml("flags.json")).isFalse();
    assertThat(FlagFileParser.isYaml("flags")).isFalse();
  }

  @Test
  void flagModelIsPassedThroughWithSegments() {
    AvsbValue data = json("{\"flags\": {\"f\": {\"key\": \"f\", \"version\": 3}},"
        + " \"segments\": {\"s\": {\"key\": \"s\"}}}");
    assertThat(data.get("flags").get("f").get("version").intValue()).isEqualTo(3);
    assertThat(data.get("segments").get("s").get("key").stringValue()).isEqualTo("s");
  }

  @Test
  void flagValuesBecomeOnFlagsWithOneVariation() {
    AvsbValue data = json("{\"flagValues\": {\"theme\": \"dark\", \"limit\": 5}}");
    AvsbValue theme = data.get("flags").get("theme");
    assertThat(theme).isEqualTo(AvsbValue.parse("{\"key\":\"theme\",\"version\":1,\"on\":true,"
        + "\"variations\":[\"dark\"],\"fallthrough\":{\"variation\":0},\"offVariation\":0}"));
    assertThat(data.get("flags").get("limit").get("variations").get(0)).isEqualTo(AvsbValue.of(5));
    assertThat(data.get("segments")).isEqualTo(AvsbValue.parse("{}"));
  }

  @Test
  void bothFormsMayBeMixed() {
    AvsbValue data = json("{\"flags\": {\"a\": {\"key\": \"a\"}}, \"flagValues\": {\"b\": true}}");
    assertThat(data.get("flags").size()).isEqualTo(2);
    assertThat(data.get("flags").get("b").get("variations").get(0)).isEqualTo(AvsbValue.TRUE);
  }

  @Test
  void keyInBothFormsIsAnError() {
    assertThatThrownBy(() -> json("{\"flags\": {\"a\": {}}, \"flagValues\": {\"a\": 1}}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"a\"");
  }

  @Test
  void yamlIsReadLikeJson() {
    AvsbValue data = yaml("flagValues:\n  ratio: 0.25\n  enabled: true\n"
        + "flags:\n  f:\n    key: f\n    on: true\n    variations: [a, b]\n");
    assertThat(data.get("flags").get("ratio").get("variations").get(0))
        .isEqualTo(AvsbValue.of(0.25));
    assertThat(data.get("flags").get("enabled").get("variations").get(0)).isEqualTo(AvsbValue.TRUE);
    assertThat(data.get("flags").get("f").get("on")).isEqualTo(AvsbValue.TRUE);
    assertThat(data.get("flags").get("f").get("variations"))
        .isEqualTo(AvsbValue.arrayOf(AvsbValue.of("a"), AvsbValue.of("b")));
  }

  @Test
  void malformedJsonNamesTheProblemAndPlace() {
    assertThatThrownBy(() -> json("{\"flagValues\": {\"a\": }"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid JSON")
        .hasMessageContaining("line 1");
  }

  @Test
  void malformedYamlNamesTheProblem() {
    assertThatThrownBy(() -> yaml("flagValues:\n  a: [1, 2\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid YAML");
  }

  @Test
  void emptyFileIsAnError() {
    assertThatThrownBy(() -> json("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> yaml("")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty");
  }

  @Test
  void nonObjectDocumentIsAnError() {
    assertThatThrownBy(() -> json("[1, 2]"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("flagValues");
  }

  @Test
  void unknownTopLevelEntryIsAnError() {
    assertThatThrownBy(() -> json("{\"flag\": {}}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[flag]");
  }

  @Test
  void sectionThatIsNotAnObjectIsAnError() {
    assertThatThrownBy(() -> json("{\"flagValues\": [1]}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"flagValues\" must be an object");
  }
}
