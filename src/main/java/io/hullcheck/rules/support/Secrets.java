package io.hullcheck.rules.support;

import io.hullcheck.compose.WrittenText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shared knowledge about secrets, for the Dockerfile and the compose rules: which variable names
 * say "secret", which values are references or placeholders rather than secrets, and which literal
 * strings have the format of a real credential. Pure functions; thread-safe.
 */
public final class Secrets {

  /**
   * Name patterns that mark a secret, as word sequences ({@code API_KEY} matches the words {@code
   * API KEY} anywhere in a name; {@code APIKEY} matches the single word). Deliberately no bare
   * {@code KEY} (it would match {@code GPG_KEYS}, {@code KEY_ID}, {@code PUBLIC_KEY}), no {@code
   * AUTH} ({@code AUTH_URL}, {@code OAUTH_ENABLED}) and no {@code PWD} (the shell's working
   * directory).
   */
  public static final List<String> DEFAULT_NAME_PATTERNS =
      List.of(
          "PASSWORD",
          "PASSWD",
          "PASS",
          "PASSPHRASE",
          "SECRET",
          "TOKEN",
          "API_KEY",
          "APIKEY",
          "PRIVATE_KEY",
          "ACCESS_KEY",
          "SECRET_KEY",
          "SIGNING_KEY",
          "ENCRYPTION_KEY",
          "MASTER_KEY",
          "CREDENTIAL",
          "CREDENTIALS");

  /**
   * Words that, right after the secret word, turn the name into a setting about the secret rather
   * than the secret itself: {@code PASSWORD_MIN_LENGTH}, {@code TOKEN_URL}, {@code SECRET_NAME},
   * {@code API_KEY_HEADER}, {@code PASSWORD_SHA256}.
   */
  private static final Set<String> METADATA_WORDS =
      Set.of(
          "URL",
          "URI",
          "ENDPOINT",
          "HOST",
          "PORT",
          "PATH",
          "DIR",
          "FILE",
          "LENGTH",
          "LEN",
          "MIN",
          "MAX",
          "TTL",
          "EXPIRY",
          "EXPIRES",
          "EXPIRATION",
          "LIFETIME",
          "TIMEOUT",
          "ENABLED",
          "DISABLED",
          "ENABLE",
          "DISABLE",
          "REQUIRED",
          "SIZE",
          "COUNT",
          "TYPE",
          "ALGORITHM",
          "ALG",
          "NAME",
          "FIELD",
          "HEADER",
          "PARAM",
          "VERSION",
          "SHA",
          "SHA1",
          "SHA256",
          "SHA512",
          "MD5",
          "CHECKSUM",
          "HASH",
          "FINGERPRINT",
          "PREFIX",
          "SUFFIX",
          "FORMAT",
          "POLICY",
          "ROTATION",
          "PROVIDER",
          "STORE",
          "BACKEND",
          "ID",
          "USER",
          "USERNAME",
          "REGEX",
          "PATTERN",
          "LOCATION");

  /** Values that are switches, never a secret: {@code ALLOW_EMPTY_PASSWORD=yes}. */
  private static final Set<String> SWITCH_VALUES =
      Set.of("true", "false", "yes", "no", "on", "off", "0", "1", "none", "null");

  private static final Pattern REFERENCE = Pattern.compile("\\$(\\{[^}]*}|[A-Za-z_][A-Za-z0-9_]*)");

  private Secrets() {}

