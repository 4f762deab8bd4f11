package dev.inventory.query.parse;

/**
 * Stable codes of {@link QuerySyntaxException}s. Tests and tools check codes, not wording; the
 * wording may improve, the codes stay.
 *
 * <pre>{@code
 * try {
 *   QueryParser.parse("is(access_key) and");
 * } catch (QuerySyntaxException e) {
 *   e.code();   // UNEXPECTED_END
 * }
 * }</pre>
 */
public enum ErrorCode {
  /** A token that does not fit here; {@link QuerySyntaxException#expected()} lists what would. */
  UNEXPECTED_TOKEN,
  /** The text ends where more is needed. */
  UNEXPECTED_END,
  /** The query is complete but more text follows. */
  TRAILING_INPUT,
  /** A {@code /} or {@code .} of a path is not followed by a name ({@code / not in [...]}). */
  EXPECTED_PROPERTY_NAME,
  /** {@code /x.y} where {@code x} is not a section ({@code reported}, {@code desired}, ...). */
  UNKNOWN_SECTION,
  /** A navigation names an edge type other than {@code default}, {@code delete} or {@code iam}. */
  UNKNOWN_EDGE_TYPE,
  /** A character that no token starts with ({@code @}, {@code $}, ...). */
  INVALID_CHARACTER,
  /** An unquoted value contains a character outside {@code A-Z a-z 0-9 _ - : / .}. */
  INVALID_UNQUOTED_VALUE,
  /** A double-quoted string is not closed. */
  UNTERMINATED_STRING,
  /** A backticked name is not closed on its line. */
  UNTERMINATED_NAME,
  /** An empty backticked name or quoted kind. */
  EMPTY_NAME,
  /** {@code and} and {@code or} mixed at one level without parentheses: which one binds first is unclear. */
  AMBIGUOUS_AND_OR,
  /** A number that does not fit (limits, ranges, counts, array positions are {@code int}s). */
  NUMBER_OUT_OF_RANGE,
  /** A navigation range that ends before it starts ({@code -[3:1]->}). */
  INVALID_RANGE,
  /** {@code in} or {@code not in} followed by something other than a list. */
  LIST_EXPECTED,
  /** Parentheses, {@code not}s, lists or nested clauses deeper than the parser accepts. */
  NESTING_TOO_DEEP,
  /** An empty command between two {@code |}s, or an empty command line. */
  EMPTY_COMMAND,
  /** A command name that is not known. */
  UNKNOWN_COMMAND,
  /** A command that takes no arguments was given some. */
  UNEXPECTED_ARGUMENT,
  /**
   * A feature of Fix Inventory's language that this inventory does not offer, such as {@code
   * search --at} (no history of earlier snapshots is kept) or {@code with_usage(...)} (no usage
   * metrics are kept); the reason names the feature.
   */
  UNSUPPORTED_FEATURE,
  /** A command option that the command does not know. */
  UNKNOWN_OPTION,
  /** A kind that the kind registry does not know (a semantic check, see {@link QueryValidator}). */
  UNKNOWN_KIND,
  /** A regular expression after {@code =~} or {@code !~} that does not compile (a semantic check of the engine). */
  BAD_REGEX,
  /** A one-way navigation names edge types both before and after its range ({@code -delete[1:]default->}). */
  EDGE_TYPES_TWICE,
  /** A function ({@code has_key}, {@code in_subnet}, {@code has_desired_change}) with arguments it does not take (a check of the engine). */
  INVALID_FUNCTION_ARGUMENT,
  /** A query preamble {@code (name=value): ...} with a name other than {@code edge_type}. */
  UNKNOWN_PREAMBLE_PROPERTY,
  /** An edge filter {@code -{...}->} with a term that cannot test an edge ({@code is(...)}, full text, ...). */
  INVALID_EDGE_FILTER
}
