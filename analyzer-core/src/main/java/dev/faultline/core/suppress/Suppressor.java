package dev.faultline.core.suppress;

import dev.faultline.core.asl.StateMachine;
import dev.faultline.core.model.Resource;
import dev.faultline.core.model.Template;
import dev.faultline.core.rule.Finding;
import dev.faultline.core.rule.InputRules;
import dev.faultline.core.rule.Severity;
import dev.faultline.core.tree.ListNode;
import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Node;
import dev.faultline.core.tree.Span;
import dev.faultline.core.util.Lists;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Applies suppressions to the sorted findings of one analysis, in this order: template
 * {@code Metadata} ({@code faultline: {suppress: [{rule, reason, states}]}} on a resource or on the
 * template), {@code # faultline-ignore} comments in Serverless Framework service files
 * ({@link CommentSuppression}), config-file path suppressions, then the baseline. Suppressed findings are kept and
 * marked ({@link Finding#withSuppression}). Invalid Metadata entries (no reason, unknown rule, wrong
 * shape) become FL-CONFIG-001 findings and suppress nothing; entries that match nothing become
 * FL-CONFIG-002 findings. The baseline applies to these FL-CONFIG findings too; its own stale entries
 * (FL-CONFIG-002 at the baseline file, logical path {@code baseline/<fingerprint>}) are added last.
 */
public final class Suppressor {

    /** The Metadata key Faultline reads. */
    public static final String METADATA_KEY = "faultline";

    private final Predicate<String> ruleExists;
    private final Predicate<String> ruleOn;
    private final Function<String, Severity> severity;

    /**
     * @param ruleExists whether a rule id is known
     * @param ruleOn     whether a rule id is enabled (FL-CONFIG findings of disabled rules are dropped)
     * @param severity   the effective severity of a rule id
     */
    public Suppressor(Predicate<String> ruleExists, Predicate<String> ruleOn, Function<String, Severity> severity) {
        this.ruleExists = ruleExists;
        this.ruleOn = ruleOn;
        this.severity = severity;
    }

    /** The findings with suppressions applied and FL-CONFIG findings added, sorted. */
    public List<Finding> apply(List<Finding> sorted, List<Template> templates, SuppressionSettings settings) {
        return apply(sorted, templates, List.of(), List.of(), settings);
    }

    /**
     * As {@link #apply(List, List, SuppressionSettings)}, where a state machine resource's Metadata also
     * covers the findings in its definition file ({@code DefinitionUri}, {@code DefinitionS3Location}), and
     * a path suppression is judged only against the files that were linted.
     *
     * @param machines    the state machines (those of template resources whose definition lives in
     *                    another file are the ones that matter here)
     * @param lintedFiles the display paths of the files read; a path suppression none of whose globs matches
     *                    one of them is not reported as unused (it is about files not linted this run)
     */
    public List<Finding> apply(
            List<Finding> sorted,
            List<Template> templates,
            List<StateMachine> machines,
            List<String> lintedFiles,
            SuppressionSettings settings) {
        return apply(sorted, templates, machines, lintedFiles, List.of(), settings);
    }

    /**
     * As {@link #apply(List, List, List, List, SuppressionSettings)}, with the suppressions written as
     * comments in Serverless Framework service files (applied after Metadata, before the config file).
     */
    public List<Finding> apply(
            List<Finding> sorted,
            List<Template> templates,
            List<StateMachine> machines,
            List<String> lintedFiles,
            List<CommentSuppression> comments,
            SuppressionSettings settings) {
        List<Finding> out = new ArrayList<>(sorted);
        List<Finding> added = new ArrayList<>();
        applyMetadata(out, templates, machines, added);
        applyComments(out, comments, added);
        applyPaths(out, settings.paths(), lintedFiles, added);
        for (Finding f : added) {
            if (ruleOn.test(f.ruleId())) {
                out.add(f);
            }
        }
        if (settings.baseline() != null) {
            // after the FL-CONFIG findings are in, so that a baseline can accept them too
            List<Finding> stale = new ArrayList<>();
            applyBaseline(out, settings.baseline(), settings.baselinePath(), stale);
            for (Finding f : stale) {
                if (ruleOn.test(f.ruleId())) {
                    out.add(f);
                }
            }
        }
        out.sort(Finding.ORDER);
        return List.copyOf(out);
    }

    /** One parsed, valid Metadata entry. */
    private record Entry(
            String rule,
            String reason,
            Set<String> states,
            Span span,
            String logicalPath,
            String resource,
            String cdkPath) {}

    private void applyMetadata(
            List<Finding> findings, List<Template> templates, List<StateMachine> machines, List<Finding> added) {
        Map<String, List<Integer>> byFile = new HashMap<>();
        for (int i = 0; i < findings.size(); i++) {
            Lists.in(byFile, findings.get(i).file()).add(i);
        }
        // definition files of template resources: their findings are the resource's too
        Map<Resource, List<String>> definitionFiles = new IdentityHashMap<>();
        for (StateMachine m : machines) {
            if (m.resource() != null
                    && m.template() != null
                    && m.file() != null
                    && !m.file().displayPath().equals(m.template().displayPath())) {
                Lists.in(definitionFiles, m.resource()).add(m.file().displayPath());
            }
        }
        for (Template t : templates) {
            List<Integer> inFile = byFile.getOrDefault(t.displayPath(), List.of());
            for (Entry e : entries(t.metadata(), "Metadata", null, null, added)) {
                boolean used = false;
                for (int i : inFile) {
                    Finding f = findings.get(i);
                    if (f.ruleId().equals(e.rule()) && inStates(f, e.states())) {
                        used = true;
                        mark(findings, i, e.reason());
                    }
                }
                unusedIfNot(used, e, "the template", added);
            }
            for (Resource r : t.allResources()) {
                if (r.metadata() == null || r.metadata().get(METADATA_KEY) == null) {
                    continue; // no suppressions here: skip building the path
                }
                List<Integer> candidates = inFile;
                List<String> defs = definitionFiles.get(r);
                String written = r.span().file();
                if (!written.equals(t.displayPath())) {
                    // a resource written in another file (a Serverless Framework resources: fragment)
                    defs = defs == null ? new ArrayList<>(1) : new ArrayList<>(defs);
                    defs.add(written);
                }
                if (defs != null) {
                    candidates = new ArrayList<>(inFile);
                    for (String d : defs) {
                        candidates.addAll(byFile.getOrDefault(d, List.of()));
                    }
                }
                for (Entry e :
                        entries(r.metadata(), r.logicalPath() + "/Metadata", r.logicalId(), r.cdkPath(), added)) {
                    boolean used = false;
                    for (int i : candidates) {
                        Finding f = findings.get(i);
                        if (f.ruleId().equals(e.rule())
                                && r.logicalId().equals(f.resource())
                                && inStates(f, e.states())) {
                            used = true;
                            mark(findings, i, e.reason());
                        }
                    }
                    unusedIfNot(used, e, "resource '" + r.logicalId() + "'", added);
                }
            }
        }
    }

    /**
     * {@code # faultline-ignore FL-XXX-000 reason} comments: the findings of the rule located in the
     * node the comment is on (or above). Without a reason, with an unknown rule or with no key to
     * apply to, a comment is FL-CONFIG-001 and suppresses nothing; one that matches nothing is
     * FL-CONFIG-002.
     */
    private void applyComments(List<Finding> findings, List<CommentSuppression> comments, List<Finding> added) {
        for (CommentSuppression c : comments) {
            String path = CommentSuppression.KEYWORD + "/" + c.comment().line();
            if (!ruleExists.test(c.rule())) {
                added.add(invalid(
                        "Suppression comment names unknown rule '" + c.rule() + "'.", c.comment(), null, null, path));
                continue;
            }
            if (c.reason() == null || c.reason().isBlank()) {
                added.add(invalid(
                        "Suppression comment for " + c.rule() + " has no reason; write '# " + CommentSuppression.KEYWORD
                                + " " + c.rule() + " <why the finding does not apply>'.",
                        c.comment(),
                        null,
                        null,
                        path));
                continue;
            }
            if (c.scope() == null) {
                added.add(invalid(
                        "Suppression comment for " + c.rule() + " is on no key; put it at the end of the key's line "
                                + "or on the line above it.",
                        c.comment(),
                        null,
                        null,
                        path));
                continue;
            }
            boolean used = false;
            for (int i = 0; i < findings.size(); i++) {
                Finding f = findings.get(i);
                if (f.ruleId().equals(c.rule()) && c.covers(f.span())) {
                    used = true;
                    mark(findings, i, c.reason().trim());
                }
            }
            if (!used) {
                added.add(configFinding(
                        InputRules.CONFIG_UNUSED.id(),
                        "Suppression comment for " + c.rule() + " (lines "
                                + c.scope().line() + "-" + c.scope().endLine() + ") matches no finding; remove it.",
                        c.comment(),
                        null,
                        null,
                        path));
            }
        }
    }

    private void unusedIfNot(boolean used, Entry e, String where, List<Finding> added) {
        if (!used) {
            added.add(configFinding(
                    InputRules.CONFIG_UNUSED.id(),
                    "Suppression of " + e.rule() + " on " + where
                            + (e.states().isEmpty() ? "" : " (states " + String.join(", ", e.states()) + ")")
                            + " matches no finding; remove it.",
                    e.span(),
                    e.resource(),
                    e.cdkPath(),
                    e.logicalPath()));
        }
    }

    private static void mark(List<Finding> findings, int i, String reason) {
        Finding f = findings.get(i);
        if (!f.suppressed()) {
            findings.set(i, f.withSuppression(reason));
        }
    }

    /** True when no states are named, or the finding's logical path goes through a named state. */
    static boolean inStates(Finding f, Set<String> states) {
        if (states.isEmpty()) {
            return true;
        }
        String p = f.logicalPath();
        if (p == null) {
            return false;
        }
        for (String s : states) {
            String seg = "/States/" + s;
            int at = p.indexOf(seg);
            while (at >= 0) {
                int end = at + seg.length();
                if (end == p.length() || p.charAt(end) == '/') {
                    return true;
                }
                at = p.indexOf(seg, at + 1);
            }
        }
        return false;
    }

    private List<Entry> entries(MapNode metadata, String base, String resource, String cdkPath, List<Finding> added) {
        if (metadata == null) {
            return List.of();
        }
        Node fl = metadata.get(METADATA_KEY);
        if (fl == null) {
            return List.of();
        }
        String flPath = base + "/" + METADATA_KEY;
        MapNode flMap = fl.asMap();
        if (flMap == null) {
            added.add(invalid(
                    "Metadata 'faultline' must be a mapping with a 'suppress' list.",
                    fl.span(),
                    resource,
                    cdkPath,
                    flPath));
            return List.of();
        }
        Node sup = flMap.get("suppress");
        if (sup == null) {
            return List.of();
        }
        ListNode list = sup.asList();
        if (list == null) {
            added.add(invalid(
                    "'faultline.suppress' must be a list of {rule, reason} entries.",
                    sup.span(),
                    resource,
                    cdkPath,
                    flPath + "/suppress"));
            return List.of();
        }
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Node item = list.get(i);
            String path = flPath + "/suppress/" + i;
            MapNode m = item.asMap();
            if (m == null) {
                added.add(invalid(
                        "A suppression must be a mapping with 'rule' and 'reason'.",
                        item.span(),
                        resource,
                        cdkPath,
                        path));
                continue;
            }
            String rule = m.getText("rule");
            if (rule == null || rule.isBlank()) {
                added.add(invalid("A suppression needs a 'rule' id.", m.span(), resource, cdkPath, path));
                continue;
            }
            rule = rule.trim();
            Span ruleSpan = m.get("rule").span();
            if (!ruleExists.test(rule)) {
                added.add(invalid("Suppression names unknown rule '" + rule + "'.", ruleSpan, resource, cdkPath, path));
                continue;
            }
            String reason = m.getText("reason");
            if (reason == null || reason.isBlank()) {
                added.add(invalid(
                        "Suppression of " + rule + " has no 'reason'; say why the finding does not apply.",
                        m.span(),
                        resource,
                        cdkPath,
                        path));
                continue;
            }
            Set<String> states = new HashSet<>();
            Node st = m.get("states");
            if (st != null) {
                ListNode sl = st.asList();
                boolean ok = sl != null;
                if (ok) {
                    for (Node s : sl.items()) {
                        if (s.text() == null || s.text().isBlank()) {
                            ok = false;
                            break;
                        }
                        states.add(s.text());
                    }
                }
                if (!ok) {
                    added.add(invalid("'states' must be a list of state names.", st.span(), resource, cdkPath, path));
                    continue;
                }
            }
            out.add(new Entry(
                    rule,
                    reason.trim(),
                    java.util.Collections.unmodifiableSet(new java.util.TreeSet<>(states)),
                    m.span(),
                    path,
                    resource,
                    cdkPath));
        }
        return out;
    }

    private Finding invalid(String message, Span span, String resource, String cdkPath, String logicalPath) {
        return configFinding(InputRules.CONFIG_SUPPRESSION.id(), message, span, resource, cdkPath, logicalPath);
    }

    private Finding configFinding(
            String ruleId, String message, Span span, String resource, String cdkPath, String logicalPath) {
        return new Finding(ruleId, severity.apply(ruleId), message, span, resource, cdkPath, logicalPath, null, null);
    }

    private void applyPaths(
            List<Finding> findings, List<PathSuppression> suppressions, List<String> lintedFiles, List<Finding> added) {
        for (int n = 0; n < suppressions.size(); n++) {
            PathSuppression s = suppressions.get(n);
            PathSuppression.Glob glob = s.glob();
            // judged only against what was linted: a suppression for files outside this run is not stale
            boolean judged = lintedFiles.isEmpty() || lintedFiles.stream().anyMatch(glob::matches);
            boolean used = false;
            for (int i = 0; i < findings.size(); i++) {
                Finding f = findings.get(i);
                if (f.ruleId().equals(s.rule()) && glob.matches(f.file())) {
                    used = true;
                    mark(findings, i, SuppressionKind.CONFIG_PREFIX + s.reason());
                }
            }
            if (!used && judged) {
                Span at = s.span() == null ? Span.ofFile(".faultline.yml") : s.span();
                added.add(configFinding(
                        InputRules.CONFIG_UNUSED.id(),
                        "Config suppression of " + s.rule()
                                + (s.paths().isEmpty() ? "" : " for " + String.join(", ", s.paths()))
                                + " matches no finding; remove it.",
                        at,
                        null,
                        null,
                        "suppress/" + n));
            }
        }
    }

    private void applyBaseline(List<Finding> findings, Baseline baseline, String baselinePath, List<Finding> added) {
        Map<String, List<Integer>> byPrint = new HashMap<>();
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            if (!f.suppressed()) {
                Lists.in(byPrint, f.fingerprint()).add(i);
            }
        }
        String where = baselinePath == null || baselinePath.isBlank() ? "baseline" : baselinePath;
        Set<String> reported = new HashSet<>();
        for (Baseline.Entry e : baseline.entries()) {
            List<Integer> hits = byPrint.get(e.fingerprint());
            if (hits != null) {
                for (int i : hits) {
                    mark(findings, i, SuppressionKind.BASELINE_REASON);
                }
            } else if (reported.add(e.fingerprint())) {
                added.add(configFinding(
                        InputRules.CONFIG_UNUSED.id(),
                        "Baseline entry " + e.ruleId() + " in "
                                + e.path() + (e.logicalLocation() == null ? "" : " at " + e.logicalLocation())
                                + " matches no finding any more; regenerate the baseline.",
                        Span.ofFile(where),
                        null,
                        null,
                        "baseline/" + e.fingerprint()));
            }
        }
    }
}
