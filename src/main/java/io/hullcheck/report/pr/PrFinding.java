package io.hullcheck.report.pr;

import io.hullcheck.rules.Finding;

/**
 * A head finding of a pull request, tagged against the base.
 *
 * @param fingerprint from {@link Fingerprints#of}, computed on the head version
 * @param origin whether the base version of the file had the same finding
 */
public record PrFinding(Finding finding, String fingerprint, Origin origin) {

  /** Whether the pull request brought the finding in. */
  public enum Origin {
    NEW,
    PRE_EXISTING
  }

  public boolean isNew() {
    return origin == Origin.NEW;
  }

  public boolean suppressed() {
    return finding.suppressed();
  }
}
