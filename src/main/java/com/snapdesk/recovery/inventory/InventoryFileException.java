package com.snapdesk.recovery.inventory;

import java.nio.file.Path;

/** An inventory file that cannot be used; the message names the file and what is wrong where. */
public class InventoryFileException extends RuntimeException {
  private final Path file;

  public InventoryFileException(Path file, String problem, Throwable cause) {
    super("Inventory file " + file + ": " + problem, cause);
    this.file = file;
  }

  public Path file() {
    return file;
  }
}
