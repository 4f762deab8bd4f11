package dev.inventory.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inventory.cleanup.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README is code: every Java block in it is one of the files of this package (compiled by this
 * build), preceded by {@code <!-- snippet: Name -->}, and equal to that file's imports and the lines
 * between {@code // snippet} and {@code // end snippet} (or the whole file after its package line).
 * The snippets that need neither AWS nor files also run.
 */
class ReadmeSnippetsTest {
  private static final Pattern MARKER = Pattern.compile("<!-- snippet: (\\w+) -->\\s*\\n```java\\n(.*?)```", Pattern.DOTALL);
  private static final Path SOURCES = Path.of("src/test/java/dev/inventory/readme");

  @Test
  void should_have_every_java_block_of_the_readme_equal_to_its_compiled_snippet() throws IOException {
    String readme = Files.readString(readme());
    Map<String, String> blocks = new LinkedHashMap<>();
    Matcher m = MARKER.matcher(readme);
    while (m.find()) {
      blocks.put(m.group(1), m.group(2));
    }
    assertThat(count(readme, "```java")).as("java blocks without a snippet marker").isEqualTo(blocks.size());
    assertThat(blocks).isNotEmpty();
    for (Map.Entry<String, String> b : blocks.entrySet()) {
      Path source = SOURCES.resolve(b.getKey() + ".java");
      assertThat(source).as("the snippet source of README block %s", b.getKey()).exists();
      assertThat(b.getValue()).as("README block %s against %s", b.getKey(), source).isEqualTo(render(Files.readString(source)));
    }
    try (Stream<Path> files = Files.list(SOURCES)) {
      List<String> snippets = files.map(p -> p.getFileName().toString().replace(".java", ""))
          .filter(n -> n.endsWith("Snippet")).toList();
      assertThat(blocks.keySet()).as("snippets the README shows").containsAll(snippets);
    }
  }

  @Test
  void should_run_the_model_snippet() {
    assertThat(ModelSnippet.run()).isEqualTo("Active");
  }

  @Test
  void should_run_the_fake_iam_snippet_and_clean_only_the_stale_key() {
    assertThat(FakeIamSnippet.run().count(Outcome.CLEANED)).isEqualTo(1);
  }

  /** The README text of a snippet file: its imports and its marked body, or all of it after the package line. */
  static String render(String source) {
    List<String> lines = source.lines().toList();
    int start = lines.indexOf("    // snippet");
    int end = lines.indexOf("    // end snippet");
    if (start < 0) {
      int pkg = 0;
      while (!lines.get(pkg).startsWith("package ")) {
        pkg++;
      }
      return String.join("\n", lines.subList(pkg + 2, lines.size())) + "\n";
    }
    List<String> out = new ArrayList<>();
    for (String l : lines) {
      if (l.startsWith("import ")) {
        out.add(l);
      } else if (l.isEmpty() && !out.isEmpty() && out.get(out.size() - 1).startsWith("import static")) {
        out.add(l);   // the blank line between static and other imports
      }
    }
    out.add("");
    for (String l : lines.subList(start + 1, end)) {
      out.add(l.length() >= 4 ? l.substring(4) : l.strip());
    }
    return String.join("\n", out) + "\n";
  }

  private static int count(String text, String what) {
    int n = 0;
    for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }

  private static Path readme() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve("README.md")) && Files.exists(dir.resolve("inventory-testing"))) {
        return dir.resolve("README.md");
      }
    }
    throw new IllegalStateException("README.md not found above " + Path.of("").toAbsolutePath());
  }
}
