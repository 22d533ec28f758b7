package dev.faultline.parsers;

import dev.faultline.core.graph.ServerlessExpander;
import dev.faultline.core.rule.Finding;
import dev.faultline.core.rule.InputRules;
import dev.faultline.core.rule.RuleMetadata;
import dev.faultline.core.tree.IntrinsicNode;
import dev.faultline.core.tree.ListNode;
import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Node;
import dev.faultline.core.tree.ScalarNode;
import dev.faultline.core.tree.Span;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a Serverless Framework service file ({@code serverless.yml}, {@code .yaml}, {@code .json}):
 * resolves its variables into one located tree, without running anything.
 *
 * <ul>
 *   <li>{@code ${self:a.b}} (a path into the service file, itself resolved), {@code ${sls:stage}}
 *       ({@code provider.stage}, else {@code dev}), {@code ${opt:...}} and {@code ${param:...}} (their
 *       default, else unknown), {@code ${file(./x.yml)}} and {@code ${file(./x.yml):a.b}} (YAML or
 *       JSON files inside the project root, relative to the service directory; a missing file or one
 *       outside the root is FL-PARSE-004, once per file, and not for a file that a {@code .gitignore}
 *       keeps out of version control), and references nested in addresses and defaults;</li>
 *   <li>{@code ${aws:region}} and {@code ${aws:accountId}} become the pseudo parameters
 *       {@code AWS::Region} and {@code AWS::AccountId} (an {@code Fn::Sub}), as CloudFormation
 *       would see them;</li>
 *   <li>every other source ({@code env}, {@code ssm}, {@code cf}, {@code s3}, {@code aws} otherwise,
 *       custom resolvers, a JavaScript file) is unknown: the value becomes an intrinsic
 *       {@value ServerlessExpander#UNRESOLVED} that every evaluator reads as unknown, so rules stay silent;</li>
 *   <li>a reference to a {@code self:} path that does not exist (without default) or to itself
 *       (directly or through others) is FL-PARSE-003 where it is written; too deep a nesting is
 *       FL-PARSE-005. Neither ever hangs;</li>
 *   <li>YAML anchors, aliases and merge keys ({@code <<}) are allowed (the framework reads YAML
 *       with them); a merge key's mappings are merged into the mapping that holds it.</li>
 * </ul>
 *
 * A value wholly made of one reference to a scalar takes the span where the reference is written;
 * mappings and lists keep their own spans (in an included file, that file's lines).
 */
final class ServerlessReader {

    /** Largest nesting of references being resolved at once. */
    static final int MAX_DEPTH = 64;
    /** Largest number of references one service may resolve. */
    static final int MAX_RESOLUTIONS = 200_000;

    /** A file the reader may include: its tree and its own parse findings. */
    record Parsed(Node root, List<Finding> findings) {}

    /** The resolved service, the findings about it, and the files it included. */
    record Result(MapNode root, List<Finding> findings, Set<Path> included) {}

    private final Path serviceFile;
    private final Path serviceDir;
    private final Path projectRoot;
    /** Included files found missing, so that each is looked at (reported, or found ignored by git) once. */
    private final Set<Path> missing = new HashSet<>();

    private final Function<Path, Parsed> loader;
    private final Function<Path, String> displayPath;
    private final MapNode raw;
    private final List<Finding> findings = new ArrayList<>();
    private final Set<Path> included = new LinkedHashSet<>();
    private final Map<Path, Parsed> files = new HashMap<>();
    private final Map<Node, Node> done = new IdentityHashMap<>();
    private final Set<Node> inProgress = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private final Deque<Node> stack = new ArrayDeque<>();
    private int resolutions;
    private boolean limitHit;

    private ServerlessReader(
            Path serviceFile,
            Path projectRoot,
            MapNode raw,
            Function<Path, Parsed> loader,
            Function<Path, String> displayPath) {
        this.serviceFile = serviceFile.toAbsolutePath().normalize();
        Path dir = this.serviceFile.getParent();
        this.serviceDir = dir == null ? this.serviceFile : dir;
        this.projectRoot = projectRoot.toAbsolutePath().normalize();
        this.raw = raw;
        this.loader = loader;
        this.displayPath = displayPath;
    }

    /**
     * Resolves the service file {@code raw} read from {@code serviceFile}.
     *
     * @param loader      reads and parses a file to include (its parse findings are reported by the caller)
     * @param displayPath the display path of a file
     */
    static Result read(
            Path serviceFile,
            Path projectRoot,
            MapNode raw,
            Function<Path, Parsed> loader,
            Function<Path, String> displayPath) {
        ServerlessReader r = new ServerlessReader(serviceFile, projectRoot, raw, loader, displayPath);
        Node root = r.resolve(raw);
        MapNode m = root instanceof MapNode rm ? rm : raw;
        return new Result(m, List.copyOf(r.findings), Set.copyOf(r.included));
    }

    // ---- the tree walk

    private Node resolve(Node n) {
        if (n == null) {
            return null;
        }
        Node known = done.get(n);
        if (known != null) {
            return known;
        }
        if (inProgress.contains(n)) {
            report(InputRules.PARSE_UNRESOLVED_REFERENCE, "This value refers to itself through variables", n.span());
            return unknown(n.span(), "a reference cycle");
        }
        if (stack.size() >= MAX_DEPTH || limitHit) {
            if (!limitHit) {
                report(
                        InputRules.PARSE_LIMIT,
                        "Variables nest more than " + MAX_DEPTH + " levels deep; the value is not resolved",
                        n.span());
            }
            limitHit = true;
            return unknown(n.span(), "too deep");
        }
        inProgress.add(n);
        stack.push(n);
        try {
            Node out = resolveNow(n);
            done.put(n, out);
            return out;
        } finally {
            stack.pop();
            inProgress.remove(n);
        }
    }

    private Node resolveNow(Node n) {
        if (n instanceof ScalarNode s) {
            return s.kind() == ScalarNode.Kind.STRING && s.raw().contains("${") ? string(s) : s;
        }
        if (n instanceof ListNode l) {
            List<Node> items = new ArrayList<>(l.size());
            boolean changed = false;
            for (Node item : l.items()) {
                Node r = resolve(item);
                changed |= r != item;
                items.add(r);
            }
            return changed ? new ListNode(l.span(), items) : l;
        }
        if (n instanceof IntrinsicNode in) {
            Node arg = resolve(in.argument());
            return arg == in.argument() ? in : new IntrinsicNode(in.span(), in.function(), arg);
        }
        MapNode m = (MapNode) n;
        List<MapNode.Entry> out = new ArrayList<>(m.size());
        List<MapNode.Entry> merged = new ArrayList<>(0);
        boolean changed = false;
        for (MapNode.Entry e : m.entries()) {
            if (e.key().equals("<<")) {
                changed = true;
                Node v = resolve(e.value());
                List<Node> sources = v instanceof ListNode l ? l.items() : List.of(v);
                for (Node src : sources) {
                    if (src instanceof MapNode sm) {
                        merged.addAll(sm.entries());
                    }
                }
                continue;
            }
            Node r = resolve(e.value());
            changed |= r != e.value();
            out.add(r == e.value() ? e : new MapNode.Entry(e.key(), e.keySpan(), r));
        }
        for (MapNode.Entry e : merged) {
            boolean present = false;
            for (MapNode.Entry o : out) {
                present |= o.key().equals(e.key());
            }
            if (!present) {
                out.add(e);
            }
        }
        return changed ? new MapNode(m.span(), out) : m;
    }

    // ---- strings with variables

    /** A piece of a string: literal text, or a variable expression (the text between the braces). */
    private record Piece(String text, boolean variable) {}

    /** The pieces of {@code s}, or {@code null} when a {@code ${} is not closed. */
    private static List<Piece> pieces(String s) {
        List<Piece> out = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            if (s.startsWith("${", i)) {
                int end = closing(s, i + 2);
                if (end < 0) {
                    return null;
                }
                String inner = s.substring(i + 2, end);
                if (isFrameworkVariable(inner)) {
                    if (lit.length() > 0) {
                        out.add(new Piece(lit.toString(), false));
                        lit.setLength(0);
                    }
                    out.add(new Piece(inner, true));
                } else {
                    lit.append(s, i, end + 1); // a CloudFormation Fn::Sub variable: ${AWS::Region}, ${Queue.Arn}
                }
                i = end + 1;
            } else {
                lit.append(s.charAt(i++));
            }
        }
        if (lit.length() > 0) {
            out.add(new Piece(lit.toString(), false));
        }
        return out;
    }

    /** The index of the {@code }} closing a {@code ${} whose content starts at {@code from}, or -1. */
    private static int closing(String s, int from) {
        int depth = 0;
        char quote = 0;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            }
        }
        return -1;
    }

    /**
     * Whether the text between {@code ${} and {@code }} is a framework variable ({@code source:},
     * {@code file(}) rather than a CloudFormation {@code Fn::Sub} variable ({@code AWS::Region},
     * {@code Queue.Arn}, {@code Name}).
     */
    static boolean isFrameworkVariable(String inner) {
        String t = inner.strip();
        int i = 0;
        while (i < t.length() && (Character.isLetterOrDigit(t.charAt(i)) || t.charAt(i) == '_')) {
            i++;
        }
        if (i == 0 || i >= t.length()) {
            return false;
        }
        char c = t.charAt(i);
        if (c == '(') {
            return true;
        }
        return c == ':' && !t.startsWith("::", i);
    }

    private Node string(ScalarNode s) {
        List<Piece> pieces = pieces(s.raw());
        if (pieces == null || pieces.stream().noneMatch(Piece::variable)) {
            return s;
        }
        if (pieces.size() == 1) {
            Node v = expression(pieces.get(0).text(), s.span());
            if (v instanceof ScalarNode vs) {
                return new ScalarNode(s.span(), vs.raw(), vs.kind());
            }
            return v;
        }
        StringBuilder text = new StringBuilder();
        boolean sub = false;
        for (Piece p : pieces) {
            if (!p.variable()) {
                text.append(p.text());
                continue;
            }
            Node v = expression(p.text(), s.span());
            if (v instanceof ScalarNode vs) {
                text.append(vs.isNull() ? "null" : vs.raw());
            } else if (v instanceof IntrinsicNode in && in.is("Fn::Sub") && in.argument() instanceof ScalarNode a) {
                text.append(a.raw());
                sub = true;
            } else {
                return unknown(s.span(), s.raw());
            }
        }
        ScalarNode joined = new ScalarNode(s.span(), text.toString(), ScalarNode.Kind.STRING);
        return sub ? new IntrinsicNode(s.span(), "Fn::Sub", joined) : joined;
    }

    /** The value of one variable expression: {@code source:address[, default]}. */
    private Node expression(String inner, Span at) {
        if (++resolutions > MAX_RESOLUTIONS) {
            if (!limitHit) {
                report(
                        InputRules.PARSE_LIMIT,
                        "The service resolves more than " + MAX_RESOLUTIONS + " variables; the rest are not resolved",
                        at);
            }
            limitHit = true;
            return unknown(at, inner);
        }
        List<String> parts = splitTopLevel(inner);
        String ref = parts.get(0).strip();
        Node value = source(resolveText(ref, at), at, parts.size() > 1);
        for (int i = 1; value == null && i < parts.size(); i++) {
            value = fallback(parts.get(i).strip(), at);
        }
        return value != null ? value : unknown(at, inner);
    }

    /** A default after the comma: a quoted string, a number, a boolean, or another variable. */
    private Node fallback(String text, Span at) {
        if (text.length() >= 2
                && (text.charAt(0) == '\'' || text.charAt(0) == '"')
                && text.charAt(text.length() - 1) == text.charAt(0)) {
            return new ScalarNode(at, text.substring(1, text.length() - 1), ScalarNode.Kind.STRING);
        }
        if (text.startsWith("${") && text.endsWith("}")) {
            Node v = string(new ScalarNode(at, text, ScalarNode.Kind.STRING));
            return isUnknown(v) ? null : v;
        }
        if (isFrameworkVariable(text)) {
            Node v = expression(text, at);
            return isUnknown(v) ? null : v;
        }
        if (text.isEmpty()) {
            return null;
        }
        return new ScalarNode(at, text, ScalarResolver.resolvePlain(text));
    }

    /** Nested variables in an address ({@code self:custom.${sls:stage}.table}) resolved to text, or null. */
    private String resolveText(String ref, Span at) {
        if (!ref.contains("${")) {
            return ref;
        }
        Node v = string(new ScalarNode(at, ref, ScalarNode.Kind.STRING));
        return v instanceof ScalarNode s ? s.raw() : null;
    }

    /**
     * The value a source gives, or {@code null} when it gives none (then a default applies, if any):
     * an unknown source gives the unknown marker unless a default follows.
     */
    private Node source(String ref, Span at, boolean hasDefault) {
        if (ref == null) {
            return hasDefault ? null : unknown(at, "a nested variable");
        }
        if (ref.startsWith("self:")) {
            Node v = self(ref.substring("self:".length()).strip(), at);
            if (v == null && !hasDefault) {
                report(
                        InputRules.PARSE_UNRESOLVED_REFERENCE,
                        "Variable '${" + ref + "}' names nothing in the service file",
                        at);
                return unknown(at, ref);
            }
            return v;
        }
        if (ref.startsWith("file(")) {
            return file(ref, at, hasDefault);
        }
        if (ref.equals("sls:stage")) {
            return stage(at);
        }
        if (ref.equals("aws:region")) {
            return new IntrinsicNode(at, "Fn::Sub", new ScalarNode(at, "${AWS::Region}", ScalarNode.Kind.STRING));
        }
        if (ref.equals("aws:accountId")) {
            return new IntrinsicNode(at, "Fn::Sub", new ScalarNode(at, "${AWS::AccountId}", ScalarNode.Kind.STRING));
        }
        if (ref.startsWith("opt:") || ref.startsWith("param:")) {
            return hasDefault ? null : unknown(at, ref); // deploy-time input: its default, as for a parameter
        }
        // env, ssm, cf, s3, aws, sls:instanceId, custom resolvers: unknown even with a default, since the
        // source usually exists where the service is deployed
        return unknown(at, ref);
    }

    /** {@code sls:stage}: the service's {@code provider.stage} when it resolves, else the framework's {@code dev}. */
    private Node stage(Span at) {
        MapNode provider = raw.getMap("provider");
        Node stage = provider == null ? null : provider.get("stage");
        if (stage != null) {
            Node v = resolve(stage);
            if (v instanceof ScalarNode s) {
                return new ScalarNode(at, s.raw(), ScalarNode.Kind.STRING);
            }
            if (isUnknown(v)) {
                return v;
            }
        }
        return new ScalarNode(at, "dev", ScalarNode.Kind.STRING);
    }

    /** The resolved value at a dotted path of the service file ({@code ""} is the whole file), or null. */
    private Node self(String path, Span at) {
        return path.isEmpty() ? raw : walk(raw, path);
    }

    /** Follows a dotted path from {@code from}, resolving each step; null when a step is missing. */
    private Node walk(Node from, String path) {
        Node cur = from;
        if (!path.isEmpty()) {
            for (String key : path.split("\\.", -1)) {
                // containers are walked as written (resolving a whole map that is being resolved would
                // look like a cycle); a variable standing for a container is resolved first
                Node here = cur instanceof MapNode || cur instanceof ListNode ? cur : resolve(cur);
                if (here instanceof MapNode m && m.get(key) == null && m.get("<<") != null) {
                    here = resolve(m);
                }
                if (here instanceof MapNode m && m.get(key) != null) {
                    cur = m.get(key);
                } else if (here instanceof ListNode l && isIndex(key, l.size())) {
                    cur = l.get(Integer.parseInt(key));
                } else {
                    return isUnknown(here) ? here : null;
                }
            }
        }
        return resolve(cur);
    }

    private static boolean isIndex(String key, int size) {
        if (key.isEmpty() || key.length() > 6) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            if (!Character.isDigit(key.charAt(i))) {
                return false;
            }
        }
        return Integer.parseInt(key) < size;
    }

    /** {@code file(path)} or {@code file(path):a.b}. */
    private Node file(String ref, Span at, boolean hasDefault) {
        int close = ref.indexOf(')');
        if (close < 0) {
            return unknown(at, ref);
        }
        String name = ref.substring("file(".length(), close).strip();
        if (name.length() >= 2 && (name.charAt(0) == '\'' || name.charAt(0) == '"')) {
            name = name.substring(1, name.length() - 1);
        }
        String rest = ref.substring(close + 1).strip();
        String path = rest.startsWith(":") ? rest.substring(1).strip() : "";
        String lower = name.toLowerCase(Locale.ROOT);
        if (!(lower.endsWith(".yml") || lower.endsWith(".yaml") || lower.endsWith(".json"))) {
            return unknown(at, ref); // JavaScript, TypeScript or text: never run, never guessed
        }
        Path file;
        try {
            file = serviceDir.resolve(name).normalize();
        } catch (InvalidPathException e) {
            return badPath(at, name, "is not a valid path", hasDefault);
        }
        if (!file.startsWith(projectRoot)) {
            return badPath(at, name, "is outside the project root; it is not read", hasDefault);
        }
        if (!Files.isRegularFile(file)) {
            if (!hasDefault && (!missing.add(file) || GitIgnore.ignores(projectRoot, file))) {
                // reported at its first use (under any spelling); or kept out of version control on
                // purpose (a secrets file, a build output), so made before deploying: unknown values
                return unknown(at, ref);
            }
            return badPath(at, name, "does not exist", hasDefault);
        }
        try {
            if (!file.toRealPath().startsWith(projectRoot.toRealPath())) {
                return badPath(at, name, "leads outside the project root through a link; it is not read", hasDefault);
            }
        } catch (IOException e) {
            return badPath(at, name, "cannot be resolved", hasDefault);
        }
        if (file.equals(serviceFile)) {
            return walk(raw, path);
        }
        Parsed parsed = files.computeIfAbsent(file, loader);
        included.add(file);
        if (parsed == null || parsed.root() == null) {
            return unknown(at, ref);
        }
        Node v = walk(parsed.root(), path);
        if (v == null && !hasDefault) {
            report(
                    InputRules.PARSE_UNRESOLVED_REFERENCE,
                    "Variable '${" + ref + "}' names nothing in " + displayPath.apply(file),
                    at);
            return unknown(at, ref);
        }
        return v;
    }

    private Node badPath(Span at, String name, String why, boolean hasDefault) {
        if (hasDefault && why.equals("does not exist")) {
            return null; // the framework falls back to the default for a missing file
        }
        report(InputRules.PARSE_LOCAL_PATH, "Included file '" + name + "' " + why + ".", at);
        return unknown(at, name);
    }

    /** Splits at commas that are not inside quotes, parentheses or nested braces. */
    private static List<String> splitTopLevel(String s) {
        List<String> out = new ArrayList<>(2);
        int depth = 0;
        char quote = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '{' || c == '(' || c == '[') {
                depth++;
            } else if (c == '}' || c == ')' || c == ']') {
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(s.substring(start, i));
                start = i + 1;
            }
        }
        out.add(s.substring(start));
        return out;
    }

    private static Node unknown(Span at, String what) {
        return new IntrinsicNode(
                at, ServerlessExpander.UNRESOLVED, new ScalarNode(at, "${" + what + "}", ScalarNode.Kind.STRING));
    }

    private static boolean isUnknown(Node n) {
        return n instanceof IntrinsicNode in && in.is(ServerlessExpander.UNRESOLVED);
    }

    /**
     * Adds a finding once per file: the same message (the same variable naming nothing, the same
     * missing file) at several places of one file has one fix, and is reported at its first place.
     */
    private void report(RuleMetadata rule, String message, Span at) {
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            if (f.ruleId().equals(rule.id())
                    && f.message().equals(message)
                    && Objects.equals(f.span().file(), at.file())) {
                if (at.line() < f.span().line()
                        || (at.line() == f.span().line()
                                && at.column() < f.span().column())) {
                    findings.set(i, FindingSink.finding(rule, message, at, null));
                }
                return;
            }
        }
        findings.add(FindingSink.finding(rule, message, at, null));
    }
}
