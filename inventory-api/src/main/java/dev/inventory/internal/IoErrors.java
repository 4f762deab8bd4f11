package dev.inventory.internal;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * Says what went wrong with a file in words a person reads, without the exception's class name or
 * the platform's raw text ({@code NoSuchFileException}, {@code Is a directory}). Not API: shared by
 * the readers and writers of this module.
 */
public final class IoErrors {
  private IoErrors() {}

  /**
   * What went wrong, for example {@code no such file or directory}, {@code it is a directory},
   * {@code permission denied}.
   *
   * @param e the failure
   * @return a short phrase in lower case
   */
  public static String describe(IOException e) {
    if (e instanceof NotWritableException n) {
      return "it " + n.getMessage();
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileAlreadyExistsException) {
      return "the file already exists";
    }
    if (e instanceof DirectoryNotEmptyException) {
      return "the directory is not empty";
    }
    if (e instanceof NotDirectoryException) {
      return "a part of the path is not a directory";
    }
    String reason = e instanceof FileSystemException f ? f.getReason() : e.getMessage();
    if (reason == null || reason.isBlank()) {
      return "an input/output error";
    }
    String lower = reason.toLowerCase(Locale.ROOT);
    if (lower.contains("is a directory")) {
      return "it is a directory";
    }
    if (lower.contains("not a directory")) {
      return "a part of the path is not a directory";
    }
    if (lower.contains("no space left")) {
      return "no space left on the device";
    }
    if (lower.contains("read-only file system")) {
      return "the file system is read-only";
    }
    if (lower.contains("permission denied")) {
      return "permission denied";
    }
    return lower.strip();
  }
}
