/**
 * The subcommands, one package per noun and one thin class per subcommand: read the options, call
 * an engine, print. A command package may import {@code core}, {@code options}, {@code output},
 * {@code session}, {@code target}, {@code api}, {@code aws}, {@code completion} and the engines
 * ({@code deploy}, {@code replay}, {@code local}, {@code monitor}); never another command package,
 * and never {@code app}.
 */
package dev.jobs.cli.command;
