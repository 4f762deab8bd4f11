package dev.inventory.query.compat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inventory.query.compat.CorpusRun.Status;
import dev.inventory.query.compat.FixCorpus.Entry;
import dev.inventory.query.compat.FixCorpus.Refusal;
import dev.inventory.query.parse.ErrorCode;
import dev.inventory.query.parse.QuerySyntaxException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Runs the queries of Fix Inventory's tests and docs through our parser. The target: every query
 * Fix accepts parses here or fails with the documented error of a feature refused on purpose, and
 * every query Fix rejects is rejected here too.
 *
 * <p>With {@code -Dfix.corpus.report=true} the test only measures: it writes the per-feature table
 * to {@code target/fix-corpus-report.md} and the failing lines to {@code
 * target/fix-corpus-failures.tsv}, and does not fail on lines that do not parse yet.
 */
class FixCorpusTest {
  private static final boolean REPORT_ONLY = Boolean.getBoolean("fix.corpus.report");

  /** Lines Fix rejects that we accept on purpose, with the reason. None so far. */
  private static final Map<String, String> ACCEPTED_ON_PURPOSE = Map.of();

  private static final List<Entry> ENTRIES = FixCorpus.entries();
  private static final Map<String, Refusal> REFUSALS = FixCorpus.refusals();

  @Test
  void should_hold_well_formed_lines_with_known_features() {
    assertThat(ENTRIES).hasSizeGreaterThan(400);
    assertThat(ENTRIES.stream().map(Entry::id).collect(Collectors.toSet())).hasSameSizeAs(ENTRIES);
    assertThat(ENTRIES).allSatisfy(e -> {
      assertThat(e.text()).as(e.id()).isNotBlank();
      assertThat(e.features()).as(e.id()).isNotEmpty().allMatch(FixCorpus::knownFeature);
      assertThat(e.source()).as(e.id()).matches("\\S+:\\d+");
    });
    assertThat(ENTRIES).filteredOn(e -> !e.fixAccepts()).isNotEmpty();
  }

  @Test
  void should_refuse_features_with_a_code_and_a_reason() {
    Set<String> codes = Arrays.stream(ErrorCode.values()).map(Enum::name).collect(Collectors.toSet());
    assertThat(REFUSALS.values()).allSatisfy(r -> {
      assertThat(FixCorpus.knownFeature(r.feature())).as(r.feature()).isTrue();
      assertThat(r.why()).as(r.feature()).isNotBlank();
      if (!REPORT_ONLY) {
        assertThat(codes).as("error code of refused feature " + r.feature()).contains(r.code());
      }
    });
  }

  @Test
  void should_reject_what_fix_rejects() {
    List<String> acceptedHere = ENTRIES.stream()
        .filter(e -> !e.fixAccepts() && !ACCEPTED_ON_PURPOSE.containsKey(e.id()))
        .map(e -> CorpusRun.of(e, REFUSALS))
        .filter(r -> r.status() == Status.PARSES)
        .map(r -> r.entry().id() + " " + r.entry().text())
        .toList();
    assertThat(acceptedHere).as("lines Fix rejects but we accept").isEmpty();
  }

  @Test
  void should_print_every_parsed_line_so_that_it_reads_back_equal() {
    List<CorpusRun> parsed = runs().stream().filter(r -> r.status() == Status.PARSES).toList();
    assertThat(parsed).isNotEmpty().allSatisfy(r -> {
      Object ast = r.ast().orElseThrow();
      assertThat(CorpusRun.parse(r.entry().form(), CorpusRun.print(ast))).as(r.entry().id() + ": " + ast).isEqualTo(ast);
    });
  }

  @Test
  void should_parse_every_query_fix_accepts_or_refuse_it_on_purpose() throws IOException {
    List<CorpusRun> runs = runs();
    String report = CorpusReport.markdown(runs) + fixPrintDifferences(runs);
    System.out.println(report);
    Path target = Path.of("target");
    Files.createDirectories(target);
    Files.writeString(target.resolve("fix-corpus-report.md"), report, StandardCharsets.UTF_8);
    List<CorpusRun> failing = runs.stream()
        .filter(r -> r.entry().fixAccepts() && r.status() == Status.FAILS)
        .toList();
    Files.writeString(target.resolve("fix-corpus-failures.tsv"), failing.stream()
        .map(r -> String.join("\t", r.entry().id(), String.join(",", r.entry().features()), r.code(),
            r.entry().text(), r.error().map(e -> e.reason()).orElse("")))
        .collect(Collectors.joining("\n", "id\tfeatures\tcode\ttext\treason\n", "\n")), StandardCharsets.UTF_8);
    Files.writeString(target.resolve("fix-corpus-prints.tsv"), runs.stream()
        .filter(r -> r.status() == Status.PARSES)
        .map(r -> String.join("\t", r.entry().id(), r.entry().form().name(), r.ast().orElseThrow().toString(),
            r.entry().fixPrint()))
        .collect(Collectors.joining("\n", "id\tform\tour_print\tfix_print\n", "\n")), StandardCharsets.UTF_8);
    Set<String> seen = new HashSet<>();
    runs.forEach(r -> seen.addAll(r.entry().features()));
    assertThat(seen).as("every refused feature occurs in the corpus").containsAll(REFUSALS.keySet());
    if (!REPORT_ONLY) {
      assertThat(failing.size())
          .as(failing.size() + " queries Fix accepts neither parse here nor are refused on purpose (all of them in"
              + " target/fix-corpus-failures.tsv), the first:\n" + failing.stream().limit(20)
              .map(r -> r.entry().id() + " [" + r.code() + "] " + r.entry().text())
              .collect(Collectors.joining("\n")))
          .isZero();
    }
  }

  /**
   * Where Fix's printed form of a query that parses here reads back to another AST than the query
   * itself: a difference of the two languages' canonical forms worth knowing about.
   */
  private static String fixPrintDifferences(List<CorpusRun> runs) {
    List<String> differ = new ArrayList<>();
    int compared = 0;
    for (CorpusRun r : runs) {
      if (r.status() != Status.PARSES || r.entry().fixPrint().isEmpty()) {
        continue;
      }
      compared++;
      try {
        Object fromFix = CorpusRun.parse(r.entry().form(), r.entry().fixPrint());
        if (!fromFix.equals(r.ast().orElseThrow())) {
          differ.add("- " + r.entry().id() + ": `" + r.entry().fixPrint() + "` reads as `" + fromFix + "`, the query as `"
              + r.ast().orElseThrow() + "`");
        }
      } catch (QuerySyntaxException e) {
        differ.add("- " + r.entry().id() + ": `" + r.entry().fixPrint() + "` does not parse here: " + e.reason());
      }
    }
    return "\nFix's printed form compared for " + compared + " lines that parse here; it reads back differently for "
        + differ.size() + ":\n" + String.join("\n", differ) + "\n";
  }

  private static List<CorpusRun> runs() {
    return ENTRIES.stream().map(e -> CorpusRun.of(e, REFUSALS)).toList();
  }
}
