package dev.faultline.core.asl;

import dev.faultline.core.model.InputFile;
import dev.faultline.core.model.Resource;
import dev.faultline.core.model.Template;
import dev.faultline.core.tree.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A state machine definition, wherever it came from: a template resource ({@code Definition},
 * {@code DefinitionString} in any form, {@code DefinitionUri}/{@code DefinitionS3Location}) or a
 * standalone ASL file. Spans point into the file the user edits.
 *
 * @param name         the resource logical id, or the file name for a standalone definition
 * @param file         the file the definition's spans point into
 * @param template     the owning template, or null for a standalone file
 * @param resource     the owning resource, or null
 * @param top          the top-level scope
 * @param express      whether the machine is EXPRESS (known only for resources)
 * @param span         where the definition starts
 * @param placeholders tokens that stood for intrinsics in the definition text (CDK's
 *                     {@code Fn::Join} form, {@code Fn::Sub} variables, SAM
 *                     {@code DefinitionSubstitutions}), by the placeholder text that replaced them
 */
public record StateMachine(
        String name,
        InputFile file,
        Template template,
        Resource resource,
        Scope top,
        boolean express,
        Span span,
        Map<String, Placeholder> placeholders) {

    /** Every state of every scope, depth-first in file order. */
    public List<State> allStates() {
        return top.allStates();
    }

    /** Every scope (top level, branches, processors), depth-first. */
    public List<Scope> allScopes() {
        List<Scope> out = new ArrayList<>();
        collectScopes(top, out);
        return out;
    }

    private static void collectScopes(Scope s, List<Scope> out) {
        out.add(s);
        for (State st : s.states().values()) {
            for (Scope c : st.children()) {
                collectScopes(c, out);
            }
        }
    }
}
