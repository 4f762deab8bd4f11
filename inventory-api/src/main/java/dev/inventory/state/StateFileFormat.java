package dev.inventory.state;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import dev.inventory.PropertyValueException;
import dev.inventory.Values;
import dev.inventory.internal.IoErrors;
import dev.inventory.internal.JsonErrors;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The text of a state file: {@code {"version": 1, "nodes": {"<id>": {"desired": {...}, "metadata":
 * {...}}}}}, nodes sorted by id and pretty-printed with {@code \n} line ends, so that a person can
 * read and diff it on any platform.
 *
 * <p>Reading uses the streaming parser rather than a tree because a tree forgets where a value
 * stood, and every complaint about the file must name its line and column.
 */
final class StateFileFormat {
  static final int VERSION = 1;

  private static final JsonFactory JSON = JsonFactory.builder()
      // Two entries for one node id would otherwise be merged silently, last one wins.
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  private static final DefaultPrettyPrinter PRINTER = new DefaultPrettyPrinter()
      .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
      .withObjectIndenter(new DefaultIndenter("  ", "\n"));

  private StateFileFormat() {}

  /** The file content for {@code states}, ending with a line break. */
  static byte[] write(Map<String, NodeState> states) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      // The printer keeps the current nesting, so each generator needs its own.
      g.setPrettyPrinter(PRINTER.createInstance());
      g.writeStartObject();
      g.writeNumberField("version", VERSION);
      g.writeObjectFieldStart("nodes");
      for (Map.Entry<String, NodeState> e : new TreeMap<>(states).entrySet()) {
        g.writeObjectFieldStart(e.getKey());
        g.writeFieldName("desired");
        writeValue(g, e.getValue().desired());
        g.writeFieldName("metadata");
        writeValue(g, e.getValue().metadata());
        g.writeEndObject();
      }
      g.writeEndObject();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    out.write('\n');
    return out.toByteArray();
  }

  private static void writeValue(JsonGenerator g, Object value) throws IOException {
    if (value instanceof Map<?, ?> map) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        g.writeFieldName(String.valueOf(e.getKey()));
        writeValue(g, e.getValue());
      }
      g.writeEndObject();
    } else if (value instanceof Instant instant) {
      g.writeString(Values.format(instant));
    } else if (value instanceof String s) {
      g.writeString(s);
    } else if (value instanceof Boolean b) {
      g.writeBoolean(b);
    } else {
      // NodeState's sections hold only the types above; anything else is a bug worth seeing.
      throw new IllegalStateException("unexpected value in a state section: " + Values.describe(value));
    }
  }

  /**
   * Reads the content of {@code file}.
   *
   * @throws StateException naming the file, the line and column and what was expected, for
   *     anything but a well-formed state file
   */
  static Map<String, NodeState> read(byte[] content, Path file) {
    try (JsonParser p = JSON.createParser(content)) {
      return new Reader(p, file).root();
    } catch (JsonProcessingException e) {
      throw corrupt(file, e.getLocation(), "not valid JSON (" + JsonErrors.describe(e) + ")");
    } catch (IOException e) {
      throw new StateException("cannot read state file " + file + ": " + IoErrors.describe(e), e);
    }
  }

  static StateException corrupt(Path file, JsonLocation at, String what) {
    String where = at == null || at.getLineNr() < 1
        ? ""
        // Jackson reports the end of an empty input as column 0; people count from 1.
        : ", line " + at.getLineNr() + ", column " + Math.max(1, at.getColumnNr());
    return new StateException("state file " + file + where + ": " + what + "; it is left unchanged");
  }

  /** One pass over the tokens of one file. */
  private static final class Reader {
    private final JsonParser p;
    private final Path file;

    Reader(JsonParser p, Path file) {
      this.p = p;
      this.file = file;
    }

    Map<String, NodeState> root() throws IOException {
      JsonToken t = p.nextToken();
      JsonLocation start = p.currentTokenLocation();
      if (t != JsonToken.START_OBJECT) {
        throw unexpected("a JSON object {\"version\": 1, \"nodes\": {...}}");
      }
      boolean versionSeen = false;
      Map<String, NodeState> nodes = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        switch (field) {
          case "version" -> {
            version();
            versionSeen = true;
          }
          case "nodes" -> nodes = nodes();
          default -> throw corrupt(file, p.currentTokenLocation(),
              "unexpected field \"" + field + "\", expected \"version\" or \"nodes\"");
        }
      }
      if (!versionSeen) {
        throw corrupt(file, start, "missing \"version\", expected " + VERSION);
      }
      if (nodes == null) {
        throw corrupt(file, start, "missing \"nodes\", expected an object of node states by id");
      }
      if (p.nextToken() != null) {
        throw unexpected("the end of the file after the state object");
      }
      return nodes;
    }

    private void version() throws IOException {
      if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
        throw unexpected("\"version\" to be the number " + VERSION);
      }
      if (p.getNumberType() != JsonParser.NumberType.INT || p.getIntValue() != VERSION) {
        throw corrupt(file, p.currentTokenLocation(),
            "unsupported version " + p.getText() + ", expected " + VERSION);
      }
    }

    private Map<String, NodeState> nodes() throws IOException {
      if (p.currentToken() != JsonToken.START_OBJECT) {
        throw unexpected("\"nodes\" to be an object of node states by id");
      }
      Map<String, NodeState> nodes = new TreeMap<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String id = p.currentName();
        p.nextToken();
        NodeState state = node(id);
        // An empty state is the same as no entry; the stores never keep one.
        if (!state.isEmpty()) {
          nodes.put(id, state);
        }
      }
      return nodes;
    }

    private NodeState node(String id) throws IOException {
      JsonLocation start = p.currentTokenLocation();
      String node = "node \"" + id + "\"";
      if (p.currentToken() != JsonToken.START_OBJECT) {
        throw unexpected(node + " to be an object with \"desired\" and \"metadata\"");
      }
      Map<String, JsonLocation> locations = new HashMap<>();
      Map<String, Object> desired = null;
      Map<String, Object> metadata = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String section = p.currentName();
        p.nextToken();
        if (!section.equals("desired") && !section.equals("metadata")) {
          throw corrupt(file, p.currentTokenLocation(),
              node + ": unexpected field \"" + section + "\", expected \"desired\" or \"metadata\"");
        }
        if (p.currentToken() != JsonToken.START_OBJECT && p.currentToken() != JsonToken.VALUE_NULL) {
          throw unexpected(node + ": \"" + section + "\" to be an object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> values = (Map<String, Object>) value(section, locations);
        if (section.equals("desired")) {
          desired = values;
        } else {
          metadata = values;
        }
      }
      try {
        return NodeState.fromSections(desired, metadata);
      } catch (PropertyValueException e) {
        // The message names the field (desired.clean_time); the recorded location points at it.
        throw corrupt(file, locations.getOrDefault(e.property(), start), node + ": " + e.getMessage());
      }
    }

    /** A plain value, remembering where each nested value starts, by its dotted path. */
    private Object value(String path, Map<String, JsonLocation> locations) throws IOException {
      locations.put(path, p.currentTokenLocation());
      switch (p.currentToken()) {
        case START_OBJECT -> {
          Map<String, Object> map = new LinkedHashMap<>();
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            map.put(key, value(path + "." + key, locations));
          }
          return map;
        }
        case START_ARRAY -> {
          List<Object> list = new ArrayList<>();
          while (p.nextToken() != JsonToken.END_ARRAY) {
            list.add(value(path + "[" + list.size() + "]", locations));
          }
          return list;
        }
        case VALUE_STRING -> {
          return p.getText();
        }
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
          return p.getNumberValue();
        }
        case VALUE_TRUE, VALUE_FALSE -> {
          return p.getBooleanValue();
        }
        case VALUE_NULL -> {
          return null;
        }
        default -> throw unexpected("a JSON value");
      }
    }

    private StateException unexpected(String expected) throws IOException {
      return corrupt(file, p.currentTokenLocation(), "expected " + expected + ", got " + describeToken());
    }

    private String describeToken() throws IOException {
      JsonToken t = p.currentToken();
      if (t == null) {
        return "the end of the file";
      }
      return switch (t) {
        case START_OBJECT -> "an object";
        case START_ARRAY -> "an array";
        case VALUE_STRING -> Values.describe(p.getText());
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number " + p.getText();
        case VALUE_TRUE, VALUE_FALSE -> "boolean " + p.getText();
        case VALUE_NULL -> "null";
        default -> p.getText();
      };
    }
  }
}
