package dev.faultline.core.asl;

import dev.faultline.core.tree.Node;

/**
 * What a placeholder in a definition text stands for: the intrinsic node (or substitution value)
 * it replaced, so a task's {@code Resource} can be resolved to the function it calls.
 */
public record Placeholder(String text, Node value) {}
