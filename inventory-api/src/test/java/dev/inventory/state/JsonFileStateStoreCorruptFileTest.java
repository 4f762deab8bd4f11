package dev.inventory.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A state file that is not a valid state is refused, with where and why, and never touched. */
class JsonFileStateStoreCorruptFileTest {
  @TempDir
  Path dir;

  static Stream<Arguments> corruptFiles() {
    return Stream.of(
        Arguments.of("truncated JSON", """
            {
              "version": 1,
              "nodes": {
                "k1": {
                  "desired": {
                    "clean": tr""", 6, 18,
            "not valid JSON (unrecognized token 'tr': was expecting a string, number, array, object, null, true or false)"),
        Arguments.of("JSON cut off between two values", """
            {
              "version": 1,
              "nodes": {
                "k1": {
                  "desired": {
                    "clean": true,
            """, 7, 1,
            "not valid JSON (unexpected end of the text inside an object)"),
        Arguments.of("an empty file", "", 1, 1,
            "expected a JSON object {\"version\": 1, \"nodes\": {...}}, got the end of the file"),
        Arguments.of("an array", "[]\n", 1, 1,
            "expected a JSON object {\"version\": 1, \"nodes\": {...}}, got an array"),
        Arguments.of("a wrong version", """
            {
              "version": 2,
              "nodes": {}
            }
            """, 2, 14, "unsupported version 2, expected 1"),
        Arguments.of("a version that is text", "{\"version\": \"1\", \"nodes\": {}}", 1, 13,
            "expected \"version\" to be the number 1, got string \"1\""),
        Arguments.of("a missing version", "{\"nodes\": {}}", 1, 1, "missing \"version\", expected 1"),
        Arguments.of("a boolean field holding text", """
            {
              "version": 1,
              "nodes": {
                "k1": {
                  "desired": {
                    "clean": "yes"
                  }
                }
              }
            }
            """, 6, 18, "node \"k1\": desired.clean: expected true or false, got string \"yes\""),
        Arguments.of("a bad datetime", """
            {
              "version": 1,
              "nodes": {
                "k1": {
                  "metadata": {
                    "protected": true,
                    "protect_time": "last tuesday"
                  }
                }
              }
            }
            """, 7, 25,
            "node \"k1\": metadata.protect_time: expected an ISO-8601 datetime, got string \"last tuesday\""),
        Arguments.of("progress that is not text", """
            {"version": 1, "nodes": {"k1": {"metadata": {"cleanup": {"attempts": 2}}}}}
            """, 1, 70, "node \"k1\": metadata.cleanup.attempts: expected a string, got number 2"),
        Arguments.of("nodes as an array", "{\"version\": 1, \"nodes\": []}", 1, 25,
            "expected \"nodes\" to be an object of node states by id, got an array"),
        Arguments.of("a section that is text", "{\"version\": 1, \"nodes\": {\"k1\": {\"desired\": \"x\"}}}", 1, 44,
            "expected node \"k1\": \"desired\" to be an object, got string \"x\""),
        Arguments.of("an unknown node field", "{\"version\": 1, \"nodes\": {\"k1\": {\"reported\": {}}}}", 1, 45,
            "node \"k1\": unexpected field \"reported\", expected \"desired\" or \"metadata\""),
        Arguments.of("a node id twice", """
            {"version": 1, "nodes": {
              "k1": {"desired": {"clean": true}},
              "k1": {"desired": {"clean": false}}
            }}
            """, 3, 7, "not valid JSON (duplicate field 'k1')"),
        Arguments.of("content after the state", "{\"version\": 1, \"nodes\": {}}\n{}", 2, 1,
            "expected the end of the file after the state object, got an object"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corruptFiles")
  void should_refuse_a_corrupt_file_naming_it_with_line_and_column_and_leave_it_unchanged(
      String description, String content, int line, int column, String expected) throws IOException {
    // GIVEN
    Path file = dir.resolve("state.json");
    Files.writeString(file, content);
    // WHEN / THEN
    assertThatThrownBy(() -> StateStore.jsonFile(file))
        .isInstanceOf(StateException.class)
        .hasMessageStartingWith("state file " + file + ", line " + line + ", column " + column + ": ")
        .hasMessageContaining(expected)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContainIgnoringCase("feature").doesNotContain("Exception")
            .doesNotContain("Source:").doesNotContain("(code "))
        .hasMessageEndingWith("; it is left unchanged");
    assertThat(Files.readString(file)).isEqualTo(content);
    assertThat(JsonFileStateStoreTest.filesIn(dir)).containsExactly("state.json");
  }
}
