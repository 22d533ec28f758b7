package dev.faultline.core.model;

import dev.faultline.core.tree.Node;
import dev.faultline.core.tree.Span;

/** A template parameter; {@code defaultValue} is {@code null} when none is declared. */
public record Parameter(String name, String type, Node defaultValue, Span span) {}
