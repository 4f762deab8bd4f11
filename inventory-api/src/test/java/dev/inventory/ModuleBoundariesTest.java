package dev.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No module of the reactor uses another module's {@code internal} packages: those are free to change
 * between releases, so only the module that declares them may depend on them. Scans every module's
 * main and test sources (imports, static imports and qualified names alike).
 */
class ModuleBoundariesTest {

  @Test
  void noModuleUsesAnotherModulesInternalPackages() {
    Path root = reactorRoot();
    assertThat(violations(root))
        .as("uses of another module's internal packages (move what is shared into that module's API)")
        .isEmpty();
  }

  @Test
  void theScanSeesEveryPublishedModule() {
    Map<String, String> owners = internalPackageOwners(reactorRoot());
    assertThat(owners)
        .containsEntry("dev.inventory.query.internal", "inventory-query")
        .containsEntry("dev.inventory.aws.internal", "inventory-aws")
        .containsEntry("dev.inventory.cleanup.internal", "inventory-api");
  }

  @Test
  void anOffendingImportIsReportedWithFileAndLine(@TempDir Path root) throws IOException {
    write(root.resolve("alpha/pom.xml"), "<project/>");
    write(root.resolve("alpha/src/main/java/dev/inventory/alpha/internal/Secret.java"),
        "package dev.inventory.alpha.internal;\npublic class Secret {}\n");
    write(root.resolve("alpha/src/main/java/dev/inventory/alpha/Open.java"),
        "package dev.inventory.alpha;\nimport dev.inventory.alpha.internal.Secret;\npublic class Open {}\n");
    write(root.resolve("beta/pom.xml"), "<project/>");
    write(root.resolve("beta/src/test/java/dev/inventory/beta/UsesIt.java"),
        "package dev.inventory.beta;\n\nimport dev.inventory.alpha.Open;\n"
            + "import static dev.inventory.alpha.internal.Secret.hashCode;\n"
            + "class UsesIt { Object o = new dev.inventory.alpha.internal.Secret(); }\n");

    assertThat(violations(root))
        .containsExactly(
            "beta/src/test/java/dev/inventory/beta/UsesIt.java:4: uses dev.inventory.alpha.internal"
                + " (internal to alpha)",
            "beta/src/test/java/dev/inventory/beta/UsesIt.java:5: uses dev.inventory.alpha.internal"
                + " (internal to alpha)");
  }

  private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;");
  private static final Pattern INTERNAL_REFERENCE =
      Pattern.compile("\\b(dev\\.inventory(?:\\.[a-z]\\w*)*?\\.internal(?:\\.[a-z]\\w*)*)\\.[\\w*]");

  /** One line per offending use: file (relative to the root), line, package and its module. */
  static List<String> violations(Path root) {
    Map<String, String> owners = internalPackageOwners(root);
    List<String> found = new ArrayList<>();
    for (Path module : modules(root)) {
      String name = module.getFileName().toString();
      for (Path file : javaFiles(module)) {
        List<String> lines = read(file);
        for (int i = 0; i < lines.size(); i++) {
          Matcher m = INTERNAL_REFERENCE.matcher(lines.get(i));
          while (m.find()) {
            String pkg = m.group(1);
            String owner = owners.get(pkg);
            if (owner != null && !owner.equals(name)) {
              found.add(root.relativize(file).toString().replace('\\', '/') + ":" + (i + 1)
                  + ": uses " + pkg + " (internal to " + owner + ")");
            }
          }
        }
      }
    }
    return found;
  }

  /** Each internal package declared in a module's main sources, and that module's directory name. */
  static Map<String, String> internalPackageOwners(Path root) {
    Map<String, String> owners = new TreeMap<>();
    for (Path module : modules(root)) {
      Path main = module.resolve("src/main/java");
      if (!Files.isDirectory(main)) {
        continue;
      }
      for (Path file : javaFiles(main)) {
        for (String line : read(file)) {
          Matcher m = PACKAGE.matcher(line);
          if (m.find()) {
            String pkg = m.group(1);
            if (pkg.matches(".*\\.internal(\\..*)?")) {
              owners.put(pkg, module.getFileName().toString());
            }
            break;
          }
        }
      }
    }
    return owners;
  }

  /** The reactor's root: the first directory above this module's that has modules with poms. */
  private static Path reactorRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("inventory-api"))) {
      dir = dir.getParent();
    }
    assertThat(dir).as("the reactor root above " + Path.of("").toAbsolutePath()).isNotNull();
    return dir;
  }

  private static List<Path> modules(Path root) {
    try (Stream<Path> children = Files.list(root)) {
      return children.filter(d -> Files.isRegularFile(d.resolve("pom.xml"))).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> javaFiles(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files
          .filter(f -> f.toString().endsWith(".java"))
          .filter(f -> !dir.relativize(f).toString().replace('\\', '/').contains("target/"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> read(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }
}