  /** The kind of credential a literal looks like, for messages. */
  public enum Kind {
    AWS_ACCESS_KEY_ID("AWS access key id"),
    GITHUB_TOKEN("GitHub token"),
    GITLAB_TOKEN("GitLab token"),
    SLACK_TOKEN("Slack token"),
    SLACK_WEBHOOK("Slack webhook URL"),
    PRIVATE_KEY("private key block"),
    JWT("JSON Web Token"),
    GOOGLE_API_KEY("Google API key"),
    STRIPE_KEY("Stripe live secret key"),
    NPM_TOKEN("npm access token"),
    PYPI_TOKEN("PyPI API token"),
    DOCKER_HUB_TOKEN("Docker Hub access token"),
    SENDGRID_KEY("SendGrid API key"),
    SQUARE_TOKEN("Square access token"),
    AMAZON_MWS_TOKEN("Amazon MWS auth token"),
    MAILCHIMP_KEY("Mailchimp API key"),
    OPENAI_KEY("OpenAI API key"),
    ANTHROPIC_KEY("Anthropic API key"),
    AZURE_STORAGE_KEY("Azure storage account key"),
    URL_PASSWORD("password in a URL");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /**
   * One credential-shaped literal inside a text.
   *
   * @param start offset in the scanned text (inclusive)
   * @param end offset in the scanned text (exclusive)
   */
  public record Match(Kind kind, int start, int end) {}

  /**
   * A credential format. {@code needles} are literal strings one of which every match contains; the
   * regex runs only on text that has one (see {@link #candidates}), which keeps the scan of long
   * RUN bodies cheap.
   */
  /**
   * A credential format.
   *
   * @param needles literal text every match contains, found in one pass before any pattern runs
   * @param plausible a cheap test a text that holds a needle must also pass before the pattern is
   *     searched for in it; a text that fails it holds no match
   */
  private record Format(
      Kind kind, Pattern pattern, List<String> needles, Predicate<String> plausible) {
    Format(Kind kind, Pattern pattern, String... needles) {
      this(kind, pattern, List.of(needles), text -> true);
    }
  }

  /** A needle of the format at {@code format} in {@link #FORMATS}; needles are 3 chars or more. */
  private record Needle(String text, int format) {}

