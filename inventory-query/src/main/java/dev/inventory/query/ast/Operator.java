package dev.inventory.query.ast;

import java.util.Optional;

/**
 * A comparison operator, shared by the text parser and the fluent DSL.
 *
 * <p>The parser also reads {@code =} as {@link #EQ} and {@code ~} as {@link #MATCHES}; the printer
 * writes the canonical symbol.
 *
 * <pre>{@code
 * Operator.fromSymbol("=");   // Optional[EQ]
 * Operator.NOT_IN.symbol();   // "not in"
 * }</pre>
 */
public enum Operator {
  EQ("=="),
  NE("!="),
  LT("<"),
  LE("<="),
  GT(">"),
  GE(">="),
  /** Unanchored, case-insensitive regular expression search. */
  MATCHES("=~"),
  /** The exact negation of {@link #MATCHES}. */
  NOT_MATCHES("!~"),
  /** The value is one of a list. */
  IN("in"),
  /** The value is present and none of a list. */
  NOT_IN("not in");

  private final String symbol;

  Operator(String symbol) {
    this.symbol = symbol;
  }

  /** The canonical text: {@code ==}, {@code !=}, ..., {@code not in}. */
  public String symbol() {
    return symbol;
  }

  /** Whether this operator compares with a single number ({@code == != < <= > >=}). */
  public boolean isComparison() {
    return switch (this) {
      case EQ, NE, LT, LE, GT, GE -> true;
      default -> false;
    };
  }

  /** Whether the right-hand side must be a list ({@code in}, {@code not in}). */
  public boolean takesList() {
    return this == IN || this == NOT_IN;
  }

  /** The operator for a symbol, accepting the aliases {@code =} and {@code ~}. */
  public static Optional<Operator> fromSymbol(String symbol) {
    if ("=".equals(symbol)) {
      return Optional.of(EQ);
    }
    if ("~".equals(symbol)) {
      return Optional.of(MATCHES);
    }
    for (Operator op : values()) {
      if (op.symbol.equals(symbol)) {
        return Optional.of(op);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return symbol;
  }
}
