package dev.faultline.core.model;

/** What a discovered input was classified as, by its content. */
public enum InputKind {
    /** A CloudFormation template (YAML or JSON). */
    CLOUDFORMATION("cloudformation"),
    /** A template that uses the SAM transform or {@code AWS::Serverless::*} resources. */
    SAM("sam"),
    /** A standalone Amazon States Language definition. */
    ASL("asl"),
    /**
     * A Serverless Framework service file ({@code serverless.yml}), or a file it includes through
     * {@code ${file(...)}}.
     */
    SERVERLESS("serverless"),
    /** A template of a CDK cloud assembly ({@code cdk.out}). */
    CDK("cdk"),
    /** A file that could not be read or parsed; it carries FL-PARSE findings. */
    UNPARSEABLE("unparseable"),
    /** A YAML/JSON file that is neither a template nor a definition. Counted, not linted. */
    OTHER("other");

    private final String label;

    InputKind(String label) {
        this.label = label;
    }

    /** The lower-case name used in JSON output. */
    public String label() {
        return label;
    }
}
