package dev.inventory.query.internal.eval;

import dev.inventory.Property;
import dev.inventory.Resource;
import dev.inventory.ValueType;
import dev.inventory.query.ast.Index;
import dev.inventory.query.ast.Path;
import dev.inventory.query.ast.Section;
import dev.inventory.query.ast.Segment;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a {@link Path} from a node (or, inside a context term, from an array element): the section,
 * the typed accessor for the first segment, then map keys and array indices.
 */
final class PathReader {
  /** Stands for "no array element": the path reads the node itself. */
  static final Object NO_ELEMENT = new Object();

  /** The synthetic time properties and the time each is computed from. */
  enum Synthetic {
    AGE, LAST_UPDATE, LAST_ACCESS;

    static Optional<Synthetic> of(Path p) {
      if (p.section() != Section.REPORTED || p.segments().size() != 1 || p.segments().get(0).index().isPresent()) {
        return Optional.empty();
      }
      return switch (p.segments().get(0).name()) {
        case "age" -> Optional.of(AGE);
        case "last_update" -> Optional.of(LAST_UPDATE);
        case "last_access" -> Optional.of(LAST_ACCESS);
        default -> Optional.empty();
      };
    }

    Optional<Instant> time(Resource r) {
      return switch (this) {
        case AGE -> r.ctime();
        case LAST_UPDATE -> r.mtime();
        case LAST_ACCESS -> r.atime();
      };
    }
  }

  /** Values read, nulls left out, and the declared type when the path is one declared property. */
  record Reading(List<Object> values, Optional<ValueType> declared) {}

  private static final Reading MISSING = new Reading(List.of(), Optional.empty());

  private final Path path;
  private final Optional<Synthetic> synthetic;
  private final Synthetic syntheticKind; // the same, or null
  private final Optional<PathReader> related; // ancestors/descendants: the path on the related node

  PathReader(Path path) {
    this.path = path;
    this.synthetic = Synthetic.of(path);
    this.syntheticKind = synthetic.orElse(null);
    if (path.section().takesKind()) {
      List<Segment> segs = path.segments();
      Optional<Section> section = Section.fromKeyword(segs.get(0).name())
          .filter(s -> !s.takesKind() && segs.get(0).index().isEmpty() && segs.size() > 1);
      this.related = section.map(s -> new PathReader(new Path(s, Optional.empty(), segs.subList(1, segs.size()))));
    } else {
      this.related = Optional.empty();
    }
  }

  Path path() {
    return path;
  }

  /** The synthetic property this path names when read from a node, if any. */
  Optional<Synthetic> synthetic() {
    return synthetic;
  }

  /** The time behind a synthetic property. */
  Optional<Instant> syntheticTime(Run run, int node) {
    return Optional.ofNullable(syntheticTimeOrNull(run, node));
  }

  /** {@link SnapshotCache#compareTime} for this path's synthetic time. */
  int compareSyntheticTime(Run run, int node, Instant target) {
    return run.cache.compareTime(syntheticKind, node, target);
  }

  /** The time behind a synthetic property, or null: without an {@code Optional} per node. */
  Instant syntheticTimeOrNull(Run run, int node) {
    return syntheticKind == null ? null : run.cache.time(syntheticKind, node);
  }

