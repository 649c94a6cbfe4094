package io.hullcheck.github;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * Reads the App's RSA private key from PEM text. GitHub hands out PKCS#1 ({@code BEGIN RSA PRIVATE
 * KEY}); the JDK only reads PKCS#8 ({@code BEGIN PRIVATE KEY}), so a PKCS#1 key is wrapped into a
 * PKCS#8 PrivateKeyInfo here. Error messages never contain key material.
 */
public final class PrivateKeys {
  private static final String PKCS1 = "RSA PRIVATE KEY";
  private static final String PKCS8 = "PRIVATE KEY";

  /** DER of AlgorithmIdentifier { rsaEncryption (1.2.840.113549.1.1.1), NULL }. */
  private static final byte[] RSA_ALGORITHM_ID = {
    0x30,
    0x0d,
    0x06,
    0x09,
    0x2a,
    (byte) 0x86,
    0x48,
    (byte) 0x86,
    (byte) 0xf7,
    0x0d,
    0x01,
    0x01,
    0x01,
    0x05,
    0x00
  };

  private PrivateKeys() {}

  /** A private key that cannot be read; the message names the problem, never the content. */
  public static final class InvalidKeyException extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidKeyException(String message) {
      super(message);
    }
  }

  /** Parses a PEM-encoded RSA private key in PKCS#1 or PKCS#8 form. */
  public static RSAPrivateCrtKey parsePem(String pem) throws InvalidKeyException {
    String type = pemType(pem);
    if (type == null) {
      throw new InvalidKeyException(
          "not a PEM private key (expected BEGIN RSA PRIVATE KEY or BEGIN PRIVATE KEY)");
    }
    byte[] der;
    try {
      der = Base64.getMimeDecoder().decode(pemBody(pem, type));
    } catch (IllegalArgumentException e) {
      throw new InvalidKeyException("the PEM body is not valid base64");
    }
    byte[] pkcs8 = type.equals(PKCS1) ? wrapPkcs1(der) : der;
    try {
      var key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
      if (!(key instanceof RSAPrivateCrtKey)) {
        throw new InvalidKeyException("the key is not an RSA private key with CRT parameters");
      }
      return (RSAPrivateCrtKey) key;
    } catch (GeneralSecurityException e) {
      throw new InvalidKeyException("the key could not be decoded as an RSA private key");
    }
  }

  /** Wraps PKCS#1 RSAPrivateKey DER into a PKCS#8 PrivateKeyInfo (version 0, rsaEncryption). */
  static byte[] wrapPkcs1(byte[] pkcs1) {
    var content = new ByteArrayOutputStream();
    content.writeBytes(new byte[] {0x02, 0x01, 0x00});
    content.writeBytes(RSA_ALGORITHM_ID);
    content.writeBytes(tlv(0x04, pkcs1));
    return tlv(0x30, content.toByteArray());
  }

  private static byte[] tlv(int tag, byte[] value) {
    var out = new ByteArrayOutputStream();
    out.write(tag);
    int length = value.length;
    if (length < 0x80) {
      out.write(length);
    } else {
      int bytes = (Integer.SIZE - Integer.numberOfLeadingZeros(length) + 7) / 8;
      out.write(0x80 | bytes);
      for (int shift = (bytes - 1) * 8; shift >= 0; shift -= 8) {
        out.write((length >>> shift) & 0xff);
      }
    }
    out.writeBytes(value);
    return out.toByteArray();
  }

  private static String pemType(String pem) {
    if (pem.contains("-----BEGIN " + PKCS1 + "-----")) {
      return PKCS1;
    }
    if (pem.contains("-----BEGIN " + PKCS8 + "-----")) {
      return PKCS8;
    }
    return null;
  }

  private static String pemBody(String pem, String type) throws InvalidKeyException {
    String begin = "-----BEGIN " + type + "-----";
    String end = "-----END " + type + "-----";
    int start = pem.indexOf(begin);
    int stop = pem.indexOf(end, start);
    if (stop < 0) {
      throw new InvalidKeyException("the PEM block has no END " + type + " line");
    }
    return pem.substring(start + begin.length(), stop).replaceAll("\\s", "");
  }
}
