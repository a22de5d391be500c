package io.sallyport.gateway.entra.graph;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * An SSLSocketFactory that trusts exactly the PEM certificates of {@code tenant.ca-file}, for
 * msal4j's and the Graph SDK's own HTTP clients (the Vert.x clients take the PEM as
 * {@code PemTrustOptions}).
 */
final class PemTrust {

  private PemTrust() {}

  static SSLSocketFactory socketFactory(String pem) throws GeneralSecurityException {
    return trust(pem).context().getSocketFactory();
  }

  /** The context and its one X.509 trust manager (OkHttp, under the Graph SDK, wants both). */
  record Trust(SSLContext context, javax.net.ssl.X509TrustManager manager) {}

  static Trust trust(String pem) throws GeneralSecurityException {
    try {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int i = 0;
      for (Certificate c : CertificateFactory.getInstance("X.509")
          .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
        store.setCertificateEntry("ca-" + i++, c);
      }
      if (i == 0) {
        throw new GeneralSecurityException("the CA file holds no certificate");
      }
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(store);
      SSLContext ssl = SSLContext.getInstance("TLS");
      ssl.init(null, tmf.getTrustManagers(), null);
      for (javax.net.ssl.TrustManager m : tmf.getTrustManagers()) {
        if (m instanceof javax.net.ssl.X509TrustManager x) {
          return new Trust(ssl, x);
        }
      }
      throw new GeneralSecurityException("no X.509 trust manager");
    } catch (java.io.IOException e) {
      throw new GeneralSecurityException("the CA file cannot be read as PEM certificates", e);
    }
  }
}