  // Each pattern is anchored on a boundary so it does not fire inside a longer identifier.
  private static final List<Format> FORMATS =
      List.of(
          new Format(
              Kind.AWS_ACCESS_KEY_ID,
              Pattern.compile("(?<![A-Z0-9])(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}(?![A-Z0-9])"),
              "AKIA",
              "ASIA",
              "ABIA",
              "ACCA"),
          new Format(
              Kind.GITHUB_TOKEN,
              Pattern.compile(
                  "(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36,255}"
                      + "|github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})(?![A-Za-z0-9_])"),
              "ghp_",
              "gho_",
              "ghu_",
              "ghs_",
              "ghr_",
              "github_pat_"),
          new Format(
              Kind.GITLAB_TOKEN,
              Pattern.compile("(?<![A-Za-z0-9_-])glpat-[A-Za-z0-9_-]{20}(?![A-Za-z0-9_-])"),
              "glpat-"),
          new Format(
              Kind.SLACK_TOKEN,
              Pattern.compile("(?<![A-Za-z0-9])xox[abposr]-[0-9]{6,}-[0-9A-Za-z-]{8,}"),
              "xox"),
          new Format(
              Kind.SLACK_WEBHOOK,
              Pattern.compile(
                  "https://hooks\\.slack\\.com/services/T[A-Z0-9]{6,}/B[A-Z0-9]{6,}/[A-Za-z0-9]{20,}"),
              "hooks.slack.com"),
          // A header alone is a marker string (grep patterns use it); a key has a body after it.
          new Format(
              Kind.PRIVATE_KEY,
              Pattern.compile(
                  "-----BEGIN (?:[A-Z0-9]+ ){0,2}PRIVATE KEY(?: BLOCK)?-----"
                      + "(?:\\s|\\\\n|\\\\r|\"|')*(?:[A-Za-z0-9-]+: [^\\n]*(?:\\s|\\\\n)+)*"
                      + "[A-Za-z0-9+/=]{20,}"),
              "PRIVATE KEY"),
          new Format(
              Kind.JWT,
              Pattern.compile(
                  "(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}\\."
                      + "[A-Za-z0-9_-]*"),
              "eyJ"),
          new Format(
              Kind.GOOGLE_API_KEY,
              Pattern.compile("(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}(?![A-Za-z0-9_-])"),
              "AIza"),
          new Format(
              Kind.STRIPE_KEY,
              Pattern.compile("(?<![A-Za-z0-9_])[sr]k_live_[0-9A-Za-z]{24,99}(?![A-Za-z0-9])"),
              "k_live_"),
          new Format(
              Kind.NPM_TOKEN,
              Pattern.compile("(?<![A-Za-z0-9_])npm_[A-Za-z0-9]{36}(?![A-Za-z0-9])"),
              "npm_"),
          new Format(
              Kind.PYPI_TOKEN,
              Pattern.compile("(?<![A-Za-z0-9_-])pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}"),
              "pypi-"),
          new Format(
              Kind.DOCKER_HUB_TOKEN,
              Pattern.compile("(?<![A-Za-z0-9_-])dckr_pat_[A-Za-z0-9_-]{27}(?![A-Za-z0-9_-])"),
              "dckr_pat_"),
          new Format(
              Kind.SENDGRID_KEY,
              Pattern.compile(
                  "(?<![A-Za-z0-9_-])SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])"),
              "SG."),
          new Format(
              Kind.SQUARE_TOKEN,
              Pattern.compile(
                  "(?<![A-Za-z0-9_-])sq0(?:atp-[0-9A-Za-z_-]{22}|csp-[0-9A-Za-z_-]{43})"
                      + "(?![A-Za-z0-9_-])"),
              "sq0"),
          new Format(
              Kind.AMAZON_MWS_TOKEN,
              Pattern.compile(
                  "amzn\\.mws\\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"),
              "amzn.mws."),
          new Format(
              Kind.MAILCHIMP_KEY,
              Pattern.compile("(?<![A-Za-z0-9])[0-9a-f]{32}-us[0-9]{1,2}(?![A-Za-z0-9])"),
              "-us"),
          new Format(
              Kind.OPENAI_KEY,
              Pattern.compile(
                  "(?<![A-Za-z0-9_-])sk-(?:(?:proj|svcacct|admin)-[A-Za-z0-9_-]{40,}"
                      + "|[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20})"),
              "sk-"),
          new Format(
              Kind.ANTHROPIC_KEY,
              Pattern.compile("(?<![A-Za-z0-9_-])sk-ant-(?:api|admin)[0-9]{2}-[A-Za-z0-9_-]{80,}"),
              "sk-ant-"),
          new Format(
              Kind.AZURE_STORAGE_KEY,
              Pattern.compile("AccountKey=[A-Za-z0-9+/]{86}=="),
              "AccountKey="),
          // scheme://user:password@host with a literal password, the user possibly empty as in
          // redis://:password@host; references and masks are not secrets and are filtered in
          // isPlaceholderPassword.
          new Format(
              Kind.URL_PASSWORD,
              Pattern.compile(
                  "(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]{1,20}://"
                      + "[^\\s/:@'\"$]*:(?<pw>[^\\s/@'\"]+)@[A-Za-z0-9.\\[\\]-]"),
              List.of("://"),
              // URLs are common in RUN lines and this pattern is the costliest to search for; one
              // with no @ after its scheme holds no user:password.
              text -> text.indexOf('@', text.indexOf("://") + 3) >= 0));

  /** Per ASCII character, the needles that start with it; null when none does. */
  private static final Needle[][] NEEDLES_BY_FIRST_CHAR = needlesByFirstChar();

  /**
   * The first three chars of every needle, hashed into a bit table: most positions of a text start
   * no needle, and one lookup says so. Two chars were not enough ({@code py} of {@code pypi-} and
   * {@code gi} of {@code github_pat_} start half the words of a Dockerfile). A hash collision only
   * lets a position through to the exact comparison.
   */
  private static final long[] TRIGRAMS = trigrams();

  private static final int TRIGRAM_BITS = 1 << 16;

  private static long[] trigrams() {
    long[] bits = new long[TRIGRAM_BITS / Long.SIZE];
    for (Format f : FORMATS) {
      for (String n : f.needles()) {
        if (n.length() < 3) {
          throw new IllegalStateException("needles are 3 chars or more: " + n);
        }
        int h = trigram(n.charAt(0), n.charAt(1), n.charAt(2));
        bits[h >>> 6] |= 1L << h;
      }
    }
    return bits;
  }

  private static int trigram(char a, char b, char c) {
    return (a * 961 + b * 31 + c) & (TRIGRAM_BITS - 1);
  }

