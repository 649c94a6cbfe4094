package io.hullcheck.rules;

import io.hullcheck.model.Span;

/**
 * Why a finding is not reported: an inline or file-level pragma, or a policy entry.
 *
 * @param source which syntax matched, e.g. {@code hullcheck}, {@code hadolint}, {@code trivy},
 *     {@code checkov}, {@code .hadolint.yaml}
 * @param reason the reason the user gave, or null
 * @param span where the suppression is written, or null when it comes from a config file
 */
public record Suppression(String source, String reason, Span span) {}
