package dev.inventory.query.parse;

import dev.inventory.query.internal.Lexical;
import dev.inventory.query.parse.Token.Kind;
import java.util.List;

/**
 * Splits query text into tokens on demand. The parser asks for the token at a position, so that
 * it can read values (unquoted words such as {@code 90days} or {@code -3d}, which are not tokens of
 * the rest of the language) with different rules at the places where values occur.
 */
final class Lexer {
  private final String text;
  private final int end;

  /** Lexes {@code text} up to {@code end} (exclusive); the parts of a command line end at a {@code |}. */
  Lexer(String text, int end) {
    this.text = text;
    this.end = end;
  }

  int end() {
    return end;
  }

  int skipWhitespace(int pos) {
    while (pos < end && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
    return pos;
  }

  /** The token that starts at or after {@code pos} (after white space). */
  Token next(int pos) {
    pos = skipWhitespace(pos);
    if (pos >= end) {
      return new Token(Kind.EOF, "", end, end, "");
    }
    char c = text.charAt(pos);
    switch (c) {
      case '(':
        return single(Kind.LPAREN, pos);
      case ')':
        return single(Kind.RPAREN, pos);
      case '[':
        return single(Kind.LBRACKET, pos);
      case ']':
        return single(Kind.RBRACKET, pos);
      case '{':
        return single(Kind.LBRACE, pos);
      case '}':
        return single(Kind.RBRACE, pos);
      case ',':
        return single(Kind.COMMA, pos);
      case '.':
        return single(Kind.DOT, pos);
      case '/':
        return single(Kind.SLASH, pos);
      case '*':
        return single(Kind.STAR, pos);
      case ':':
        return single(Kind.COLON, pos);
      case '#':
        return single(Kind.HASH, pos);
      case '~':
        return single(Kind.OP, pos);
      case '"':
        return string(pos);
      case '`':
        return backtick(pos);
      case '=':
        return at(pos + 1, '=') || at(pos + 1, '~') ? token(Kind.OP, pos, pos + 2) : single(Kind.OP, pos);
      case '!':
        if (at(pos + 1, '=') || at(pos + 1, '~')) {
          return token(Kind.OP, pos, pos + 2);
        }
        throw invalidCharacter(pos);
      case '<':
        if (at(pos + 1, '-')) {
          return token(Kind.ARROW_LEFT, pos, pos + 2);
        }
        return at(pos + 1, '=') ? token(Kind.OP, pos, pos + 2) : single(Kind.OP, pos);
      case '>':
        return at(pos + 1, '=') ? token(Kind.OP, pos, pos + 2) : single(Kind.OP, pos);
      case '-':
        return at(pos + 1, '>') ? token(Kind.ARROW_RIGHT, pos, pos + 2) : single(Kind.MINUS, pos);
      default:
        break;
    }
    if (c >= '0' && c <= '9') {
      int i = pos;
      while (i < end && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
        i++;
      }
      return token(Kind.INT, pos, i);
    }
    if (Lexical.isIdentifierChar(c)) {
      // [A-Za-z_][A-Za-z0-9_]* with single inner hyphens: "a-b" is one name, "a-->" is a name and an arrow.
      int i = pos;
      while (true) {
        while (i < end && Lexical.isIdentifierChar(text.charAt(i))) {
          i++;
        }
        if (i + 1 < end && text.charAt(i) == '-' && Lexical.isIdentifierChar(text.charAt(i + 1))) {
          i++;
        } else {
          break;
        }
      }
      return token(Kind.IDENT, pos, i);
    }
    throw invalidCharacter(pos);
  }

  /**
   * A double-quoted string at {@code pos}: escapes {@code \" \\ \/ \'}; any other backslash is kept.
   */
  Token string(int pos) {
    return string(pos, '"');
  }

  /**
   * A string in {@code quote}s (double or single) at {@code pos}: escapes {@code \" \\ \/ \'}.
   */
  Token string(int pos, char quote) {
    StringBuilder value = new StringBuilder();
    int i = pos + 1;
    while (i < end) {
      char c = text.charAt(i);
      if (c == quote) {
        return new Token(Kind.STRING, text.substring(pos, i + 1), pos, i + 1, value.toString());
      }
      if (c == '\\') {
        if (i + 1 >= end) {
          break;
        }
        char e = text.charAt(i + 1);
        if (e != '"' && e != '\\' && e != '/' && e != '\'') {
          // As in Fix Inventory any other backslash stands for itself: "\s*" is the regex \s*.
          value.append(c);
          i++;
          continue;
        }
        value.append(e);
        i += 2;
      } else {
        value.append(c);
        i++;
      }
    }
    String q = quote == '"' ? "'\"'" : "\"'\"";
    throw new QuerySyntaxException(ErrorCode.UNTERMINATED_STRING,
        "string is not closed with " + q, text, pos, end - pos, List.of(q));
  }

  private Token backtick(int pos) {
    int i = pos + 1;
    while (i < end && text.charAt(i) != '`' && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
      i++;
    }
    if (i >= end || text.charAt(i) != '`') {
      throw new QuerySyntaxException(ErrorCode.UNTERMINATED_NAME,
          "name is not closed with '`' on its line", text, pos, i - pos, List.of("'`'"));
    }
    if (i == pos + 1) {
      throw new QuerySyntaxException(ErrorCode.EMPTY_NAME,
          "a name in backticks is not empty", text, pos, 2, List.of());
    }
    return new Token(Kind.BACKTICK, text.substring(pos, i + 1), pos, i + 1, text.substring(pos + 1, i));
  }

  private boolean at(int pos, char c) {
    return pos < end && text.charAt(pos) == c;
  }

  private Token single(Kind kind, int pos) {
    return token(kind, pos, pos + 1);
  }

  private Token token(Kind kind, int from, int to) {
    String t = text.substring(from, to);
    return new Token(kind, t, from, to, t);
  }

  QuerySyntaxException invalidCharacter(int pos) {
    int cp = text.codePointAt(pos);
    int len = Character.charCount(cp);
    return new QuerySyntaxException(ErrorCode.INVALID_CHARACTER,
        "unexpected character " + describeChar(cp), text, pos, len, List.of());
  }

  static String describeChar(int cp) {
    if (cp >= 0x21 && cp < 0x7f) {
      return "'" + (char) cp + "'";
    }
    return String.format("U+%04X", cp);
  }
}