  /** Whether a needle may start at {@code i} (which has two more chars after it). */
  private static boolean mayStartNeedle(String text, int i) {
    int h = trigram(text.charAt(i), text.charAt(i + 1), text.charAt(i + 2));
    return (TRIGRAMS[h >>> 6] & 1L << h) != 0;
  }

  private static Needle[][] needlesByFirstChar() {
    if (FORMATS.size() > Long.SIZE) {
      throw new IllegalStateException("candidates() keeps one bit per format");
    }
    List<List<Needle>> byChar = new ArrayList<>();
    for (int c = 0; c < 128; c++) {
      byChar.add(new ArrayList<>());
    }
    for (int i = 0; i < FORMATS.size(); i++) {
      for (String n : FORMATS.get(i).needles()) {
        if (n.length() < 3 || n.charAt(0) >= 128) {
          throw new IllegalStateException("needles are 3 chars or more, first ASCII: " + n);
        }
        byChar.get(n.charAt(0)).add(new Needle(n, i));
      }
    }
    Needle[][] out = new Needle[128][];
    for (int c = 0; c < 128; c++) {
      out[c] = byChar.get(c).isEmpty() ? null : byChar.get(c).toArray(Needle[]::new);
    }
    return out;
  }

  /**
   * The formats whose needles occur in {@code text}, as bits by index in {@link #FORMATS}: one pass
   * over the text, rather than one search per needle (findCredentials runs on every word of a
   * Dockerfile, and most hold no needle at all).
   */
  private static long candidates(String text) {
    long found = 0;
    // The last two chars start no needle (each has 3 chars or more).
    for (int i = 0, n = text.length() - 2; i < n; i++) {
      if (!mayStartNeedle(text, i)) {
        continue;
      }
      char c = text.charAt(i);
      char next = text.charAt(i + 1);
      Needle[] starting = c < 128 ? NEEDLES_BY_FIRST_CHAR[c] : null;
      if (starting == null) {
        continue;
      }
      for (Needle needle : starting) {
        long bit = 1L << needle.format();
        if ((found & bit) == 0
            && needle.text().charAt(1) == next
            && text.startsWith(needle.text(), i)) {
          found |= bit;
        }
      }
    }
    return found;
  }

  /**
   * Where in {@code text} a needle of some credential format starts, ascending. A credential found
   * by {@link #findCredentials} in a slice of the text contains a needle, so a slice that holds
   * none of these offsets holds no credential: a rule that scans many slices of one file finds them
   * once and skips the slices without one.
   */
  public static int[] needleOffsets(String text) {
    int[] found = new int[8];
    int count = 0;
    for (int i = 0, n = text.length() - 2; i < n; i++) {
      if (!mayStartNeedle(text, i)) {
        continue;
      }
      char c = text.charAt(i);
      char next = text.charAt(i + 1);
      Needle[] starting = c < 128 ? NEEDLES_BY_FIRST_CHAR[c] : null;
      if (starting == null) {
        continue;
      }
      for (Needle needle : starting) {
        if (needle.text().charAt(1) == next && text.startsWith(needle.text(), i)) {
          if (count == found.length) {
            found = Arrays.copyOf(found, count * 2);
          }
          found[count++] = i;
          break;
        }
      }
    }
    return Arrays.copyOf(found, count);
  }

  /** Whether one of {@code offsets} (ascending, from {@link #needleOffsets}) is in [from, to). */
  public static boolean anyIn(int[] offsets, int from, int to) {
    int i = Arrays.binarySearch(offsets, from);
    int next = i >= 0 ? i : -i - 1;
    return next < offsets.length && offsets[next] < to;
  }

