package io.hullcheck.rules.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretsTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "DB_PASSWORD, true",
    "dbPassword, true",
    "POSTGRES_PASSWORD, true",
    "DB_PASS, true",
    "GITHUB_TOKEN, true",
    "NPM_TOKEN, true",
    "API_KEY, true",
    "STRIPE_APIKEY, true",
    "x-api-key, true",
    "AWS_SECRET_ACCESS_KEY, true",
    "SSH_PRIVATE_KEY, true",
    "SECRET_KEY_BASE, true",
    "GOOGLE_APPLICATION_CREDENTIALS, true",
    "JWT_SIGNING_KEY, true",
    "PASSWORD_MIN_LENGTH, false",
    "TOKEN_URL, false",
    "OAUTH_TOKEN_ENDPOINT, false",
    "AWS_ACCESS_KEY_ID, false",
    "GPG_KEYS, false",
    "PYTHON_GPG_KEY, false",
    "NODE_VERSION, false",
    "PWD, false",
    "BYPASS_CACHE, false",
    "TOKENIZERS_PARALLELISM, false",
    "NEXT_PUBLIC_API_KEY, false",
    "STRIPE_PUBLISHABLE_KEY, false",
    "SECRET_NAME, false",
    "PASSWORD_SHA256, false",
  })
  void secretNames(String name, boolean secret) {
    assertEquals(secret, Secrets.isSecretName(name, Secrets.DEFAULT_NAME_PATTERNS));
  }

  /** Interpolation defaults that stand in for a secret, and ones that may be the secret. */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "changeme, true",
    "CHANGE_ME, true",
    "please-change-this, true",
    "replace-me, true",
    "example, true",
    "my-sample-key, true",
    "placeholder, true",
    "dummy, true",
    "your-token-here, true",
    "xxx, true",
    "'***', true",
    "<password>, true",
    "'', false",
    "hunter2secret, false",
    "postgres, false",
    "s3cr3t, false",
    "yourself123, false",
  })
  void placeholderWording(String value, boolean placeholder) {
    assertEquals(placeholder, Secrets.isPlaceholderWording(value));
  }

  @ParameterizedTest(name = "{1} in {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "AWS_ACCESS_KEY_ID=AKIAQWERTYUIOPASDFGH | AWS_ACCESS_KEY_ID",
        "ASIAZXCVBNMASDFGHJKL | AWS_ACCESS_KEY_ID",
        "token ghp_abcdefghijklmnopqrstuvwxyzABCDEF0123 | GITHUB_TOKEN",
        "gho_abcdefghijklmnopqrstuvwxyzABCDEF0123 | GITHUB_TOKEN",
        "github_pat_11ABCDEFG0123456789abc_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ012345"
            + "6 | GITHUB_TOKEN",
        "xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx | SLACK_TOKEN",
        "echo '-----BEGIN RSA PRIVATE KEY-----\\nMIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo' | PRIVATE_KEY",
        "-----BEGIN OPENSSH PRIVATE KEY-----\\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ | PRIVATE_KEY",
        "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"
            + " | JWT",
        "key=AIzaSyA1234567890abcdefghijklmnopqrstuv | GOOGLE_API_KEY",
        "sk_live_4eC39HqLyjWDarjtT1zdp7dc | STRIPE_KEY",
        "glpat-abcdefghij0123456789 | GITLAB_TOKEN",
        "npm_abcdefghijklmnopqrstuvwxyz0123456789 | NPM_TOKEN",
        "dckr_pat_abcdefghijklmnopqrstuvwxyz0 | DOCKER_HUB_TOKEN",
        "pip install --index-url https://deploy:s3cr3tpw@pypi.corp.io/simple app | URL_PASSWORD",
        "ARG token=sq0atp-812erere3wewew45678901 | SQUARE_TOKEN",
        "amzn.mws.643a5678-8f9f-1a2b-5c3b-e3ea43f3f4b4 | AMAZON_MWS_TOKEN",
        "f4f56af5a54a3eaeb3c3beb3cc2ccccc-us36 | MAILCHIMP_KEY",
        "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 | SENDGRID_KEY",
        "OPENAI_API_KEY=sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb7cDe0fGh3iJk6lMn9 | OPENAI_KEY",
        "DefaultEndpointsProtocol=https;AccountName=acme;AccountKey="
            + "Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYm=="
            + " | AZURE_STORAGE_KEY",
      })
  void credentialFormats(String text, Secrets.Kind kind) {
    List<Secrets.Match> found = Secrets.findCredentials(text.replace("\\n", "\n"));
    assertEquals(1, found.size(), () -> "found " + found);
    assertEquals(kind, found.get(0).kind());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "AKIAIOSFODNN7EXAMPLE",
        "grep -q -- '-----BEGIN PRIVATE KEY-----' key.pem",
        "GPG_KEYS=A035C8C19219BA821ECEA86B64E628F8D684696D",
        "https://user:${PASSWORD}@registry.corp.io/",
        "https://user:$PASS@registry.corp.io/",
        "https://user:***@registry.corp.io/",
        "git@github.com:org/repo.git",
        "sha256:0b9d2b2c5b5e1e8f3f0b6c3b4b8c2a1d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3",
        "sk_test_4eC39HqLyjWDarjtT1zdp7dc",
        "eyJhbGciOiJIUzI1NiJ9",
      })
  void notCredentials(String text) {
    assertTrue(Secrets.findCredentials(text).isEmpty(), () -> "found in " + text);
  }

  @ParameterizedTest
  @CsvSource({"'${DB_PASSWORD}', true", "$TOKEN, true", "plain, false", "'', false"})
  void references(String raw, boolean ref) {
    assertEquals(ref, Secrets.isReference(raw));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    ".env, dotenv file",
    "./app/.env, dotenv file",
    ".env.production, dotenv file",
    ".env.example, ",
    ".env.sample, ",
    ".env.template, ",
    "id_rsa, SSH private key",
    "/home/me/.ssh/id_ed25519, SSH private key",
    "id_rsa.pub, ",
    "server.key, private key file",
    "tls/*.key, private key file",
    "privkey.pem, private key file",
    "ca.pem, ",
    "server-cert.pem, ",
    "fullchain.pem, ",
    "nodesource.gpg.key, ",
    "public.key, ",
    ".npmrc, credentials file",
    ".pypirc, credentials file",
    ".netrc, credentials file",
    ".git-credentials, credentials file",
    ".aws/credentials, AWS credentials file",
    "gcp-credentials.json, cloud service-account key",
    "service-account.json, cloud service-account key",
    ".docker/config.json, Docker registry credentials file",
    "kubeconfig, credentials file",
    ".kube/config, kubeconfig",
    "keystore.p12, keystore",
    ".ssh/, credentials file",
    "package.json, ",
    "config.json, ",
    "environment.yml, ",
  })
  void secretFiles(String path, String kind) {
    assertEquals(kind, Secrets.secretFileKind(path));
  }
}
