package io.hullcheck.job;

/**
 * One check-run annotation, already within GitHub's limits (title at most 255 chars, message and
 * rawDetails at most 64 KB).
 *
 * @param startColumn 1-based, or null; GitHub accepts columns only when {@code startLine ==
 *     endLine}, and the planner sets them only then
 * @param endColumn 1-based, or null
 * @param title or null
 * @param rawDetails or null
 */
public record Annotation(
    String path,
    int startLine,
    int endLine,
    Integer startColumn,
    Integer endColumn,
    AnnotationLevel level,
    String title,
    String message,
    String rawDetails) {}