  /**
   * Every credential-shaped literal in {@code text}, in order, not overlapping. Documentation
   * examples (AWS's {@code AKIAIOSFODNN7EXAMPLE}, anything containing {@code EXAMPLE}) and URL
   * passwords that are references or masks ({@code $PASS}, {@code ***}, {@code <password>}) are
   * left out.
   */
  public static List<Match> findCredentials(String text) {
    if (text == null || text.isEmpty()) {
      return new ArrayList<>();
    }
    long candidates = candidates(text);
    if (candidates == 0) {
      return new ArrayList<>();
    }
    List<Match> found = new ArrayList<>();
    for (int i = 0; i < FORMATS.size(); i++) {
      if ((candidates & (1L << i)) == 0) {
        continue;
      }
      Format f = FORMATS.get(i);
      if (!f.plausible().test(text)) {
        continue;
      }
      Matcher m = f.pattern().matcher(text);
      while (m.find()) {
        String hit = m.group();
        if (hit.toUpperCase(Locale.ROOT).contains("EXAMPLE")) {
          continue;
        }
        if (f.kind() == Kind.URL_PASSWORD && isPlaceholderPassword(m.group("pw"))) {
          continue;
        }
        found.add(new Match(f.kind(), m.start(), m.end()));
      }
    }
    found.sort((a, b) -> Integer.compare(a.start(), b.start()));
    List<Match> disjoint = new ArrayList<>();
    int lastEnd = -1;
    for (Match m : found) {
      if (m.start() >= lastEnd) {
        disjoint.add(m);
        lastEnd = m.end();
      }
    }
    return disjoint;
  }

  private static boolean isPlaceholderPassword(String pw) {
    return pw.contains("$")
        || pw.chars().allMatch(c -> c == '*' || c == 'x' || c == 'X')
        || (pw.startsWith("<") && pw.endsWith(">"))
        || (pw.startsWith("{") && pw.endsWith("}"))
        || (pw.startsWith("%") && pw.endsWith("%"));
  }

  private static final Set<String> ENV_TEMPLATE_SUFFIXES =
      Set.of("example", "sample", "template", "tmpl", "tpl", "dist", "defaults", "default", "test");
  private static final Set<String> SECRET_BASENAMES =
      Set.of(
          ".env",
          ".npmrc",
          ".pypirc",
          ".netrc",
          "_netrc",
          ".git-credentials",
          ".pgpass",
          ".dockercfg",
          "kubeconfig",
          ".ssh",
          ".aws",
          ".gnupg",
          ".vault-token");
  private static final Pattern KEY_PAIR = Pattern.compile("id_(rsa|dsa|ecdsa|ed25519)(_sk)?.*");
  private static final Pattern CERT_WORDS =
      Pattern.compile(
          "(^|.*[-_.])(ca|cacert|cert|certs|certificate|crt|chain|fullchain|bundle|pub|public|root"
              + "|gpg|pgp|asc|signing-pub)([-_.].*|$)");

  /**
   * What kind of secret file a copied path names, judged by its last components, or null when it
   * looks harmless. Knows dotenv files ({@code .env}, {@code .env.production}; not {@code
   * .env.example}, {@code .sample}, {@code .template}, {@code .dist}), SSH key pairs (not {@code
   * .pub}), {@code *.pem}/{@code *.key} (not certificates, CA bundles or public/GPG keys, told by
   * words such as {@code cert}, {@code ca}, {@code chain}, {@code pub}, {@code gpg} in the name),
   * keystores, registry and tool credential files, cloud credential files, kubeconfig and the
   * {@code .ssh}, {@code .aws}, {@code .gnupg} directories. A glob in the path is read literally,
   * so {@code certs/*.key} still names key files.
   */
  public static String secretFileKind(String path) {
    String p = path.replace('\\', '/');
    while (p.endsWith("/") && p.length() > 1) {
      p = p.substring(0, p.length() - 1);
    }
    String lower = p.toLowerCase(Locale.ROOT);
    String base = lower.substring(lower.lastIndexOf('/') + 1);
    if (lower.endsWith(".aws/credentials")) {
      return "AWS credentials file";
    }
    if (lower.endsWith(".docker/config.json")) {
      return "Docker registry credentials file";
    }
    if (lower.endsWith(".kube/config") || base.endsWith(".kubeconfig")) {
      return "kubeconfig";
    }
    if (base.startsWith(".env.")) {
      String suffix = base.substring(5);
      return ENV_TEMPLATE_SUFFIXES.contains(suffix) ? null : "dotenv file";
    }
    if (SECRET_BASENAMES.contains(base)) {
      return base.equals(".env") ? "dotenv file" : "credentials file";
    }
    if (KEY_PAIR.matcher(base).matches()) {
      return base.endsWith(".pub") ? null : "SSH private key";
    }
    if (base.endsWith(".json")
        && (base.contains("credentials")
            || base.contains("service-account")
            || base.contains("service_account")
            || base.contains("serviceaccount"))) {
      return "cloud service-account key";
    }
    if (base.endsWith(".p12")
        || base.endsWith(".pfx")
        || base.endsWith(".jks")
        || base.endsWith(".keystore")) {
      return "keystore";
    }
    if (base.endsWith(".pem") || base.endsWith(".key")) {
      String stem = base.substring(0, base.length() - 4);
      return CERT_WORDS.matcher(stem).matches() ? null : "private key file";
    }
    return null;
  }

