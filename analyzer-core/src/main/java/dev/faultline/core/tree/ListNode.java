package dev.faultline.core.tree;

import java.util.List;

/** A sequence. */
public record ListNode(Span span, List<Node> items) implements Node {

    /** Copies the items. */
    public ListNode {
        items = List.copyOf(items);
    }

    /**
     * @return the number of items
     */
    public int size() {
        return items.size();
    }

    /**
     * @param i an index
     * @return the item
     */
    public Node get(int i) {
        return items.get(i);
    }
}
