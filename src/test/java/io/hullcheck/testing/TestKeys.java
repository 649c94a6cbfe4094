package io.hullcheck.testing;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/** A throw-away RSA key pair for tests, as PEM in both forms GitHub users meet. */
public final class TestKeys {
  private static final KeyPair PAIR = generate();

  private TestKeys() {}

  public static KeyPair pair() {
    return PAIR;
  }

  /** {@code BEGIN PRIVATE KEY} (PKCS#8), what the JDK encodes. */
  public static String pkcs8Pem() {
    return pem("PRIVATE KEY", PAIR.getPrivate().getEncoded());
  }

  /** {@code BEGIN RSA PRIVATE KEY} (PKCS#1), what GitHub hands out. */
  public static String pkcs1Pem() {
    return pem("RSA PRIVATE KEY", pkcs1(PAIR.getPrivate().getEncoded()));
  }

  /** The RSAPrivateKey inside a PrivateKeyInfo: the content of its final OCTET STRING. */
  static byte[] pkcs1(byte[] pkcs8) {
    int i = skipHeader(pkcs8, 0); // into the outer SEQUENCE
    i = skipElement(pkcs8, i); // version
    i = skipElement(pkcs8, i); // AlgorithmIdentifier
    int content = skipHeader(pkcs8, i); // OCTET STRING
    return Arrays.copyOfRange(pkcs8, content, skipElement(pkcs8, i));
  }

  private static int skipHeader(byte[] der, int at) {
    int length = der[at + 1] & 0xff;
    return at + 2 + (length < 0x80 ? 0 : length & 0x7f);
  }

  private static int skipElement(byte[] der, int at) {
    int first = der[at + 1] & 0xff;
    int length = first;
    if (first >= 0x80) {
      length = 0;
      for (int k = 0; k < (first & 0x7f); k++) {
        length = (length << 8) | (der[at + 2 + k] & 0xff);
      }
    }
    return skipHeader(der, at) + length;
  }

  private static String pem(String type, byte[] der) {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
            .encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }

  private static KeyPair generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
