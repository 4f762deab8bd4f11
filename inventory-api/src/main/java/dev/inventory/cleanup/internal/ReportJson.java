package dev.inventory.cleanup.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.inventory.Values;
import dev.inventory.cleanup.NodeResult;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON shape of node results, shared by the report and the audit trail. */
public final class ReportJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ReportJson() {}

  /** A node result as ordered plain values. */
  public static Map<String, Object> node(NodeResult r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("kind", r.kind());
    m.put("name", r.name().orElse(null));
    m.put("account", r.account().orElse(null));
    m.put("pass", r.pass());
    m.put("outcome", r.outcome().label());
    m.put("reason", r.reason());
    m.put("error", r.error().orElse(null));
    m.put("retryable", r.retryable());
    m.put("duration_ms", millis(r.duration()));
    return m;
  }

  /** Milliseconds with microsecond precision. */
  public static double millis(Duration d) {
    return d.toNanos() / 1_000L / 1000.0;
  }

  public static String time(Instant t) {
    return Values.format(t);
  }

  /** One line of JSON. */
  public static String write(Map<String, Object> value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("plain values always serialise", e);
    }
  }

  /** Indented JSON. */
  public static String writePretty(Map<String, Object> value) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("plain values always serialise", e);
    }
  }
}
