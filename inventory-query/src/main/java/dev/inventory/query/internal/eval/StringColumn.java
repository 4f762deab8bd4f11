package dev.inventory.query.internal.eval;

import dev.inventory.Inventory;
import dev.inventory.Property;
import dev.inventory.Resource;
import dev.inventory.ValueType;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * One top-level reported property of every node of a snapshot, dictionary-encoded: an {@code int}
 * code per node and the distinct strings behind the codes. A predicate such as {@code name not in
 * [jenkins, ci]} then decides once per distinct name and looks the answer up by code, and {@code
 * count name} reads the codes instead of following each node to its string.
 *
 * <p>Only values that the query engine would read as a string of a property declared {@link
 * ValueType#STRING} for the node's kind get a code; a missing or null value is {@link #ABSENT}; any
 * other value (a number, a list, an undeclared property) is {@link #OTHER}, which tells the caller to
 * read the node the ordinary way. So a column never changes what a query means.
 *
 * <p>Filled lazily, node by node, the first time a run reads a node. Thread-safe: a code is written
 * with release and read with acquire semantics after the dictionary entry it names is in place, and
 * two threads filling the same node write the same code. Costs 4 bytes per node of the snapshot plus
 * one small list per distinct string (the strings themselves are the nodes' own objects, not
 * copies).
 */
final class StringColumn {
  /** The node has not been read yet. */
  private static final int UNREAD = 0;
  /** The node has no value (missing or null). */
  static final int ABSENT = 1;
  /** The node's value is no string of a declared string property: read it the ordinary way. */
  static final int OTHER = 2;
  private static final int FIRST = 3;

  private final Inventory inventory;
  private final String property;
  private final AtomicIntegerArray codes;
  private final Map<String, Integer> ids = new HashMap<>(); // guarded by this
  private volatile List<Object>[] values = newValues(16); // code - FIRST -> List.of(string)
  private int size; // guarded by this

  StringColumn(Inventory inventory, String property) {
    this.inventory = inventory;
    this.property = property;
    this.codes = new AtomicIntegerArray(inventory.size());
  }

  /** Whether a path is one top-level reported property that a column can hold. */
  static boolean fits(dev.inventory.query.ast.Path path) {
    return path.section() == dev.inventory.query.ast.Section.REPORTED
        && path.segments().size() == 1
        && path.segments().get(0).index().isEmpty()
        && PathReader.Synthetic.of(path).isEmpty();
  }

  /** The node's code: {@link #ABSENT}, {@link #OTHER} or a string's code (see {@link #isString}). */
  int code(int node) {
    int c = codes.getAcquire(node);
    if (c == UNREAD) {
      c = read(node);
      codes.setRelease(node, c);
    }
    return c;
  }

  /** Whether a code stands for a string. */
  static boolean isString(int code) {
    return code >= FIRST;
  }

  /** The position of a string code among the distinct strings: 0, 1, 2, ... */
  static int ordinal(int code) {
    return code - FIRST;
  }

  /** The code of the string at a position: the inverse of {@link #ordinal}. */
  static int codeOf(int ordinal) {
    return ordinal + FIRST;
  }

  /** The string of a code, as the one-element list that {@code PathReader.values} would give. */
  List<Object> values(int code) {
    return values[code - FIRST];
  }

  /** The string of a code. */
  String text(int code) {
    return (String) values(code).get(0);
  }

  private int read(int node) {
    Resource r = inventory.node(node);
    Optional<Property<?>> p = inventory.kinds().property(r.kind(), property);
    Object v = Scalars.normalize(p.isPresent() ? p.get().read(r) : r.additionalProperties().get(property));
    if (v == null) {
      return ABSENT;
    }
    if (v instanceof String s && p.isPresent() && p.get().type() == ValueType.STRING) {
      return intern(s);
    }
    return OTHER;
  }

  private synchronized int intern(String s) {
    Integer known = ids.get(s);
    if (known != null) {
      return known;
    }
    List<Object>[] current = values;
    if (size == current.length) {
      current = Arrays.copyOf(current, size * 2);
    }
    current[size] = List.of(s);
    values = current; // publishes the entry (volatile write) before any node carries its code
    int code = FIRST + size++;
    ids.put(s, code);
    return code;
  }

  @SuppressWarnings("unchecked")
  private static List<Object>[] newValues(int n) {
    return (List<Object>[]) new List<?>[n];
  }
}
