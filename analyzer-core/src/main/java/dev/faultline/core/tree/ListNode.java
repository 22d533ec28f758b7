package dev.faultline.core.tree;

import java.util.List;

/** A sequence. Equal as a record of its span and items would be. */
public final class ListNode extends Located implements Node {

    private final List<Node> items;

    private final boolean containsIntrinsic;

    /**
     * Copies the items.
     *
     * @param span  where the sequence is written
     * @param items its items, in document order
     */
    public ListNode(Span span, List<Node> items) {
        super(span);
        this.items = List.copyOf(items);
        boolean intrinsic = false;
        for (int i = 0, n = this.items.size(); i < n && !intrinsic; i++) {
            intrinsic = MapNode.holdsIntrinsic(this.items.get(i));
        }
        this.containsIntrinsic = intrinsic;
    }

    /**
     * Whether an intrinsic function ({@link IntrinsicNode}) is anywhere below this sequence: walks
     * that only look for references skip the sequences without any, as they skip such maps
     * (computed once, when the sequence is built).
     */
    public boolean containsIntrinsic() {
        return containsIntrinsic;
    }

    @Override
    public Span span() {
        return toSpan();
    }

    /**
     * @return the items, in document order
     */
    public List<Node> items() {
        return items;
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

    @Override
    public boolean equals(Object o) {
        return o instanceof ListNode l && sameSpan(l) && items.equals(l.items);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Objects.hashCode(toSpan()) + items.hashCode();
    }

    @Override
    public String toString() {
        return "ListNode[span=" + toSpan() + ", items=" + items + "]";
    }
}
