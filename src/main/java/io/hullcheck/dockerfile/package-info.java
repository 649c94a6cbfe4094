/**
 * The Dockerfile model and its parser, following BuildKit's grammar.
 *
 * <p>{@link io.hullcheck.dockerfile.DockerfileParser#parse} turns a {@link
 * io.hullcheck.model.SourceFile} into a {@link io.hullcheck.dockerfile.Dockerfile}: directives,
 * instructions with flags, words, key/value pairs and heredocs, stages with their {@link
 * io.hullcheck.dockerfile.Scope}, comments and problems. Every part carries its exact source span,
 * so findings point at what the user wrote and fixes can edit it. Bad input never throws: it
 * becomes a {@link io.hullcheck.model.ParseProblem} and the rest of the file is still modelled.
 *
 * <p>Where BuildKit's parser accepts what its builder then refuses (an unknown keyword, an
 * instruction before the first FROM), the model keeps the instruction and adds a problem. Warnings
 * BuildKit only lints (empty continuation lines, duplicate stage names, unknown flags) are not
 * problems.
 */
package io.hullcheck.dockerfile;
