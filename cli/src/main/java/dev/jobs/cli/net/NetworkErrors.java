package dev.jobs.cli.net;

import java.net.SocketTimeoutException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLException;

/** Why a request got no answer, in words that say what to change. */
public final class NetworkErrors {
  private NetworkErrors() {}

  /** The reason, or null when the failure is none of the kinds told apart here. */
  public static String reason(Throwable failure) {
    for (Throwable e = failure; e != null; e = e.getCause() == e ? null : e.getCause()) {
      if (e instanceof SocketTimeoutException) {
        return "timed out ("
            + e.getMessage()
            + "); allow longer with --connect-timeout or --read-timeout";
      }
      if (e instanceof CertPathBuilderException || e instanceof CertificateException) {
        return "its TLS certificate is not trusted ("
            + firstLine(e.getMessage())
            + "); trust its CA with AWS_CA_BUNDLE or the profile's ca_bundle";
      }
    }
    for (Throwable e = failure; e != null; e = e.getCause() == e ? null : e.getCause()) {
      if (e instanceof SSLException) {
        return "TLS failed: " + firstLine(e.getMessage());
      }
    }
    return null;
  }

  private static String firstLine(String message) {
    return firstLine(message, "no detail");
  }

  /** A message's first line (the rest is a stack or a body), or {@code ifNone} without one. */
  public static String firstLine(String message, String ifNone) {
    if (message == null) {
      return ifNone;
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
