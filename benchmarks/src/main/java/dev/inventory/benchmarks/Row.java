package dev.inventory.benchmarks;

import java.util.Locale;

/**
 * One measurement: the table's {@code row | size | ours | comparison | ratio | check} cells, and the
 * raw figures for the JSON file.
 *
 * @param section the section's name
 * @param row what was measured
 * @param size the size of the input, such as {@code 1,000,000 resources}
 * @param ours our figure with its unit, such as {@code 12.3 ms}
 * @param comparison the comparison's figure with its unit, or {@code -}
 * @param ratio comparison divided by ours (above 1: we are faster or smaller), or {@code -}
 * @param check whether the answers agreed, such as {@code counts equal (26013)}
 * @param ok false when the check failed: the run exits with 1
 * @param note how it was measured, which comparison layout won, and so on
 * @param oursValue our figure as a number in {@code unit}, or NaN
 * @param comparisonValue the comparison's figure in {@code unit}, or NaN
 * @param unit the unit of the two numbers
 */
record Row(
    String section, String row, String size, String ours, String comparison, String ratio, String check,
    boolean ok, String note, double oursValue, double comparisonValue, String unit) {

  /** Milliseconds of ours against the comparison's; the ratio is comparison / ours. */
  static Row timed(String section, String row, String size, double oursMs, double comparisonMs, String check,
      boolean ok, String note) {
    return new Row(section, row, size, millis(oursMs), millis(comparisonMs), ratio(comparisonMs / oursMs), check, ok,
        note, oursMs, comparisonMs, "ms");
  }

  /** A figure with nothing to compare it with. */
  static Row alone(String section, String row, String size, String ours, double value, String unit, String check,
      boolean ok, String note) {
    return new Row(section, row, size, ours, "-", "-", check, ok, note, value, Double.NaN, unit);
  }

  static String millis(double ms) {
    if (Double.isNaN(ms)) {
      return "-";
    }
    if (ms < 1) {
      return String.format(Locale.ROOT, "%.0f µs", ms * 1000);
    }
    if (ms < 10) {
      return String.format(Locale.ROOT, "%.2f ms", ms);
    }
    if (ms < 1000) {
      return String.format(Locale.ROOT, "%.1f ms", ms);
    }
    return String.format(Locale.ROOT, "%.2f s", ms / 1000);
  }

  static String ratio(double r) {
    if (Double.isNaN(r) || Double.isInfinite(r)) {
      return "-";
    }
    return String.format(Locale.ROOT, r < 10 ? "%.2f" : "%.1f", r);
  }

  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
