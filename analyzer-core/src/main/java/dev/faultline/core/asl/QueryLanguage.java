package dev.faultline.core.asl;

/** The query language of a state: JSONPath (the default) or JSONata. */
public enum QueryLanguage {
    /** JSONPath ({@code InputPath}, {@code ResultPath}, ...), the default. */
    JSONPATH,
    /** JSONata ({@code Arguments}, {@code Output}, {@code {% ... %}} expressions). */
    JSONATA
}
