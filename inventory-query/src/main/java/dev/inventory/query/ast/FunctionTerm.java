package dev.inventory.query.ast;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A function of Fix Inventory's query language: {@code has_key(path, key)}, {@code in_subnet(path,
 * "10.0.0.0/16")}, {@code has_desired_change(path)}.
 *
 * <ul>
 *   <li>{@code has_key(tags, owner)}: the object at the path has the key; {@code has_key(tags, [a,
 *       b])}: it has all of them.
 *   <li>{@code in_subnet(ip, "10.0.0.0/16")}: the IPv4 address at the path lies in the network.
 *   <li>{@code has_desired_change(p)}: {@code /desired.p} is set and differs from {@code
 *       /reported.p}.
 * </ul>
 *
 * <p>As in Fix Inventory the grammar takes any values after the path; whether they fit the
 * function ({@link #argumentProblem}) is checked when the engine compiles the query.
 *
 * @param function which function
 * @param path the property it reads
 * @param arguments the values after the path
 */
public record FunctionTerm(Function function, Path path, List<Value> arguments) implements Term {

  /** The functions there are. */
  public enum Function {
    /** {@code has_key}. */
    HAS_KEY("has_key"),
    /** {@code in_subnet}. */
    IN_SUBNET("in_subnet"),
    /** {@code has_desired_change}. */
    HAS_DESIRED_CHANGE("has_desired_change");

    private final String keyword;

    Function(String keyword) {
      this.keyword = keyword;
    }

    /**
     * The name written in a query.
     *
     * @return the name
     */
    public String keyword() {
      return keyword;
    }

    /**
     * The function written {@code keyword}, if any.
     *
     * @param keyword a name
     * @return the function
     */
    public static Optional<Function> fromKeyword(String keyword) {
      return Arrays.stream(values()).filter(f -> f.keyword.equals(keyword)).findFirst();
    }
  }

  public FunctionTerm {
    Objects.requireNonNull(function, "function");
    Objects.requireNonNull(path, "path");
    arguments = List.copyOf(Objects.requireNonNull(arguments, "arguments"));
  }

  /**
   * What is wrong with these arguments of {@code function}, if anything, as a sentence.
   *
   * @param function the function
   * @param arguments the values after the path
   * @return the problem, empty when the arguments fit
   */
  public static Optional<String> argumentProblem(Function function, List<Value> arguments) {
    switch (function) {
      case HAS_KEY -> {
        if (arguments.size() != 1 || !isKeyList(arguments.get(0))) {
          return Optional.of("has_key takes a path and a key or a list of keys: has_key(tags, owner)"
              + " or has_key(tags, [owner, team])");
        }
      }
      case IN_SUBNET -> {
        if (arguments.size() != 1 || !(arguments.get(0) instanceof StringValue s) || Subnet.parse(s.value()).isEmpty()) {
          return Optional.of("in_subnet takes a path and an IPv4 network: in_subnet(ip, \"10.0.0.0/16\")");
        }
      }
      case HAS_DESIRED_CHANGE -> {
        if (!arguments.isEmpty()) {
          return Optional.of("has_desired_change takes only a path: has_desired_change(clean)");
        }
      }
      default -> throw new IllegalStateException("unknown function " + function);
    }
    return Optional.empty();
  }

  private static boolean isKeyList(Value v) {
    if (v instanceof StringValue) {
      return true;
    }
    return v instanceof ListValue l && l.values().stream().allMatch(e -> e instanceof StringValue);
  }

  /**
   * An IPv4 network {@code a.b.c.d/n} (or one address, {@code /32}).
   *
   * @param network the network address, the host bits cleared
   * @param mask the network mask
   */
  public record Subnet(int network, int mask) {
    /**
     * The network written {@code text}, if it is one.
     *
     * @param text such as {@code 10.0.0.0/16}
     * @return the network
     */
    public static Optional<Subnet> parse(String text) {
      int slash = text.indexOf('/');
      Optional<Integer> address = address(slash < 0 ? text : text.substring(0, slash));
      if (address.isEmpty()) {
        return Optional.empty();
      }
      int bits = 32;
      if (slash >= 0) {
        String b = text.substring(slash + 1);
        if (b.isEmpty() || b.length() > 2 || !b.chars().allMatch(Character::isDigit)) {
          return Optional.empty();
        }
        bits = Integer.parseInt(b);
        if (bits > 32) {
          return Optional.empty();
        }
      }
      int mask = bits == 0 ? 0 : -1 << (32 - bits);
      return Optional.of(new Subnet(address.get() & mask, mask));
    }

    /**
     * Whether {@code text} is an IPv4 address in this network.
     *
     * @param text a dotted address
     * @return true if it lies in the network
     */
    public boolean contains(String text) {
      return address(text).map(a -> (a & mask) == network).orElse(false);
    }

    /**
     * A dotted IPv4 address as a number.
     *
     * @param text such as {@code 10.1.2.3}
     * @return the address, empty if {@code text} is none
     */
    public static Optional<Integer> address(String text) {
      String[] octets = text.split("\\.", -1);
      if (octets.length != 4) {
        return Optional.empty();
      }
      int a = 0;
      for (String o : octets) {
        if (o.isEmpty() || o.length() > 3 || !o.chars().allMatch(Character::isDigit)) {
          return Optional.empty();
        }
        int n = Integer.parseInt(o);
        if (n > 255) {
          return Optional.empty();
        }
        a = (a << 8) | n;
      }
      return Optional.of(a);
    }
  }

  @Override
  public String toString() {
    return Printer.print(this);
  }
}
