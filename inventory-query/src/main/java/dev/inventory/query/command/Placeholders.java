package dev.inventory.query.command;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fix Inventory's command-line placeholders, replaced before parsing with the time of the line:
 * {@code @UTC@} ({@code 2026-05-01T10:00:00Z}), {@code @NOW@} (local time with offset, {@code
 * 2026-05-01T12:00:00+0200}: quote it inside a search, {@code +} is not allowed unquoted), {@code
 * @TODAY@}, {@code @YESTERDAY@}, {@code @TOMORROW@} ({@code 2026-05-01}, in the local zone). Upper-
 * or lower-case spelling.
 */
public final class Placeholders {
  private static final Pattern PLACEHOLDER =
      Pattern.compile("@(UTC|NOW|TODAY|YESTERDAY|TOMORROW)@", Pattern.CASE_INSENSITIVE);
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxx", Locale.ROOT);

  private Placeholders() {}

  /** Replaces every placeholder in {@code line} with the time {@code now} seen in {@code zone}. */
  public static String replace(String line, Instant now, ZoneId zone) {
    Matcher m = PLACEHOLDER.matcher(line);
    if (!m.find()) {
      return line;
    }
    Instant seconds = now.truncatedTo(ChronoUnit.SECONDS);
    ZonedDateTime local = seconds.atZone(zone);
    LocalDate today = local.toLocalDate();
    StringBuilder out = new StringBuilder();
    do {
      String value = switch (m.group(1).toUpperCase(Locale.ROOT)) {
        case "UTC" -> DateTimeFormatter.ISO_INSTANT.format(seconds);
        case "NOW" -> LOCAL.format(local);
        case "TODAY" -> today.toString();
        case "YESTERDAY" -> today.minusDays(1).toString();
        default -> today.plusDays(1).toString();
      };
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    } while (m.find());
    m.appendTail(out);
    return out.toString();
  }
}
