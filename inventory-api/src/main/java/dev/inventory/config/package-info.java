/**
 * Reading YAML or JSON configuration files with the line and column of every key and value, so
 * that an unknown section or key, or a value of the wrong type, is a {@link
 * dev.inventory.cleanup.ConfigException} naming the file, the position and the closest known name.
 * {@link dev.inventory.config.ConfigFile} is the entry point.
 */
package dev.inventory.config;
