package dev.inventory.query.ast;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One entry of a part's merge block, {@code name: query} or {@code name[]: query}: for every node the
 * part keeps, the query walks from that node (it starts with a navigation) and the node it finds
 * (or, for {@code name[]}, the list of all nodes it finds) is readable under {@code name}, as a
 * node document with {@code id}, {@code kind} and {@code reported}, the way Fix Inventory merges it.
 *
 * <pre>{@code
 * // is(aws_ec2_instance) {instance_type: <-- is(aws_ec2_instance_type)}
 * MergeQuery m = QueryParser.parse("is(aws_ec2_instance) {instance_type: <-- is(aws_ec2_instance_type)}")
 *     .parts().get(0).merges().get(0);   // name "instance_type", list false
 * }</pre>
 *
 * @param name where the found node is readable: dotted names, optionally starting with {@code /}
 * @param list {@code name[]}: all found nodes, as a list, rather than the first one
 * @param query the walk from the node: its first part is only a navigation
 */
public record MergeQuery(String name, boolean list, Query query) {
  private static final Pattern NAME = Pattern.compile("/?[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");

  /**
   * Checks the name and that the query starts with a navigation.
   *
   * @param name where the found node is readable
   * @param list whether all found nodes are kept
   * @param query the walk from the node
   * @throws IllegalArgumentException if the name is not dotted names or the query does not start with
   *     a bare navigation
   */
  public MergeQuery {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(query, "query");
    if (!isName(name)) {
      throw new IllegalArgumentException(
          "a merge name is dotted names of A-Z a-z 0-9 _, optionally starting with '/': '" + name + "'");
    }
    Part first = query.parts().get(0);
    if (!isBareNavigation(first)) {
      throw new IllegalArgumentException("a merge query starts with a navigation from the node: " + query);
    }
  }

  /**
   * Whether {@code s} can name a merged value.
   *
   * @param s the candidate
   * @return true if it is dotted names, optionally starting with {@code /}
   */
  public static boolean isName(String s) {
    return NAME.matcher(s).matches();
  }

  /**
   * Whether {@code p} is only a navigation (or {@code all} and a navigation), as a merge query's
   * first part must be.
   *
   * @param p the part
   * @return true if it has a navigation and nothing else but possibly the term {@code all}
   */
  public static boolean isBareNavigation(Part p) {
    return p.navigation().isPresent() && p.term().filter(t -> !(t instanceof AllTerm)).isEmpty()
        && p.sort().isEmpty() && p.limit().isEmpty() && p.tag().isEmpty() && !p.reversed()
        && p.merges().isEmpty();
  }

  /**
   * The name's segments, without a leading {@code /}.
   *
   * @return the dotted names in order
   */
  public java.util.List<String> segments() {
    return java.util.List.of((name.startsWith("/") ? name.substring(1) : name).split("\\."));
  }

  @Override
  public String toString() {
    return Printer.print(this);
  }
}
