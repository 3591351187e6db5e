package dev.jobs.cli.net;

import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.JobsException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The CAs an HTTPS call trusts when a bundle is given ({@code AWS_CA_BUNDLE}, a profile's {@code
 * ca_bundle}): the JRE's own and every certificate in the bundle's PEM file, as the AWS CLI trusts
 * them. Without a bundle nothing here runs, and the clients load the JRE's trust store only when a
 * call first needs TLS.
 */
public final class TrustedCas {
  private final TrustManager[] trustManagers;
  private final SSLContext context;

  private TrustedCas(TrustManager[] trustManagers, SSLContext context) {
    this.trustManagers = trustManagers;
    this.context = context;
  }

  /**
   * The JRE's CAs and the bundle's.
   *
   * @param source where the bundle was named ("AWS_CA_BUNDLE", "profile 'corp'"), for errors
   */
  public static TrustedCas withBundle(Path bundle, String source) {
    Collection<? extends Certificate> certificates = read(bundle, source);
    try {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int n = 0;
      for (X509Certificate jre : jreTrustManager().getAcceptedIssuers()) {
        store.setCertificateEntry("jre-" + n++, jre);
      }
      for (Certificate certificate : certificates) {
        store.setCertificateEntry("bundle-" + n++, certificate);
      }
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      TrustManager[] managers = factory.getTrustManagers();
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, managers, null);
      return new TrustedCas(managers, context);
    } catch (GeneralSecurityException | IOException e) {
      throw new JobsException(
          ExitCode.ERROR, "cannot trust the CA bundle " + bundle + " from " + source + ": " + e, e);
    }
  }

  public TrustManager[] trustManagers() {
    return trustManagers.clone();
  }

  public SSLContext context() {
    return context;
  }

  private static Collection<? extends Certificate> read(Path bundle, String source) {
    try (InputStream in = Files.newInputStream(bundle)) {
      Collection<? extends Certificate> certificates =
          CertificateFactory.getInstance("X.509").generateCertificates(in);
      if (certificates.isEmpty()) {
        throw new JobsException(
            ExitCode.USAGE,
            "the CA bundle " + bundle + " from " + source + " holds no certificate");
      }
      return certificates;
    } catch (IOException e) {
      throw new JobsException(
          ExitCode.USAGE,
          "cannot read the CA bundle " + bundle + " from " + source + " (" + e.getMessage() + ")",
          e);
    } catch (java.security.cert.CertificateException e) {
      throw new JobsException(
          ExitCode.USAGE,
          "the CA bundle "
              + bundle
              + " from "
              + source
              + " is not a PEM file of certificates ("
              + e.getMessage()
              + ")",
          e);
    }
  }

  private static X509TrustManager jreTrustManager() throws GeneralSecurityException {
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init((KeyStore) null);
    for (TrustManager manager : factory.getTrustManagers()) {
      if (manager instanceof X509TrustManager x509) {
        return x509;
      }
    }
    throw new GeneralSecurityException("the JRE has no X.509 trust manager");
  }
}
