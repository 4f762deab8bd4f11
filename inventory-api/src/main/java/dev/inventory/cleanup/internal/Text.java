package dev.inventory.cleanup.internal;

import java.util.ArrayList;
import java.util.List;

/** Aligns rows of cells into columns for the plan and report renderings. */
public final class Text {
  private Text() {}

  /** Each row's cells padded to the column's widest cell, joined by two spaces, trailing blanks cut. */
  public static List<String> columns(List<List<String>> rows) {
    int width = rows.stream().mapToInt(List::size).max().orElse(0);
    int[] w = new int[width];
    for (List<String> row : rows) {
      for (int c = 0; c < row.size(); c++) {
        w[c] = Math.max(w[c], row.get(c).length());
      }
    }
    List<String> lines = new ArrayList<>();
    for (List<String> row : rows) {
      StringBuilder b = new StringBuilder();
      for (int c = 0; c < row.size(); c++) {
        if (c > 0) {
          b.append("  ");
        }
        b.append(row.get(c));
        if (c < row.size() - 1) {
          b.append(" ".repeat(w[c] - row.get(c).length()));
        }
      }
      lines.add(b.toString().stripTrailing());
    }
    return lines;
  }

  /** {@code 1 node}, {@code 2 nodes}. */
  public static String count(int n, String singular, String plural) {
    return n + " " + (n == 1 ? singular : plural);
  }
}
