package dev.faultline.core.rule;

import dev.faultline.core.tree.Span;

/**
 * A suggested fix: replace the text of {@code span} with {@code replacement} (an empty span
 * inserts). {@code description} says what it does in words.
 */
public record Fix(String description, Span span, String replacement) {
}
