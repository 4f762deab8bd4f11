package dev.inventory.examples.e2e;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh directory per test, and the jar run as the current user with its home there. */
abstract class ShellJarTest {
  Path dir;
  ShellJar shell;

  @BeforeEach
  void setUpDirectory() {
    dir = ShellJar.newDirectory();
    shell = ShellJar.asCurrentUser(dir);
  }

  @AfterEach
  void deleteDirectory() {
    ShellJar.deleteTree(dir);
  }
}
