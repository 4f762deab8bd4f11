package dev.inventory.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.inventory.cleanup.ConfigException;
import dev.inventory.internal.IoErrors;
import dev.inventory.internal.JsonErrors;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A YAML ({@code .yaml}, {@code .yml}) or JSON ({@code .json}) configuration file, read whole into
 * {@link ConfigValue}s that remember where each key and value stands, so that every complaint about
 * the file can name the file, the line and the column. Top-level keys are sections. Immutable.
 *
 * <pre>{@code
 * ConfigFile file = ConfigFile.read(Path.of("inventory.yaml"));
 * file.checkSections(List.of("worker", "jobs"));        // "workr" -> ... (did you mean 'worker'?)
 * Optional<ConfigValue> worker = file.section("worker");
 * worker.ifPresent(w -> w.checkKeys(CleanupConfig.KEYS));
 * boolean cleanup = worker.flatMap(w -> w.field("cleanup")).map(ConfigValue::asBoolean).orElse(false);
 * }</pre>
 *
 * Every error is a {@link ConfigException}, for example {@code inventory.yaml:1:1: workr: unknown
 * section (did you mean 'worker'?); known sections: worker, jobs}. Duplicate keys are errors too.
 */
public final class ConfigFile {
  private final Path file;
  private final ConfigValue root;

  private ConfigFile(Path file, ConfigValue root) {
    this.file = file;
    this.root = root;
  }

  /**
   * Reads a file; the type comes from the name's ending.
   *
   * @param file a {@code .yaml}, {@code .yml} or {@code .json} file
   * @return the file's content; an empty YAML document is an empty object
   * @throws ConfigException naming the file (and the line and column where known) for a missing or
   *     unreadable file, an unsupported name, text that is not YAML or JSON, a duplicate key, or a
   *     top level that is not an object
   */
  public static ConfigFile read(Path file) {
    Objects.requireNonNull(file, "file");
    JsonFactory factory = factoryFor(file);
    if (Files.isDirectory(file)) {
      throw new ConfigException(null, file, 0, 0, "is a directory, expected a configuration file", null);
    }
    if (!Files.exists(file)) {
      throw new ConfigException(null, file, 0, 0, "no such file", null);
    }
    try (InputStream in = Files.newInputStream(file); JsonParser p = factory.createParser(in)) {
      ConfigValue root;
      if (p.nextToken() == null) {
        root = new ConfigValue(file, "", 1, 1, 1, 1, new LinkedHashMap<String, ConfigValue>(), null);
      } else {
        JsonLocation at = p.currentTokenLocation();
        root = new Reader(file, p).value("", at.getLineNr(), at.getColumnNr());
      }
      if (!root.isObject()) {
        throw root.error("expected an object of sections, got " + root.describe());
      }
      return new ConfigFile(file, root);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new ConfigException(null, file, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
          "not valid " + format(file) + " (" + JsonErrors.describe(e).replace("duplicate field", "duplicate key") + ")",
          e);
    } catch (IOException e) {
      throw new ConfigException(null, file, 0, 0, "cannot read: " + IoErrors.describe(e), e);
    }
  }

  /** The file. */
  public Path file() {
    return file;
  }

  /** The top level: an object of sections. */
  public ConfigValue root() {
    return root;
  }

  /**
   * A section, if the file has it.
   *
   * @param name the section's key
   * @return its value; a section written with nothing below it ({@code worker:}) is a null value
   */
  public Optional<ConfigValue> section(String name) {
    return root.field(name);
  }

  /**
   * Refuses a section that is not known, naming the closest known one.
   *
   * @param known the sections a reader of this file understands
   * @throws ConfigException at the first unknown section, for example {@code f.yaml:1:1: workr:
   *     unknown section (did you mean 'worker'?); known sections: worker}
   */
  public void checkSections(Collection<String> known) {
    root.checkKeys(known, "section", "sections");
  }

  private static JsonFactory factoryFor(Path file) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".yaml") || name.endsWith(".yml")) {
      return YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    } else if (name.endsWith(".json")) {
      return JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    }
    throw new ConfigException(null, file, 0, 0,
        "unsupported file type: expected a name ending in .yaml, .yml or .json", null);
  }

  private static String format(Path file) {
    return file.toString().toLowerCase(Locale.ROOT).endsWith(".json") ? "JSON" : "YAML";
  }

  /** One pass over the tokens, remembering where each key and value starts. */
  private static final class Reader {
    private final Path file;
    private final JsonParser p;

    Reader(Path file, JsonParser p) {
      this.file = file;
      this.p = p;
    }

    /** The value at the current token, whose key (if any) started at keyLine:keyColumn. */
    ConfigValue value(String path, int keyLine, int keyColumn) throws IOException {
      JsonLocation at = p.currentTokenLocation();
      int line = at.getLineNr();
      int column = Math.max(1, at.getColumnNr());
      JsonToken t = p.currentToken();
      Object value;
      String text = null;
      switch (t) {
        case START_OBJECT -> {
          Map<String, ConfigValue> fields = new LinkedHashMap<>();
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonLocation k = p.currentTokenLocation();
            p.nextToken();
            String child = path.isEmpty() ? key : path + "." + key;
            fields.put(key, value(child, k.getLineNr(), Math.max(1, k.getColumnNr())));
          }
          value = fields;
        }
        case START_ARRAY -> {
          List<ConfigValue> items = new ArrayList<>();
          while (p.nextToken() != JsonToken.END_ARRAY) {
            JsonLocation i = p.currentTokenLocation();
            items.add(value(path + "[" + items.size() + "]", i.getLineNr(), Math.max(1, i.getColumnNr())));
          }
          value = items;
        }
        case VALUE_STRING -> value = p.getText();
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
          value = p.getNumberType() == JsonParser.NumberType.INT ? Integer.valueOf(p.getIntValue()) : p.getNumberValue();
          text = p.getText();
        }
        case VALUE_TRUE, VALUE_FALSE -> value = p.getBooleanValue();
        case VALUE_NULL -> value = null;
        default -> throw new ConfigException(path.isEmpty() ? null : path, file, line, column,
            "unexpected " + p.getText(), null);
      }
      return new ConfigValue(file, path, keyLine, keyColumn, line, column, value, text);
    }
  }
}
