package dev.inventory.benchmarks;

import java.util.List;

/**
 * One part of the benchmark run, such as the query engine against DuckDB. {@link Main} runs the
 * registered sections in order ({@code --only NAME} picks one) and prints all their rows as one
 * table. A section that finds a wrong answer returns a row with {@link Row#ok()} false; the run then
 * ends with exit code 1 after printing.
 *
 * <p>To add a section: implement this interface and add an instance to {@link Main#SECTIONS}.
 */
interface Section {
  /** A short lower-case name for {@code --only}, such as {@code query}. */
  String name();

  /** One line on what the section measures, for {@code --help}. */
  String description();

  /**
   * What the comparison and ratio columns mean in this section when it is not the usual "another
   * implementation, above 1: ours is faster", printed under the table; empty by default.
   */
  default String legend() {
    return "";
  }

  /** Runs the section; the rows appear in the table in this order. */
  List<Row> run(Options options) throws Exception;
}