  /**
   * Splits a variable name into upper-case words at {@code _}, {@code -}, {@code .} and
   * lower-to-upper camel-case boundaries: {@code dbPassword} gives {@code DB PASSWORD}.
   */
  public static List<String> words(String name) {
    List<String> words = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean separator = c == '_' || c == '-' || c == '.' || c == ' ';
      boolean camel =
          i > 0 && Character.isUpperCase(c) && Character.isLowerCase(name.charAt(i - 1));
      if ((separator || camel) && cur.length() > 0) {
        words.add(cur.toString().toUpperCase(Locale.ROOT));
        cur.setLength(0);
      }
      if (!separator) {
        cur.append(c);
      }
    }
    if (cur.length() > 0) {
      words.add(cur.toString().toUpperCase(Locale.ROOT));
    }
    return words;
  }

  /**
   * Whether a variable name says it holds a secret: one of {@code patterns} occurs in it as a whole
   * word sequence, and the word after the last such occurrence is not a metadata word ({@code
   * PASSWORD_MIN_LENGTH}, {@code TOKEN_URL}, {@code DB_PASSWORD_FILE} are settings or locations,
   * not secrets). A name with the word {@code PUBLIC} or {@code PUBLISHABLE} ({@code
   * NEXT_PUBLIC_API_KEY}) is meant to be public. Names made only of a secret word and a {@code
   * _FILE} suffix are handled by callers, who must check the file location.
   */
  public static boolean isSecretName(String name, List<String> patterns) {
    List<String> words = words(name);
    Map<String, List<List<String>>> byFirstWord = PatternIndex.of(patterns).byFirstWord();
    int lastMatchEnd = -1;
    for (int i = 0; i < words.size(); i++) {
      for (List<String> pw : byFirstWord.getOrDefault(words.get(i), List.of())) {
        if (i + pw.size() <= words.size() && words.subList(i, i + pw.size()).equals(pw)) {
          lastMatchEnd = Math.max(lastMatchEnd, i + pw.size());
        }
      }
    }
    if (lastMatchEnd < 0 || words.contains("PUBLIC") || words.contains("PUBLISHABLE")) {
      return false;
    }
    return lastMatchEnd == words.size() || !METADATA_WORDS.contains(words.get(lastMatchEnd));
  }

  /**
   * The words of a name pattern, split once: the same few patterns are asked about for every
   * variable of every file. Keyed by the pattern string (immutable); bounded at {@link
   * #CACHED_PATTERNS} entries, past which patterns are split without caching. Thread-safe.
   */
  private static List<String> patternWords(String pattern) {
    List<String> cached = PATTERN_WORDS.get(pattern);
    if (cached != null) {
      return cached;
    }
    List<String> split = List.copyOf(words(pattern));
    if (PATTERN_WORDS.size() < CACHED_PATTERNS) {
      PATTERN_WORDS.putIfAbsent(pattern, split);
    }
    return split;
  }

  private static final int CACHED_PATTERNS = 1024;

