package dev.inventory.aws.fake;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** A small XML writer for the query protocol's responses: elements, escaped text, ISO dates. */
final class Xml {
  private final StringBuilder sb = new StringBuilder(256);

  Xml open(String name) {
    sb.append('<').append(name).append('>');
    return this;
  }

  Xml close(String name) {
    sb.append("</").append(name).append('>');
    return this;
  }

  /** {@code <name>value</name>}; nothing when value is null. */
  Xml text(String name, String value) {
    if (value != null) {
      open(name);
      escape(value);
      close(name);
    }
    return this;
  }

  /** {@code <name>2026-01-01T00:00:00Z</name>}; nothing when the instant is null. */
  Xml date(String name, Instant at) {
    return at == null ? this : text(name, format(at));
  }

  Xml bool(String name, boolean value) {
    return text(name, Boolean.toString(value));
  }

  /** Appends already-built XML. */
  Xml raw(String xml) {
    sb.append(xml);
    return this;
  }

  static String format(Instant at) {
    return DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.SECONDS));
  }

  private void escape(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&apos;");
        default -> sb.append(c);
      }
    }
  }

  @Override
  public String toString() {
    return sb.toString();
  }
}
