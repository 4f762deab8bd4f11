package dev.inventory.query.ast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A property path: a {@link Section}, for {@link Section#ANCESTORS} and {@link Section#DESCENDANTS}
 * the kind to look for, and one or more {@link Segment}s.
 *
 * <p>Text forms: {@code a.b.c}, {@code a[3]}, {@code a[*].b}, {@code tags.`owner:team`}; a relative
 * path reads the {@code reported} section, a leading {@code /} names the section ({@code
 * /desired.clean}, {@code /ancestors.user.reported.name}).
 *
 * <p><b>Shorthands are normalised.</b> A relative path whose first segment is {@code cloud}, {@code
 * account} or {@code region} (see {@link #SHORTHAND_KINDS}) means the name (or, with more
 * segments, the reported property) of that ancestor: the parser turns {@code account} into
 * {@code /ancestors.account.reported.name} and {@code account.id} into {@code
 * /ancestors.account.reported.id}. So both spellings build equal paths, and the engine and the DSL
 * see one form. The printer writes such paths back in the short form; a reported property that is
 * really called {@code account} prints as {@code /reported.account}.
 *
 * <pre>{@code
 * Path.reported("name");                                // name
 * Path.of(Section.DESIRED, "clean");                    // /desired.clean
 * Path.ancestor("user", "reported", "name");            // /ancestors.user.reported.name
 * Path.ancestor("account", "reported", "name");         // account
 * }</pre>
 */
public record Path(Section section, Optional<String> kind, List<Segment> segments) {

  /** First segments of a relative path that mean {@code /ancestors.<x>.reported...}. */
  public static final Set<String> SHORTHAND_KINDS = Set.of("cloud", "account", "region");

  public Path {
    Objects.requireNonNull(section, "section");
    Objects.requireNonNull(kind, "kind");
    segments = List.copyOf(Objects.requireNonNull(segments, "segments"));
    if (segments.isEmpty()) {
      throw new IllegalArgumentException("a path has at least one segment");
    }
    if (section.takesKind() != kind.isPresent()) {
      throw new IllegalArgumentException(
          section.takesKind()
              ? "a path in section " + section + " names a kind"
              : "only the ancestors and descendants sections name a kind");
    }
    kind.ifPresent(k -> Segment.of(k)); // same character rules as a segment
  }

  /** A path in the {@code reported} section with these plain segment names. */
  public static Path reported(String... names) {
    return of(Section.REPORTED, names);
  }

  /**
   * A path in {@code section} ({@code reported}, {@code desired} or {@code metadata}) with these
   * plain segment names.
   */
  public static Path of(Section section, String... names) {
    return new Path(section, Optional.empty(), segments(names));
  }

  /**
   * A path into the nearest ancestor of {@code kind}; {@code names} start with the ancestor's
   * section: {@code ancestor("user", "reported", "name")} is {@code /ancestors.user.reported.name}.
   */
  public static Path ancestor(String kind, String... names) {
    return new Path(Section.ANCESTORS, Optional.of(kind), segments(names));
  }

  /** Like {@link #ancestor}, walking outward. */
  public static Path descendant(String kind, String... names) {
    return new Path(Section.DESCENDANTS, Optional.of(kind), segments(names));
  }

  /** This path with one more segment. */
  public Path child(Segment segment) {
    List<Segment> out = new ArrayList<>(segments);
    out.add(Objects.requireNonNull(segment, "segment"));
    return new Path(section, kind, out);
  }

  private static List<Segment> segments(String... names) {
    return Arrays.stream(names).map(Segment::of).toList();
  }

  @Override
  public String toString() {
    return Printer.print(this);
  }
}
