package io.avsb.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.avsb.AvsbValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonCodecTest {
  @Test
  void stringLongerThanJacksonsDefaultLimitIsReadUnderTheDocumentedOne() {
    // Jackson's own default stops at 20,000,000 characters; the kit documents 64 MiB
    String big = "x".repeat(21_000_000);

    AvsbValue value = JsonCodec.parse("[\"" + big + "\"]");

    assertThat(value.get(0).stringValue()).hasSize(21_000_000);
  }

  @Test
  void limitsOfAFactoryAreNamedInTheProblem() throws IOException {
    JsonFactory small = JsonCodec.factory(100);

    assertThat(problem(small, "[\"" + "x".repeat(101) + "\"]"))
        .isEqualTo("body holds more than 100 characters of JSON");
    assertThat(problem(JsonCodec.factory(10_000), "[" + "9".repeat(1_001) + "]"))
        .isEqualTo("body holds a number longer than 1000 characters");
    assertThat(problem(JsonCodec.factory(10_000), "[".repeat(201) + "]".repeat(201)))
        .isEqualTo("body holds JSON nested deeper than 200 levels");
    assertThat(problem(small, "{\"a\": tru}")).isEqualTo("body is not valid JSON");
  }

  @Test
  void numberTooLargeForADoubleIsReportedNotThrownWhenReadLeniently() throws IOException {
    List<String> problems = new ArrayList<>();
    try (JsonParser p = JsonCodec.factory(1000).createParser("{\"ok\": 1, \"big\": 1e400}")) {
      AvsbValue value = JsonCodec.readLenient(p, p.nextToken(), problems::add);

      assertThat(value).isEqualTo(AvsbValue.parse("{\"ok\": 1, \"big\": null}"));
    }
    assertThat(problems).containsExactly("a number out of range in \"big\": 1e400");
    assertThatThrownBy(() -> JsonCodec.parse("[1e400]")).hasMessageContaining("number out of range");
  }

  @Test
  void serviceTextInAProblemIsEscaped() throws IOException {
    List<String> problems = new ArrayList<>();
    try (JsonParser p = JsonCodec.factory(1000).createParser("{\"a\\nWARN forged\": -1e999}")) {
      JsonCodec.readLenient(p, p.nextToken(), problems::add);
    }
    assertThat(problems).singleElement().satisfies(s -> assertThat(s).doesNotContain("\n")
        .contains("\\u000aWARN forged"));
  }

  private static String problem(JsonFactory factory, String json) throws IOException {
    try (JsonParser p = factory.createParser(json)) {
      JsonCodec.read(p, p.nextToken());
      throw new AssertionError("read " + json.length() + " characters without a problem");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return JsonCodec.problem("body", e, factory);
    }
  }
}
