package dev.inventory.aws.internal;

import dev.inventory.LastUse;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An IAM credential report (the CSV of {@code GetCredentialReport}), read by column name rather
 * than position, so that AWS adding or moving columns does not shift values.
 *
 * <p>Sentinels: {@code N/A}, {@code no_information} and {@code not_supported} read as "no value";
 * dates may end in {@code +00:00} or {@code Z}; booleans are case-insensitive. The root user is
 * the row {@code <root_account>}.
 *
 * <p>The report has no AccessKeyId, so {@link #match} places a key in a slot only when exactly one
 * slot of its user has {@code last_rotated} equal to the key's CreateDate (to the second) and no
 * other key of that user was created in the same second. Anything else is left to a per-key call:
 * the report is never read by slot position alone.
 */
public final class CredentialReport {
  /** User name of the root user's row. */
  public static final String ROOT_ROW = "<root_account>";

  private static final Pattern KEY_COLUMN = Pattern.compile("access_key_(\\d+)_active");

  private final List<Row> rows;
  private final Map<String, Row> byUser;

  private CredentialReport(List<Row> rows) {
    this.rows = List.copyOf(rows);
    Map<String, Row> m = new HashMap<>();
    for (Row r : rows) {
      m.put(r.user(), r);
    }
    this.byUser = Collections.unmodifiableMap(m);
  }

  /**
   * One access key slot of a row.
   *
   * @param slot 1 or 2 (the number in the column names)
   * @param active the {@code access_key_N_active} flag
   * @param lastRotated the key's creation time, absent for an empty slot (and possibly for an inactive key)
   * @param lastUse {@code used} with the time, service and region (each absent when {@code N/A}),
   *     or {@code never} when the date is {@code N/A}
   */
  public record KeySlot(int slot, boolean active, Optional<Instant> lastRotated, LastUse lastUse) {
    public KeySlot {
      Objects.requireNonNull(lastRotated, "lastRotated");
      Objects.requireNonNull(lastUse, "lastUse");
    }

    /** Whether a key seems to sit in this slot (active, or with a creation time). */
    public boolean occupied() {
      return active || lastRotated.isPresent();
    }
  }

  /**
   * One row: a user (or the root user) and its key slots.
   *
   * @param line the 1-based line in the CSV
   */
  public record Row(
      int line,
      String user,
      String arn,
      Optional<Instant> userCreationTime,
      Optional<Boolean> passwordEnabled,
      Optional<Instant> passwordLastUsed,
      Optional<Boolean> mfaActive,
      List<KeySlot> keys) {
    public Row {
      keys = List.copyOf(keys);
    }

    /** Whether this is the root user's row. */
    public boolean isRoot() {
      return ROOT_ROW.equals(user);
    }
  }

  /** A key to place: its id and CreateDate. */
  public record KeyRef(String accessKeyId, Instant createDate) {
    public KeyRef {
      Objects.requireNonNull(accessKeyId, "accessKeyId");
      Objects.requireNonNull(createDate, "createDate");
    }
  }

  /** Every row, root first when present, in file order. */
  public List<Row> rows() {
    return rows;
  }

  /** The root user's row, if the report has one. */
  public Optional<Row> root() {
    return user(ROOT_ROW);
  }

  /** The row of an IAM user. */
  public Optional<Row> user(String userName) {
    return Optional.ofNullable(byUser.get(userName));
  }

  /**
   * The last use of each of {@code keys} (all of user {@code userName}) that the report can place;
   * keys missing from the answer need a per-key call: the user has no row (created after the
   * report), no slot has the key's creation time (a newer key), or the match is ambiguous (two
   * keys created in the same second, or two slots with the same time).
   */
  public Map<String, LastUse> match(String userName, List<KeyRef> keys) {
    Row row = byUser.get(userName);
    if (row == null) {
      return Map.of();
    }
    Map<Instant, Integer> keysPerSecond = new HashMap<>();
    for (KeyRef k : keys) {
      keysPerSecond.merge(second(k.createDate()), 1, Integer::sum);
    }
    Map<String, LastUse> out = new LinkedHashMap<>();
    for (KeyRef k : keys) {
      Instant created = second(k.createDate());
      if (keysPerSecond.get(created) != 1) {
        continue;
      }
      KeySlot found = null;
      int hits = 0;
      for (KeySlot s : row.keys()) {
        if (s.lastRotated().map(CredentialReport::second).filter(created::equals).isPresent()) {
          found = s;
          hits++;
        }
      }
      if (hits == 1) {
        out.put(k.accessKeyId(), found.lastUse());
      }
    }
    return out;
  }

  private static Instant second(Instant t) {
    return t.truncatedTo(ChronoUnit.SECONDS);
  }

  /**
   * Reads a report.
   *
   * @throws CredentialReportException for an empty report, a header without {@code user} or with
   *     an incomplete key slot, a row with the wrong number of fields, an unterminated quote, or a
   *     value that is not a date, boolean or sentinel where one is expected
   */
  public static CredentialReport parse(String csv) {
    Objects.requireNonNull(csv, "csv");
    List<Csv.Record> lines = Csv.parse(csv);
    if (lines.isEmpty() || (lines.size() == 1 && lines.get(0).fields().equals(List.of("")))) {
      throw new CredentialReportException(1, null, "the report is empty; expected a header line starting with 'user'");
    }
    Header header = new Header(lines.get(0).fields());
    List<Row> rows = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      List<String> fields = lines.get(i).fields();
      int line = lines.get(i).line();
      if (fields.size() == 1 && fields.get(0).isEmpty()) {
        continue; // blank line, typically the last
      }
      if (fields.size() != header.names.size()) {
        throw new CredentialReportException(line, null,
            "expected " + header.names.size() + " fields as in the header, got " + fields.size());
      }
      rows.add(header.row(line, fields));
    }
    return new CredentialReport(rows);
  }

  /** Column positions by name. */
  private static final class Header {
    private final List<String> names;
    private final Map<String, Integer> index = new HashMap<>();
    private final TreeMap<Integer, Integer> slots = new TreeMap<>();

    Header(List<String> names) {
      this.names = names;
      for (int i = 0; i < names.size(); i++) {
        String n = names.get(i).trim();
        if (index.putIfAbsent(n, i) != null) {
          throw new CredentialReportException(1, n, "the column appears twice in the header");
        }
        Matcher m = KEY_COLUMN.matcher(n);
        if (m.matches()) {
          slots.put(Integer.parseInt(m.group(1)), i);
        }
      }
      if (!index.containsKey("user")) {
        throw new CredentialReportException(1, "user",
            "the header has no 'user' column; expected a credential report header such as 'user,arn,user_creation_time,...'");
      }
      for (int slot : slots.keySet()) {
        for (String suffix : List.of("last_rotated", "last_used_date", "last_used_region", "last_used_service")) {
          String c = "access_key_" + slot + "_" + suffix;
          if (!index.containsKey(c)) {
            throw new CredentialReportException(1, c, "the header has access_key_" + slot + "_active but no " + c);
          }
        }
      }
    }

    Row row(int line, List<String> f) {
      Values v = new Values(line, f);
      String user = v.text("user").orElseThrow(() -> new CredentialReportException(line, "user", "the user name is empty"));
      List<KeySlot> keys = new ArrayList<>();
      for (int slot : slots.keySet()) {
        String p = "access_key_" + slot + "_";
        Optional<Instant> usedAt = v.date(p + "last_used_date");
        LastUse use = usedAt.<LastUse>map(at -> new LastUse.Used(at, v.sentinelText(p + "last_used_service"),
                v.sentinelText(p + "last_used_region")))
            .orElse(LastUse.never());
        keys.add(new KeySlot(slot, v.bool(p + "active").orElse(false), v.date(p + "last_rotated"), use));
      }
      return new Row(line, user, v.text("arn").orElse(""), v.date("user_creation_time"),
          v.bool("password_enabled"), v.date("password_last_used"), v.bool("mfa_active"), keys);
    }

    /** Typed access to one row's fields. */
    private final class Values {
      private final int line;
      private final List<String> fields;

      Values(int line, List<String> fields) {
        this.line = line;
        this.fields = fields;
      }

      Optional<String> text(String column) {
        Integer i = index.get(column);
        return i == null ? Optional.empty() : Optional.of(fields.get(i)).filter(s -> !s.isEmpty());
      }

      Optional<String> sentinelText(String column) {
        return text(column).filter(s -> !isSentinel(s));
      }

      Optional<Instant> date(String column) {
        Optional<String> s = sentinelText(column);
        if (s.isEmpty()) {
          return Optional.empty();
        }
        try {
          return Optional.of(OffsetDateTime.parse(s.get(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
          throw new CredentialReportException(line, column,
              "expected a date such as 2020-01-02T03:04:05+00:00 or N/A, got '" + s.get() + "'");
        }
      }

      Optional<Boolean> bool(String column) {
        Optional<String> s = sentinelText(column);
        if (s.isEmpty()) {
          return Optional.empty();
        }
        return switch (s.get().toLowerCase(Locale.ROOT)) {
          case "true" -> Optional.of(true);
          case "false" -> Optional.of(false);
          default -> throw new CredentialReportException(line, column,
              "expected true, false or N/A, got '" + s.get() + "'");
        };
      }
    }
  }

  private static boolean isSentinel(String s) {
    return s.equals("N/A") || s.equals("no_information") || s.equals("not_supported");
  }

  /**
   * RFC 4180 CSV through Jackson's CSV parser: quoted fields may hold commas, quotes ({@code ""})
   * and line breaks. Each record comes with the line it starts on, for the error messages.
   */
  static final class Csv {
    private static final CsvFactory FACTORY = CsvFactory.builder()
        .enable(CsvParser.Feature.WRAP_AS_ARRAY)
        .build();

    private Csv() {}

    /** The fields of one record and the line it starts on. */
    record Record(int line, List<String> fields) {}

    static List<Record> parse(String text) {
      List<Record> out = new ArrayList<>();
      int recordLine = 1;
      List<String> fields = new ArrayList<>();
      try (JsonParser p = FACTORY.createParser(text)) {
        // The whole text is one array of records, each record an array of strings.
        int depth = 0;
        JsonToken t;
        while ((t = p.nextToken()) != null) {
          if (t == JsonToken.START_ARRAY) {
            depth++;
            if (depth == 2) {
              recordLine = p.currentLocation().getLineNr();
              fields = new ArrayList<>();
            }
          } else if (t == JsonToken.END_ARRAY) {
            if (depth == 2) {
              out.add(new Record(recordLine, fields));
            }
            depth--;
          } else {
            fields.add(p.getText());
          }
        }
      } catch (StreamReadException e) {
        throw new CredentialReportException(recordLine, "#" + (fields.size() + 1), describe(e));
      } catch (IOException e) {
        // Reading from a String: only a parse problem can get here.
        throw new CredentialReportException(recordLine, null, "not readable as CSV: " + e.getMessage());
      }
      return out;
    }

    /** The parser's complaint in the words of this report. */
    private static String describe(StreamReadException e) {
      String m = e.getOriginalMessage();
      if (m.contains("Missing closing quote")) {
        return "a quoted field is not closed";
      }
      if (m.contains("Expected separator") || m.contains("Expected column separator")) {
        return "unexpected text after a closing quote; expected ',' or the end of the line";
      }
      return "not valid CSV: " + m;
    }
  }
}
