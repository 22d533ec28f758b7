package dev.faultline.core.rule;

import java.util.List;

/**
 * The usual way to write a {@link Rule}: the metadata, the subscription and the options are given
 * once to the constructor, so a rule class is its metadata constant and its visitor.
 *
 * <pre>{@code
 * public final class QueueWithoutRedrivePolicy extends AbstractRule {
 *     static final RuleMetadata METADATA = RuleMetadata.builder("FL-SQS-001")...build();
 *
 *     public QueueWithoutRedrivePolicy() {
 *         super(METADATA, Subscription.nodes(NodeKind.QUEUE));
 *     }
 *
 *     @Override
 *     public void visitNode(GraphNode queue, RuleContext ctx) { ... }
 * }
 * }</pre>
 */
public abstract class AbstractRule implements Rule {

    private final RuleMetadata metadata;
    private final Subscription subscription;
    private final List<RuleOption<?>> options;

    /**
     * @param metadata     the rule's metadata
     * @param subscription what the engine shows the rule
     * @param options      the typed options the rule reads with {@link RuleContext#option}
     */
    protected AbstractRule(RuleMetadata metadata, Subscription subscription, RuleOption<?>... options) {
        this.metadata = metadata;
        this.subscription = subscription;
        this.options = List.of(options);
    }

    @Override
    public final RuleMetadata metadata() {
        return metadata;
    }

    @Override
    public final Subscription subscription() {
        return subscription;
    }

    @Override
    public final List<RuleOption<?>> options() {
        return options;
    }
}
