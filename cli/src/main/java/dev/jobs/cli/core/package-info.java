/**
 * What every package shares and nothing else: the exit codes and the one exception that carries
 * one, the {@code Environment} a command sees of the machine, JSON reading and writing, the main
 * class by name, and deleting a tree of files. The bottom of the house: it imports no other package
 * of the CLI.
 */
package dev.jobs.cli.core;
