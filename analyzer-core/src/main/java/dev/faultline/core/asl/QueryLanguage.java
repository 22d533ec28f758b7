package dev.faultline.core.asl;

/** The query language of a state: JSONPath (the default) or JSONata. */
public enum QueryLanguage { JSONPATH, JSONATA }
