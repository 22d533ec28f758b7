package dev.faultline.rules.asl;

import dev.faultline.core.asl.Catcher;
import dev.faultline.core.asl.State;
import dev.faultline.core.tree.ListNode;
import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Node;
import java.util.ArrayList;
import java.util.List;

/** The transitions a state names: {@code Next}, Choice rules' {@code Next}, {@code Default}, catchers' {@code Next}. */
final class Transitions {

    /** One named transition and where it is written. */
    record Target(String name, Node at, String subPath, String label) {}

    private Transitions() {}

    static List<Target> of(State state) {
        List<Target> out = new ArrayList<>();
        add(out, state.body().get("Next"), "Next", "Next");
        add(out, state.body().get("Default"), "Default", "Default");
        ListNode choices = state.isType("Choice") ? state.body().getList("Choices") : null;
        if (choices != null) {
            for (int i = 0; i < choices.size(); i++) {
                MapNode rule = choices.get(i).asMap();
                if (rule != null) {
                    add(out, rule.get("Next"), "Choices/" + i + "/Next", "Choice rule " + i + " Next");
                }
            }
        }
        for (Catcher c : state.catchers()) {
            add(out, c.body().get("Next"), "Catch/" + c.index() + "/Next", "catcher " + c.index() + " Next");
        }
        return out;
    }

    private static void add(List<Target> out, Node n, String subPath, String label) {
        if (n != null && n.text() != null) {
            out.add(new Target(n.text(), n, subPath, label));
        }
    }
}
