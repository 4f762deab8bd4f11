package dev.inventory.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inventory.query.CompiledQuery;
import dev.inventory.query.QueryEngine;
import dev.inventory.query.command.CommandResult;
import dev.inventory.query.command.Commands;
import dev.inventory.query.parse.QueryParser;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The harness itself, on a 2,000-resource organisation: no timing, only that the answers agree. */
class HarnessTest {
  private static final Clock CLOCK = Clock.fixed(Organisation.NOW, ZoneOffset.UTC);
  private static final Instant CUTOFF = Organisation.NOW.minus(Organisation.STALE);
  private static Organisation org;

  @BeforeAll
  static void generate() {
    org = Organisation.generate(2_000);
  }

  @Test
  void theGeneratorBuildsExactlyTheSizeAskedForWithKeysAMinority() {
    assertThat(org.inventory.size()).isEqualTo(2_000);
    assertThat(org.inventory.ofKind("access_key")).hasSize(org.keys);
    assertThat(org.inventory.ofKind("user")).hasSize(org.users);
    assertThat(org.inventory.ofKind("account")).hasSize(org.accounts);
    assertThat(org.keys).isBetween(100, 1_000);
    assertThat(org.staleKeys).isPositive().isLessThan(org.keys);
    assertThat(org.staleOwnersByName).isNotEmpty().doesNotContainKeys("jenkins", "ci");
    // Deterministic: the same size gives an equal organisation.
    assertThat(Organisation.generate(2_000).inventory).isEqualTo(org.inventory);
  }

  @Test
  void engineGeneratorAndBothDuckDbLayoutsGiveTheSameAnswers() throws Exception {
    QueryEngine engine = QueryEngine.of(org.inventory);
    CompiledQuery guide = engine.compile(QueryParser.parse(QuerySection.GUIDE));
    Map<String, Long> expected = QuerySection.sortedLikeCount(
        Map.copyOf(org.staleOwnersByName.entrySet().stream()
            .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> (long) e.getValue()))));
    Map<String, Long> ours = QuerySection.countByName(guide.run(CLOCK));
    assertThat(ours).containsExactlyEntriesOf(expected);

    Commands commands = Commands.builder().inventory(org.inventory).clock(CLOCK).build();
    CommandResult.Counted counted =
        (CommandResult.Counted) commands.execute("search " + QuerySection.GUIDE + " | count name");
    assertThat(QuerySection.groupsOf(counted)).containsExactlyEntriesOf(expected);

    long stale = engine.compile(QueryParser.parse(QuerySection.FILTER)).run(CLOCK).size();
    assertThat(stale).isEqualTo(org.staleKeys);
    long navigated = engine.compile(QueryParser.parse(QuerySection.navigation(org.selectedAccountNames)))
        .run(CLOCK).size();
    assertThat(navigated).isEqualTo(org.keysInSelectedAccounts).isPositive();

    try (DuckDbOrganisation duck = DuckDbOrganisation.load(org.inventory)) {
      for (DuckDbOrganisation.Layout layout : DuckDbOrganisation.Layout.values()) {
        String sql = duck.staleOwnersSql(layout, Organisation.EXCLUDED);
        assertThat(DuckDbOrganisation.groups(duck.prepare(sql, CUTOFF))).as(layout.label)
            .containsExactlyEntriesOf(expected);
        assertThat(duck.groupsFromText(sql, CUTOFF)).as(layout.label).containsExactlyEntriesOf(expected);
        assertThat(DuckDbOrganisation.count(duck.prepare(duck.staleKeysSql(layout), CUTOFF))).as(layout.label)
            .isEqualTo(org.staleKeys);
        assertThat(DuckDbOrganisation.count(
                duck.prepare(duck.keysOfAccountsSql(layout, org.selectedAccountNames), CUTOFF)))
            .as(layout.label).isEqualTo(org.keysInSelectedAccounts);
      }
    }
  }

  @Test
  void theTableHasTheAgreedColumnsAndTheJsonEscapesText() {
    Row row = Row.timed("query", "a \"quoted\" row", "2,000 resources", 2.0, 5.0, "counts equal (3)", true, "n");
    String table = Table.render(List.of(row));
    assertThat(table.lines().findFirst().orElseThrow())
        .contains("row", "size", "ours", "comparison", "ratio (comparison/ours)", "check");
    assertThat(table).contains("2.00 ms", "5.00 ms", "2.50", "counts equal (3)");
    assertThat(Table.json("h", List.of(row), 1.0)).contains("\"row\": \"a \\\"quoted\\\" row\"", "\"ok\": true");
  }

  @Test
  void badOptionsSayWhatWasExpected() {
    List<String> sections = List.of("query", "memory", "parse");
    assertThat(Options.parse(new String[] {"--quick", "--only", "parse", "--json", "x.json"}, sections))
        .isEqualTo(new Options(true, Path.of("x.json"), Optional.of("parse")));
    assertThatThrownBy(() -> Options.parse(new String[] {"--only", "cleanup"}, sections))
        .hasMessageContaining("unknown section 'cleanup'").hasMessageContaining("[query, memory, parse]");
    assertThatThrownBy(() -> Options.parse(new String[] {"--json"}, sections)).hasMessageContaining("--json needs a file name");
    assertThatThrownBy(() -> Options.parse(new String[] {"--fast"}, sections)).hasMessageContaining("unknown option '--fast'");
  }
}