  /** Reads the path; {@code element} is {@link #NO_ELEMENT} outside context terms. */
  Reading read(Run run, int node, Object element) {
    if (element != NO_ELEMENT && path.section() == Section.REPORTED) {
      return new Reading(walk(List.of(element), path.segments(), 0), Optional.empty());
    }
    switch (path.section()) {
      case REPORTED -> {
        Segment first = path.segments().get(0);
        Object merged = run.merged.isEmpty() ? null : run.merged.get(node, first.name());
        if (merged != null) {
          // A merge block's value shadows a property of the same name, as Fix Inventory's merge does.
          List<Object> values = new ArrayList<>(1);
          index(merged, first, values);
          return new Reading(walk(run, values, path.segments(), 1), Optional.empty());
        }
        Resource r = run.node(node);
        // One lookup of the property serves both the read and the declared type (as KindRegistry.read).
        Optional<Property<?>> property = run.kinds.property(r.kind(), first.name());
        Object v = Scalars.normalize(property.isPresent()
            ? property.get().read(r)
            : r.additionalProperties().get(first.name()));
        if (v == null) {
          return MISSING;
        }
        Optional<ValueType> declared = path.segments().size() == 1 && first.index().isEmpty()
            ? property.map(p -> p.type())
            : Optional.empty();
        List<Object> values = new ArrayList<>(1);
        index(v, first, values);
        return new Reading(walk(run, values, path.segments(), 1), declared);
      }
      case DESIRED -> {
        return new Reading(walk(List.of(run.state(node).desired()), path.segments(), 0), Optional.empty());
      }
      case METADATA -> {
        return new Reading(walk(List.of(run.state(node).metadata()), path.segments(), 0), Optional.empty());
      }
      default -> {
        // A merge named ancestors.<kind> (as Fix Inventory's documentation does) answers first.
        Object merged = run.merged.isEmpty() ? null : run.merged.get(node, path.section().keyword());
        if (merged instanceof Map<?, ?> byKind && byKind.get(path.kind().orElseThrow()) != null) {
          return new Reading(walk(run, List.of(byKind.get(path.kind().orElseThrow())), path.segments(), 0),
              Optional.empty());
        }
        if (related.isEmpty()) {
          return MISSING;
        }
        int other = run.related(node, path.kind().orElseThrow(), path.section() == Section.ANCESTORS);
        return other < 0 ? MISSING : related.get().read(run, other, NO_ELEMENT);
      }
    }
  }

  /**
   * The values for output ({@code count}, {@code list}, sorting): synthetic times become the
   * duration from their time until now.
   */
  List<Object> values(Run run, int node) {
    if (synthetic.isPresent()) {
      return syntheticTime(run, node).map(t -> List.<Object>of(Duration.between(t, run.now))).orElse(List.of());
    }
    return read(run, node, NO_ELEMENT).values();
  }

  private static List<Object> walk(List<Object> start, List<Segment> segments, int from) {
    return walk(null, start, segments, from);
  }

  /** As {@link #walk(List, List, int)}; a merged node on the way reads the rest of the path itself. */
  private static List<Object> walk(Run run, List<Object> start, List<Segment> segments, int from) {
    List<Object> current = start;
    List<Object> fromNodes = null;
    for (int i = from; i < segments.size() && !current.isEmpty(); i++) {
      Segment seg = segments.get(i);
      List<Object> next = new ArrayList<>(current.size());
      for (Object v : current) {
        if (v instanceof Merged.NodeRef ref && run != null) {
          if (fromNodes == null) {
            fromNodes = new ArrayList<>();
          }
          fromNodes.addAll(ref.read(run, segments.subList(i, segments.size())));
        } else if (v instanceof Map<?, ?> m) {
          Object x = Scalars.normalize(m.get(seg.name()));
          if (x != null) {
            index(x, seg, next);
          }
        }
      }
      current = next;
    }
    if (fromNodes != null) {
      fromNodes.addAll(current);
      return fromNodes;
    }
    return current;
  }

  private static void index(Object v, Segment seg, List<Object> out) {
    if (seg.index().isEmpty()) {
      out.add(v);
      return;
    }
    if (!(v instanceof List<?> list)) {
      return;
    }
    Index idx = seg.index().get();
    if (idx instanceof Index.At at) {
      if (at.position() < list.size()) {
        Object x = Scalars.normalize(list.get(at.position()));
        if (x != null) {
          out.add(x);
        }
      }
    } else {
      for (Object e : list) {
        Object x = Scalars.normalize(e);
        if (x != null) {
          out.add(x);
        }
      }
    }
  }
}
