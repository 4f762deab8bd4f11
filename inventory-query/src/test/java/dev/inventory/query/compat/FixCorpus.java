package dev.inventory.query.compat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The corpus of Fix Inventory queries ({@code fix-corpus/queries.tsv}) and the list of features this
 * inventory refuses on purpose ({@code fix-corpus/refused.tsv}). Both files are tab separated;
 * lines starting with {@code #} are comments and the first other line names the columns.
 */
final class FixCorpus {
  /** Feature tags a corpus line may carry; {@code command:} and {@code option:} tags name a word. */
  static final Set<String> FEATURES = Set.of(
      "all", "is", "id", "predicate", "and/or/not", "and-or-mixed", "array-modifier", "context", "fulltext",
      "with", "merge", "aggregate-preamble", "edge-filter", "edge-type-iam", "mixed-arrows",
      "edge-type-preamble", "reversed", "part-tag", "functions", "single-quoted", "json-values", "sort",
      "limit", "navigation", "search-options", "with_usage", "placeholders", "env-prefix", "command-alias",
      "multiple-lines", "whole-section");

  private FixCorpus() {}

  /** How a line is fed to the parser: a search query, or a whole command line. */
  enum Form {
    QUERY, CLI
  }

  /**
   * One query of Fix's tests or docs.
   *
   * @param id stable identifier ({@code fix-0001})
   * @param source file and line in Fix's repositories
   * @param form query text or command line
   * @param fixAccepts whether Fix's parser accepts it
   * @param printAsserted whether Fix's test asserts its printed form
   * @param features the feature tags
   * @param text the text exactly as Fix's test or doc gives it
   * @param fixPrint Fix's printed form, empty when there is none
   */
  record Entry(String id, String source, Form form, boolean fixAccepts, boolean printAsserted,
      Set<String> features, String text, String fixPrint) {}

  /**
   * A feature refused on purpose.
   *
   * @param feature the feature tag
   * @param code the name of the {@code ErrorCode} the parser must give
   * @param mentions a word the error's reason must contain, so the error names the feature; empty for none
   * @param why the reason, as the README gives it
   */
  record Refusal(String feature, String code, String mentions, String why) {}

  static List<Entry> entries() {
    List<Entry> out = new ArrayList<>();
    for (String[] f : rows("fix-corpus/queries.tsv", 8)) {
      out.add(new Entry(f[0], f[1], Form.valueOf(f[2].toUpperCase(Locale.ROOT)), accepted(f[3]),
          f[4].equals("yes"), new TreeSet<>(Arrays.asList(f[5].split(","))), f[6], f[7]));
    }
    return out;
  }

  static Map<String, Refusal> refusals() {
    Map<String, Refusal> out = new LinkedHashMap<>();
    for (String[] f : rows("fix-corpus/refused.tsv", 4)) {
      if (out.put(f[0], new Refusal(f[0], f[1], f[2], f[3])) != null) {
        throw new IllegalStateException("refused.tsv names feature " + f[0] + " twice");
      }
    }
    return out;
  }

  static boolean knownFeature(String tag) {
    return FEATURES.contains(tag) || tag.matches("(command|option):\\S+");
  }

  private static boolean accepted(String s) {
    return switch (s) {
      case "accepted" -> true;
      case "rejected" -> false;
      default -> throw new IllegalStateException("fix column must be accepted or rejected, not " + s);
    };
  }

  private static List<String[]> rows(String resource, int columns) {
    List<String[]> out = new ArrayList<>();
    try (InputStream in = Objects.requireNonNull(
            FixCorpus.class.getClassLoader().getResourceAsStream(resource), resource);
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      boolean header = true;
      int lineNo = 0;
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        lineNo++;
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        String[] f = line.split("\t", -1);
        if (f.length != columns) {
          throw new IllegalStateException(resource + " line " + lineNo + ": " + f.length + " columns, expected " + columns);
        }
        if (header) {
          header = false;
          continue;
        }
        out.add(f);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