  /**
   * A list of name patterns split into words and keyed by first word, so a name is compared only
   * with the patterns that start with one of its words. The engine passes the same list (the rule's
   * option) for every variable of every file, so the index of the last list asked about is kept, by
   * identity. Thread-safe: the index is immutable and published through a volatile field.
   */
  private record PatternIndex(List<String> patterns, Map<String, List<List<String>>> byFirstWord) {
    private static volatile PatternIndex last;

    static PatternIndex of(List<String> patterns) {
      PatternIndex known = last;
      if (known != null && known.patterns == patterns) {
        return known;
      }
      Map<String, List<List<String>>> index = new HashMap<>();
      for (String p : patterns) {
        List<String> pw = patternWords(p);
        if (!pw.isEmpty()) {
          index.computeIfAbsent(pw.get(0), k -> new ArrayList<>()).add(pw);
        }
      }
      PatternIndex made = new PatternIndex(patterns, index);
      last = made;
      return made;
    }
  }

  private static final Map<String, List<String>> PATTERN_WORDS = new ConcurrentHashMap<>();

  /** Whether the name ends in the {@code _FILE} convention ({@code POSTGRES_PASSWORD_FILE}). */
  public static boolean isFileName(String name) {
    List<String> words = words(name);
    return !words.isEmpty() && words.get(words.size() - 1).equals("FILE");
  }

  /** The name with a trailing {@code _FILE} word removed, for the secret-name test. */
  public static String withoutFileSuffix(String name) {
    String upper = name.toUpperCase(Locale.ROOT);
    for (String suffix : List.of("_FILE", "-FILE", ".FILE")) {
      if (upper.endsWith(suffix)) {
        return name.substring(0, name.length() - suffix.length());
      }
    }
    return name.endsWith("File") ? name.substring(0, name.length() - 4) : name;
  }

  /** Whether a {@code *_FILE} value points into the runtime secret mount {@code /run/secrets}. */
  public static boolean isRunSecretsPath(String value) {
    String v = value.trim();
    return v.startsWith("/run/secrets/") || v.startsWith("/var/run/secrets/");
  }

  /**
   * Whether a raw value (as written, quotes allowed) takes its content from a variable: it contains
   * {@code $V} or {@code ${...}}. The secret then lives wherever that variable is set.
   */
  public static boolean isReference(String raw) {
    return raw != null && REFERENCE.matcher(raw).find();
  }

  /**
   * The defaults in a value with references that write a literal ({@code ${DB_PASSWORD:-hunter2}}):
   * not empty, not a switch and not worded as a stand-in ({@link #isPlaceholderWording}). For a
   * secret-named variable each is a secret committed with the file.
   */
  public static List<WrittenText.Default> literalDefaults(WrittenText written) {
    return written.defaults().stream()
        .filter(
            d -> {
              String text = written.text().substring(d.start(), d.end());
              return !isPlaceholder(text) && !isPlaceholderWording(text);
            })
        .toList();
  }

  /**
   * Whether a value is worded as a stand-in for a secret rather than one: it says so ({@code
   * changeme}, {@code example}, {@code placeholder}, {@code your-token-here}) or it is a mask
   * ({@code xxx}, {@code ***}, {@code <password>}). The compose rule asks this of interpolation
   * defaults ({@code ${DB_PASSWORD:-changeme}}), which are written to be overridden; a literal
   * value is judged by {@link #isPlaceholder} alone, as before.
   */
  public static boolean isPlaceholderWording(String value) {
    String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    if (v.isEmpty()) {
      return false;
    }
    return PLACEHOLDER_WORDING.matcher(v).find()
        || v.chars().allMatch(c -> c == '*' || c == 'x' || c == '.')
        || (v.startsWith("<") && v.endsWith(">"));
  }

  private static final Pattern PLACEHOLDER_WORDING =
      Pattern.compile(
          "change[-_.]?(?:me|it|this)|replace[-_.]?(?:me|this)|example|sample|placeholder|dummy"
              + "|^your[-_.]");

  /** Whether a value carries no secret: empty, or a switch such as {@code yes}/{@code false}. */
  public static boolean isPlaceholder(String value) {
    String v = value == null ? "" : value.trim();
    return v.isEmpty() || SWITCH_VALUES.contains(v.toLowerCase(Locale.ROOT));
  }
}
