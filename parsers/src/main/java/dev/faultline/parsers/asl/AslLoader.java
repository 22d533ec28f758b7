package dev.faultline.parsers.asl;

import dev.faultline.core.asl.Placeholder;
import dev.faultline.core.asl.Scope;
import dev.faultline.core.asl.StateMachine;
import dev.faultline.core.model.InputFile;
import dev.faultline.core.model.InputKind;
import dev.faultline.core.model.Resource;
import dev.faultline.core.model.Template;
import dev.faultline.core.rule.Finding;
import dev.faultline.core.rule.InputRules;
import dev.faultline.core.tree.ListNode;
import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Node;
import dev.faultline.core.tree.ScalarNode;
import dev.faultline.core.tree.Span;
import dev.faultline.parsers.CdkAssets;
import dev.faultline.parsers.TreeParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Loads state machine definitions: from template resources ({@code AWS::StepFunctions::StateMachine},
 * {@code AWS::Serverless::StateMachine}) in every form, and from standalone ASL files.
 *
 * <p>Forms, in the order they are looked for on a resource: {@code Definition} (the located object
 * as is); {@code DefinitionString} as a plain string, {@code Fn::Sub} or {@code Fn::Join} (parsed as
 * JSON, spans mapped back into the template, tokens turned into placeholders — see
 * {@link DefinitionText}); {@code DefinitionUri} (SAM) or {@code DefinitionS3Location} given as a
 * local path (read relative to the template's directory, never outside the project root:
 * FL-PARSE-004), or in CDK output a {@code DefinitionS3Location} whose {@code Key} is a file asset of
 * the assembly ({@link CdkAssets}). Remote locations ({@code s3://...}, {@code {Bucket, Key}}) are not loaded.
 * {@code DefinitionSubstitutions} names ({@code ${name}}) become placeholders that point at the
 * substitution's value.
 *
 * <p>Logical paths: a definition in a template has the base
 * {@code Resources/<id>/Properties/<property>}; a standalone file has the empty base, so its states
 * are {@code States/<name>}.
 */
public final class AslLoader {

    private static final String CFN_MACHINE = "AWS::StepFunctions::StateMachine";
    private static final String SAM_MACHINE = "AWS::Serverless::StateMachine";

    private AslLoader() {}

    /** Whether a parsed document looks like an ASL definition ({@code StartAt} and {@code States}). */
    public static boolean isDefinition(Node root) {
        MapNode m = root == null ? null : root.asMap();
        return m != null && m.has("StartAt") && m.has("States");
    }

    /** A standalone definition file: named after the file, with the empty logical base path. */
    public static StateMachine loadStandalone(InputFile file, MapNode root) {
        Scope top = AslModelBuilder.build(root, "");
        return new StateMachine(fileName(file.displayPath()), file, null, null, top, false, root.span(), Map.of());
    }

    /** Every state machine resource of a template, in resource order. */
    public static AslLoadResult load(Template template, Path projectRoot) {
        return load(template, projectRoot, null);
    }

    /**
     * {@link #load(Template, Path)} with the template's text as the loader read it ({@code null}: read
     * the file again when a definition written as a string needs it), for the positions inside
     * {@code DefinitionString}s.
     */
    public static AslLoadResult load(Template template, Path projectRoot, String text) {
        return new Run(template, projectRoot, text).run();
    }

    /** Whether a template declares a state machine, whose definition {@link #load} may need the text for. */
    public static boolean declaresStateMachine(Template template) {
        return template.declares(CFN_MACHINE) || template.declares(SAM_MACHINE);
    }

    private static String fileName(String displayPath) {
        int slash = displayPath.lastIndexOf('/');
        return slash < 0 ? displayPath : displayPath.substring(slash + 1);
    }

    /** One template's loading. */
    private static final class Run {
        private final Template template;
        private final Path projectRoot;
        private final List<StateMachine> machines = new ArrayList<>();
        private final List<Finding> findings = new ArrayList<>();
        private final List<String> unparsed = new ArrayList<>();
        private final List<Path> read = new ArrayList<>();
        /** The template's text as the loader read it, or null. */
        private final String text;

        private SourceText source;
        private boolean sourceRead;

        Run(Template template, Path projectRoot, String text) {
            this.template = template;
            this.projectRoot = projectRoot;
            this.text = text;
        }

        AslLoadResult run() {
            if (!declaresStateMachine(template)) {
                return new AslLoadResult(machines, findings, unparsed, read);
            }
            for (Resource r : template.allResources()) {
                boolean cfn = CFN_MACHINE.equals(r.type());
                boolean sam = SAM_MACHINE.equals(r.type());
                if (cfn || sam) {
                    resource(r, sam);
                }
            }
            return new AslLoadResult(machines, findings, unparsed, read);
        }

        private void resource(Resource r, boolean sam) {
            MapNode props = r.properties();
            boolean express = "EXPRESS".equals(props.getText(sam ? "Type" : "StateMachineType"));
            MapNode substitutions = props.getMap("DefinitionSubstitutions");
            String base = r.logicalPath() + "/Properties/";
            Map<String, Placeholder> placeholders = new LinkedHashMap<>();

            Node definition = props.get("Definition");
            if (definition != null) {
                MapNode root = definition.asMap();
                if (root == null) {
                    unparsed.add(base + "Definition");
                    return;
                }
                substitutionPlaceholders(root, substitutions, placeholders, 0);
                machines.add(machine(r, template.file(), root, base + "Definition", express, placeholders));
                return;
            }
            Node string = props.get("DefinitionString");
            if (string != null) {
                definitionString(r, string, base + "DefinitionString", express, substitutions, placeholders);
                return;
            }
            for (String key : sam ? new String[] {"DefinitionUri"} : new String[] {"DefinitionS3Location"}) {
                Node uri = props.get(key);
                if (uri != null) {
                    localDefinition(r, uri, location(uri), base + key, express, substitutions, placeholders);
                }
            }
        }

        private void definitionString(
                Resource r,
                Node value,
                String path,
                boolean express,
                MapNode substitutions,
                Map<String, Placeholder> placeholders) {
            String display = template.displayPath();
            DefinitionText text = new DefinitionText(source(), display, placeholders, substitutions);
            if (!text.append(value)) {
                unparsed.add(path);
                return;
            }
            MappedText mapped = text.text();
            TreeParser.ParseResult parsed = TreeParser.parseJson(mapped.text(), display, mapped::span);
            for (Finding f : parsed.findings()) {
                findings.add(rehome(f, r, path));
            }
            MapNode root = parsed.root() == null ? null : parsed.root().asMap();
            if (root == null) {
                unparsed.add(path);
                return;
            }
            machines.add(machine(r, template.file(), root, path, express, placeholders));
        }

        /**
         * The local path a {@code DefinitionUri}/{@code DefinitionS3Location} names: a path string as
         * written, or, in a CDK template, the file asset of the assembly that is published under the
         * location's {@code Key} (found through the asset manifests, relative to the assembly
         * directory, which is the template's directory); null when remote or unknown.
         */
        private String location(Node uri) {
            if (uri instanceof MapNode loc && template.stackName() != null) {
                Path dir = template.file().path().toAbsolutePath().normalize().getParent();
                return CdkAssets.sourcePath(dir, loc.getText("Key"));
            }
            return uri.text();
        }

        private void localDefinition(
                Resource r,
                Node uri,
                String location,
                String path,
                boolean express,
                MapNode substitutions,
                Map<String, Placeholder> placeholders) {
            if (location == null || location.isEmpty() || location.startsWith("s3://")) {
                return; // {Bucket, Key}, an intrinsic, or an S3 URI: remote, nothing to read
            }
            Path root = projectRoot.toAbsolutePath().normalize();
            Path dir = template.file().path().toAbsolutePath().normalize().getParent();
            Path file = (dir == null ? root : dir).resolve(location).normalize();
            if (!file.startsWith(root)) {
                findings.add(badPath(r, uri, path, "'" + location + "' is outside the project root; it is not read"));
                return;
            }
            boolean caseReported = false;
            if (!Files.isRegularFile(file)) {
                Path other = CasePaths.find(root, file);
                if (other == null) {
                    findings.add(badPath(r, uri, path, "'" + location + "' does not exist"));
                    return;
                }
                findings.add(otherCase(r, uri, path, location, root.relativize(other)));
                caseReported = true;
                file = other;
            }
            Path real;
            try {
                real = file.toRealPath();
                Path realRoot = realRoot(root);
                if (!real.startsWith(realRoot)) {
                    findings.add(badPath(
                            r,
                            uri,
                            path,
                            "'" + location + "' leads outside the project root through a link; it is not read"));
                    return;
                }
                String asWritten = root.relativize(file).toString();
                String onDisk = realRoot.relativize(real).toString();
                if (!caseReported && !asWritten.equals(onDisk) && asWritten.equalsIgnoreCase(onDisk)) {
                    // a case-insensitive file system (macOS, Windows) found it under the other case
                    findings.add(otherCase(r, uri, path, location, Path.of(onDisk)));
                }
            } catch (IOException e) {
                findings.add(badPath(r, uri, path, "'" + location + "' cannot be resolved: " + e.getMessage()));
                return;
            }
            String display = displayPath(dir == null ? root : dir, file);
            this.read.add(file);
            dev.faultline.parsers.SourceText.Read read = dev.faultline.parsers.SourceText.read(real, display);
            if (read.problem() != null) {
                findings.add(read.problem());
                return;
            }
            String text = read.text();
            String lower = display.toLowerCase(Locale.ROOT);
            TreeParser.ParseResult parsed = lower.endsWith(".json")
                    ? TreeParser.parseJson(text, display)
                    : lower.endsWith(".yaml") || lower.endsWith(".yml")
                            ? TreeParser.parseYaml(text, display)
                            : TreeParser.parseAuto(text, display);
            if (parsed.root() == null && lower.endsWith(".json")) {
                MappedText quoted = quoteSubstitutions(text, display, substitutions);
                if (quoted != null) {
                    parsed = TreeParser.parseJson(quoted.text(), display, quoted::span);
                }
            }
            findings.addAll(parsed.findings());
            MapNode defRoot = parsed.root() == null ? null : parsed.root().asMap();
            if (defRoot == null) {
                unparsed.add(path);
                return;
            }
            substitutionPlaceholders(defRoot, substitutions, placeholders, 0);
            InputFile input = new InputFile(file, display, InputKind.ASL);
            machines.add(machine(r, input, defRoot, path, express, placeholders));
        }

        private static Path realRoot(Path root) throws IOException {
            return Files.exists(root) ? root.toRealPath() : root;
        }

        /**
         * The display path of a definition file next to the template: the template's own display path
         * (relative to the working directory, {@code ..} included) with its file name replaced by the
         * definition's path from the template's directory, so that it matches what discovery shows.
         */
        private String displayPath(Path templateDir, Path file) {
            String rel = templateDir.relativize(file).toString().replace('\\', '/');
            String t = template.displayPath();
            int slash = t.lastIndexOf('/');
            String joined = slash < 0 ? rel : t.substring(0, slash + 1) + rel;
            String normal = Path.of(joined).normalize().toString().replace('\\', '/');
            return normal.isEmpty() ? "." : normal;
        }

        private StateMachine machine(
                Resource r,
                InputFile file,
                MapNode root,
                String path,
                boolean express,
                Map<String, Placeholder> placeholders) {
            Scope top = AslModelBuilder.build(root, path);
            return new StateMachine(
                    r.logicalId(),
                    file,
                    template,
                    r,
                    top,
                    express,
                    root.span(),
                    Collections.unmodifiableMap(new LinkedHashMap<>(placeholders)));
        }

        /**
         * A definition path that names its file in another letter case: found here, but a
         * case-sensitive file system (the Linux machine that packages and deploys) does not find it.
         */
        private Finding otherCase(Resource r, Node at, String path, String location, Path actual) {
            return badPath(
                    r,
                    at,
                    path,
                    "'" + location + "' exists only as '" + actual.toString().replace('\\', '/')
                            + "' (another letter case); packaging or deploying from a case-sensitive file "
                            + "system (Linux CI) does not find it. It is analysed as that file");
        }

        private Finding badPath(Resource r, Node at, String path, String why) {
            return new Finding(
                    InputRules.PARSE_LOCAL_PATH.id(),
                    InputRules.PARSE_LOCAL_PATH.severity(),
                    "State machine '" + r.logicalId() + "' definition path " + why + ".",
                    at.span(),
                    r.logicalId(),
                    r.cdkPath(),
                    path,
                    null,
                    null);
        }

        private static Finding rehome(Finding f, Resource r, String path) {
            return new Finding(
                    f.ruleId(),
                    f.severity(),
                    "In the definition of state machine '" + r.logicalId() + "': " + f.message(),
                    f.span(),
                    r.logicalId(),
                    r.cdkPath(),
                    f.logicalPath() == null ? path : f.logicalPath(),
                    f.fix(),
                    f.suppression());
        }

        /**
         * The template's text (as the loader read it, else read here once, as the loader reads files);
         * without it spans are approximated within each string.
         */
        private SourceText source() {
            if (!sourceRead) {
                sourceRead = true;
                String t = text != null
                        ? text
                        : dev.faultline.parsers.SourceText.read(
                                        template.file().path(), template.file().displayPath())
                                .text();
                // a file that cannot be read again: LocatedString places each character at its string's start
                source = t == null ? null : new SourceText(t);
            }
            return source;
        }
    }

    /**
     * A JSON definition file in which {@code ${name}} tokens of {@code DefinitionSubstitutions} stand
     * outside strings, as in {@code "TimeoutSeconds": ${timeout}} (SAM substitutes the text before it
     * is parsed): the same text with each such token quoted, so that it parses and the token becomes a
     * placeholder, its spans still pointing into the file. Null when there is no such token (a token
     * of no substitution stays as written: the deployed definition is not JSON either). Used only
     * when the file does not parse as it is.
     */
    static MappedText quoteSubstitutions(String text, String file, MapNode substitutions) {
        if (substitutions == null || substitutions.isEmpty() || text.indexOf("${") < 0) {
            return null;
        }
        SourceText at = new SourceText(text);
        MappedText out = new MappedText(file);
        boolean quoted = false;
        for (int i = 0, n = text.length(); i < n; i++) {
            int line = at.lineOf(i);
            int column = at.columnOf(i);
            if (text.startsWith("${", i) && !out.inJsonString()) {
                int close = text.indexOf('}', i + 2);
                String name = close < 0 ? null : text.substring(i + 2, close).trim();
                if (name != null && name.indexOf('\n') < 0 && substitutions.get(name) != null) {
                    String token = text.substring(i, close + 1);
                    out.appendPlaceholder(token, new Span(file, line, column, line, column + token.length()));
                    quoted = true;
                    i = close;
                    continue;
                }
            }
            out.append(text.charAt(i), line, column);
        }
        return quoted ? out : null;
    }

    /** Records {@code ${name}} strings of a definition that name a DefinitionSubstitutions entry. */
    private static void substitutionPlaceholders(
            Node n, MapNode substitutions, Map<String, Placeholder> out, int depth) {
        if (substitutions == null || substitutions.isEmpty() || depth > AslModelBuilder.MAX_DEPTH * 4) {
            return;
        }
        if (n instanceof ScalarNode s) {
            String v = s.value();
            int k = v.indexOf("${");
            while (k >= 0) {
                int close = v.indexOf('}', k + 2);
                if (close < 0) {
                    return;
                }
                String name = v.substring(k + 2, close).trim();
                Node value = substitutions.get(name);
                if (value != null) {
                    String text = v.substring(k, close + 1);
                    out.putIfAbsent(text, new Placeholder(text, value));
                }
                k = v.indexOf("${", close + 1);
            }
        } else if (n instanceof MapNode m) {
            for (MapNode.Entry e : m.entries()) {
                substitutionPlaceholders(e.value(), substitutions, out, depth + 1);
            }
        } else if (n instanceof ListNode l) {
            for (Node item : l.items()) {
                substitutionPlaceholders(item, substitutions, out, depth + 1);
            }
        }
    }
}
