package dev.inventory.query.parse;

/**
 * One token of query text.
 *
 * @param text the source text of the token
 * @param value the content of a string or backticked name without quotes and escapes; otherwise
 *     the text
 */
record Token(Kind kind, String text, int offset, int end, String value) {

  enum Kind {
    IDENT, INT, STRING, BACKTICK, OP, MINUS, ARROW_RIGHT, ARROW_LEFT,
    LPAREN, RPAREN, LBRACKET, RBRACKET, LBRACE, RBRACE, COMMA, DOT, SLASH, STAR, COLON, HASH, EOF
  }

  boolean is(Kind k) {
    return kind == k;
  }

  boolean isKeyword(String keyword) {
    return kind == Kind.IDENT && text.equals(keyword);
  }

  /** How the token appears in "found ..." messages. */
  String describe() {
    if (kind == Kind.EOF) {
      return "the end of the query";
    }
    String shown = text.length() > 30 ? text.substring(0, 30) + "..." : text;
    return "'" + shown + "'";
  }
}
