package dev.inventory.workflow;

import java.util.List;
import java.util.Locale;

/**
 * The five fields of a cron expression with their allowed ranges and names, and the parser of one
 * field's text into a bit set of the values it allows (bit {@code v} set when value {@code v} fires).
 */
enum CronField {
  MINUTE("minute", 0, 59, List.of()),
  HOUR("hour", 0, 23, List.of()),
  DAY_OF_MONTH("day-of-month", 1, 31, List.of()),
  MONTH("month", 1, 12,
      List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")),
  // 7 is accepted as a second Sunday and folded into 0 after parsing, as Vixie cron does.
  DAY_OF_WEEK("day-of-week", 0, 7, List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"));

  final String label;
  final int min;
  final int max;
  /** Names for min, min + 1, ...; empty when the field takes numbers only. */
  private final List<String> names;

  CronField(String label, int min, int max, List<String> names) {
    this.label = label;
    this.min = min;
    this.max = max;
    this.names = names;
  }

  // field := item ("," item)*
  long parse(String text, String expression) {
    long bits = 0;
    // limit -1 keeps trailing empty items so that "1," is reported rather than ignored
    for (String item : text.split(",", -1)) {
      if (item.isEmpty()) {
        throw error(expression, "empty list item in \"" + text + "\"");
      }
      bits |= parseItem(item, expression);
    }
    if (this == DAY_OF_WEEK && (bits & (1L << 7)) != 0) {
      bits = (bits & ~(1L << 7)) | 1L;
    }
    return bits;
  }

  // item := range ("/" step)?
  // range := "*" | value ("-" value)?
  private long parseItem(String item, String expression) {
    int slash = item.indexOf('/');
    String rangeText = slash < 0 ? item : item.substring(0, slash);
    int from;
    int to;
    if (rangeText.equals("*")) {
      from = min;
      to = max;
    } else {
      int dash = rangeText.indexOf('-');
      if (dash < 0) {
        from = value(rangeText, expression);
        // "a/n" means from a to the end of the range in steps of n; plain "a" is just a
        to = slash < 0 ? from : max;
      } else {
        from = value(rangeText.substring(0, dash), expression);
        to = value(rangeText.substring(dash + 1), expression);
        if (from > to) {
          throw error(expression, "range " + rangeText + " runs backwards (allowed " + min + "-" + max + ")");
        }
      }
    }
    int step = 1;
    if (slash >= 0) {
      String stepText = item.substring(slash + 1);
      int span = max - min + 1;
      if (!isNumber(stepText)) {
        throw error(expression, "step \"" + stepText + "\" in " + item + " is not a number in 1-" + span);
      }
      step = parseBounded(stepText);
      if (step < 1 || step > span) {
        throw error(expression, "step " + stepText + " in " + item + " is out of range 1-" + span);
      }
    }
    long bits = 0;
    for (int v = from; v <= to; v += step) {
      bits |= 1L << v;
    }
    return bits;
  }

  // value := number | name
  private int value(String text, String expression) {
    if (isNumber(text)) {
      int v = parseBounded(text);
      if (v < min || v > max) {
        throw error(expression, text + " is out of range " + min + "-" + max);
      }
      return v;
    }
    int index = names.indexOf(text.toUpperCase(Locale.ROOT));
    if (index >= 0) {
      return min + index;
    }
    String allowed = names.isEmpty()
        ? "a number in " + min + "-" + max
        : "a number in " + min + "-" + max + " or a name " + names.get(0) + "-" + names.get(names.size() - 1);
    throw error(expression, "\"" + text + "\" is not " + allowed);
  }

  private static boolean isNumber(String text) {
    return !text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  /** Parses digits, saturating so that "99999999999" is reported as out of range, not as an overflow. */
  private static int parseBounded(String digits) {
    return digits.length() > 6 ? Integer.MAX_VALUE : Integer.parseInt(digits);
  }

  private CronException error(String expression, String problem) {
    return new CronException(expression, label, problem);
  }
}
