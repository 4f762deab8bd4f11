package dev.inventory.cleanup.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.inventory.cleanup.CleanupConfig;
import dev.inventory.cleanup.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads the {@code worker} section of a YAML or JSON file with a streaming parser, so that every
 * error can name the line and column where the offending key or value starts.
 */
public final class ConfigFileReader {
  private ConfigFileReader() {}

  public static CleanupConfig read(Path file, CleanupConfig defaults) {
    JsonFactory factory = factoryFor(file);
    try (InputStream in = Files.newInputStream(file); JsonParser p = factory.createParser(in)) {
      return new ConfigFileReader.Session(file, p).readRoot(defaults);
    } catch (ConfigException e) {
      throw e;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new ConfigException(null, file, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
          "not valid " + format(file) + ": " + e.getOriginalMessage(), e);
    } catch (NoSuchFileException e) {
      throw new ConfigException(null, file, 0, 0, "no such file", e);
    } catch (IOException e) {
      throw new ConfigException(null, file, 0, 0, "cannot read: " + e.getMessage(), e);
    }
  }

  private static JsonFactory factoryFor(Path file) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
    JsonFactory factory;
    if (name.endsWith(".yaml") || name.endsWith(".yml")) {
      factory = YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    } else if (name.endsWith(".json")) {
      factory = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    } else {
      throw new ConfigException(null, file, 0, 0,
          "unsupported file type: expected a name ending in .yaml, .yml or .json", null);
    }
    return factory;
  }

  private static String format(Path file) {
    return file.toString().toLowerCase(Locale.ROOT).endsWith(".json") ? "JSON" : "YAML";
  }

  /** One read of one file. */
  private static final class Session {
    private final Path file;
    private final JsonParser p;

    Session(Path file, JsonParser p) {
      this.file = file;
      this.p = p;
    }

    CleanupConfig readRoot(CleanupConfig defaults) throws IOException {
      JsonToken t = p.nextToken();
      if (t == null) {
        return defaults; // an empty YAML document: nothing set
      }
      if (t != JsonToken.START_OBJECT) {
        throw error(null, "expected an object with a " + CleanupConfig.SECTION + " section, got " + describe(t));
      }
      CleanupConfig.Builder b = defaults.toBuilder();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (CleanupConfig.SECTION.equals(name)) {
          readWorker(value, b);
        } else {
          p.skipChildren(); // other sections belong to other readers
        }
      }
      return b.build();
    }

    private void readWorker(JsonToken t, CleanupConfig.Builder b) throws IOException {
      if (t == JsonToken.VALUE_NULL) {
        return; // "worker:" with nothing below it
      }
      if (t != JsonToken.START_OBJECT) {
        throw error(CleanupConfig.SECTION, "expected an object of keys, got " + describe(t));
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        String path = CleanupConfig.SECTION + "." + key;
        if (!CleanupConfig.KEYS.contains(key)) {
          throw error(path, "unknown key; known keys: " + String.join(", ", CleanupConfig.KEYS));
        }
        JsonToken v = p.nextToken();
        switch (key) {
          case CleanupConfig.CLEANUP -> b.cleanup(flag(path, v));
          case CleanupConfig.CLEANUP_DRY_RUN -> b.dryRun(flag(path, v));
          case CleanupConfig.CLEANUP_POOL_SIZE -> b.poolSize(integer(path, v, 1, "an integer of at least 1"));
          case CleanupConfig.CLEANUP_MAX_RESOURCES -> {
            if (v == JsonToken.VALUE_NULL) {
              b.noMaxResources();
            } else {
              b.maxResources(integer(path, v, 0, "an integer of at least 0 or null"));
            }
          }
          default -> throw new IllegalStateException(key); // KEYS and this switch list the same keys
        }
      }
    }

    private boolean flag(String path, JsonToken t) throws IOException {
      if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
        return t == JsonToken.VALUE_TRUE;
      }
      throw error(path, "expected true or false, got " + describe(t));
    }

    private int integer(String path, JsonToken t, int min, String expected) throws IOException {
      if (t != JsonToken.VALUE_NUMBER_INT) {
        throw error(path, "expected " + expected + ", got " + describe(t));
      }
      if (p.getNumberType() != JsonParser.NumberType.INT) {
        throw error(path, "expected " + expected + ", got " + p.getText() + " (too large)");
      }
      int n = p.getIntValue();
      if (n < min) {
        throw error(path, "expected " + expected + ", got " + n);
      }
      return n;
    }

    private String describe(JsonToken t) throws IOException {
      return switch (t) {
        case START_OBJECT -> "an object";
        case START_ARRAY -> "an array";
        case VALUE_STRING -> "string \"" + p.getText() + "\"";
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number " + p.getText();
        case VALUE_TRUE, VALUE_FALSE -> p.getText();
        case VALUE_NULL -> "null";
        default -> t.asString() == null ? t.name() : t.asString();
      };
    }

    private ConfigException error(String key, String problem) {
      JsonLocation at = p.currentTokenLocation();
      return new ConfigException(key, file, at.getLineNr(), at.getColumnNr(), problem, null);
    }
  }
}
