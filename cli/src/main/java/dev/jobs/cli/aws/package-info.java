/**
 * Talking to AWS, apart from building clients: AWS errors said as one line with an exit code, and
 * the wire log of {@code --debug}. May import {@code core} and {@code net}.
 */
package dev.jobs.cli.aws;
