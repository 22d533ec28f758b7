package dev.faultline.core.rule;

import dev.faultline.core.tree.Span;

/**
 * A suggested fix: replace the text of {@code span} with {@code replacement} (an empty span
 * inserts). {@code description} says what it does in words.
 *
 * @param description what the fix does, in words
 * @param span        the text to replace
 * @param replacement the new text
 */
public record Fix(String description, Span span, String replacement) {}
