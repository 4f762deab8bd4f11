package dev.inventory.query.command;

import dev.inventory.query.ast.ListFormat;
import dev.inventory.query.ast.Column;
import dev.inventory.Resource;
import dev.inventory.query.SearchResult;
import dev.inventory.query.internal.eval.Render;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/** The text renderings of {@code list} in its four formats. */
final class Rendering {
  private Rendering() {}

  static String list(SearchResult result, List<Resource> nodes, List<Column> columns, ListFormat format) {
    List<List<List<Object>>> rows = new ArrayList<>(nodes.size());
    for (Resource node : nodes) {
      List<List<Object>> row = new ArrayList<>(columns.size());
      for (Column c : columns) {
        row.add(result.values(c.path(), node));
      }
      rows.add(row);
    }
    return switch (format) {
      case PLAIN -> plain(columns, rows);
      case CSV -> csv(columns, rows);
      case JSON -> json(columns, rows);
      case MARKDOWN -> markdown(columns, rows);
    };
  }

  /** A cell as plain text: one value as {@code count} shows it, several as a JSON array. */
  static String text(List<Object> values) {
    return values.size() == 1 ? Render.text(values.get(0)) : Render.json(values);
  }

  private static String plain(List<Column> columns, List<List<List<Object>>> rows) {
    StringJoiner lines = new StringJoiner("\n");
    for (List<List<Object>> row : rows) {
      StringJoiner line = new StringJoiner(", ");
      for (int i = 0; i < columns.size(); i++) {
        if (!row.get(i).isEmpty()) {
          line.add(columns.get(i).name() + "=" + text(row.get(i)));
        }
      }
      lines.add(line.toString());
    }
    return lines.toString();
  }

  private static String csv(List<Column> columns, List<List<List<Object>>> rows) {
    StringJoiner lines = new StringJoiner("\n");
    lines.add(String.join(",", columns.stream().map(c -> csvCell(c.name())).toList()));
    for (List<List<Object>> row : rows) {
      StringJoiner line = new StringJoiner(",");
      for (List<Object> cell : row) {
        line.add(cell.isEmpty() ? "" : csvCell(text(cell)));
      }
      lines.add(line.toString());
    }
    return lines.toString();
  }

  private static String csvCell(String s) {
    if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
      return "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }

  private static String json(List<Column> columns, List<List<List<Object>>> rows) {
    if (rows.isEmpty()) {
      return "[]";
    }
    StringJoiner lines = new StringJoiner(",\n", "[\n", "\n]");
    for (List<List<Object>> row : rows) {
      StringJoiner object = new StringJoiner(",", "  {", "}");
      for (int i = 0; i < columns.size(); i++) {
        List<Object> cell = row.get(i);
        Object value = cell.isEmpty() ? null : cell.size() == 1 ? cell.get(0) : cell;
        object.add(Render.json(columns.get(i).name()) + ":" + Render.json(value));
      }
      lines.add(object.toString());
    }
    return lines.toString();
  }

  private static String markdown(List<Column> columns, List<List<List<Object>>> rows) {
    StringJoiner lines = new StringJoiner("\n");
    lines.add(markdownRow(columns.stream().map(Column::name).toList()));
    lines.add(markdownRow(columns.stream().map(c -> "---").toList()));
    for (List<List<Object>> row : rows) {
      lines.add(markdownRow(row.stream().map(cell -> cell.isEmpty() ? "" : text(cell)).toList()));
    }
    return lines.toString();
  }

  private static String markdownRow(List<String> cells) {
    StringJoiner row = new StringJoiner(" | ", "| ", " |");
    for (String c : cells) {
      row.add(c.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " "));
    }
    return row.toString();
  }
}
