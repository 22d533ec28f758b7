package dev.faultline.core.tree;

import java.util.List;

/** A sequence. */
public record ListNode(Span span, List<Node> items) implements Node {

    public ListNode {
        items = List.copyOf(items);
    }

    public int size() {
        return items.size();
    }

    public Node get(int i) {
        return items.get(i);
    }
}
