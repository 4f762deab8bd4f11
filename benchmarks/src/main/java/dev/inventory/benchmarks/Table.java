package dev.inventory.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The result table as aligned text and as JSON. */
final class Table {
  static final List<String> COLUMNS = List.of("row", "size", "ours", "comparison", "ratio (comparison/ours)", "check");

  private Table() {}

  static String render(List<Row> rows) {
    List<List<String>> cells = new ArrayList<>();
    cells.add(COLUMNS);
    for (Row r : rows) {
      cells.add(List.of(r.row(), r.size(), r.ours(), r.comparison(), r.ratio(), r.check()));
    }
    int[] width = new int[COLUMNS.size()];
    for (List<String> line : cells) {
      for (int i = 0; i < width.length; i++) {
        width[i] = Math.max(width[i], line.get(i).length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (int l = 0; l < cells.size(); l++) {
      List<String> line = cells.get(l);
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < width.length; i++) {
        if (i > 0) {
          b.append(" | ");
        }
        String c = line.get(i);
        // Figures right-aligned, text left-aligned.
        boolean right = l > 0 && i >= 2 && i <= 4;
        b.append(right ? " ".repeat(width[i] - c.length()) + c : c + " ".repeat(width[i] - c.length()));
      }
      out.append(b.toString().stripTrailing()).append('\n');
      if (l == 0) {
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < width.length; i++) {
          rule.append(i > 0 ? "-|-" : "").append("-".repeat(width[i]));
        }
        out.append(rule).append('\n');
      }
    }
    return out.toString();
  }

  static String json(String header, List<Row> rows, double seconds) {
    StringBuilder b = new StringBuilder("{\n");
    b.append("  \"header\": ").append(string(header)).append(",\n");
    b.append("  \"seconds\": ").append(number(seconds)).append(",\n");
    b.append("  \"ok\": ").append(rows.stream().allMatch(Row::ok)).append(",\n");
    b.append("  \"rows\": [");
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      b.append(i == 0 ? "\n" : ",\n").append("    {");
      b.append("\"section\": ").append(string(r.section()));
      b.append(", \"row\": ").append(string(r.row()));
      b.append(", \"size\": ").append(string(r.size()));
      b.append(", \"ours\": ").append(string(r.ours()));
      b.append(", \"comparison\": ").append(string(r.comparison()));
      b.append(", \"ratio\": ").append(string(r.ratio()));
      b.append(", \"check\": ").append(string(r.check()));
      b.append(", \"ok\": ").append(r.ok());
      b.append(", \"note\": ").append(string(r.note()));
      b.append(", \"ours_value\": ").append(number(r.oursValue()));
      b.append(", \"comparison_value\": ").append(number(r.comparisonValue()));
      b.append(", \"unit\": ").append(string(r.unit()));
      b.append('}');
    }
    b.append("\n  ]\n}\n");
    return b.toString();
  }

  private static String number(double d) {
    return Double.isNaN(d) || Double.isInfinite(d) ? "null" : String.format(Locale.ROOT, "%.6g", d);
  }

  static String string(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
