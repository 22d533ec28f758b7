package dev.faultline.parsers;

import dev.faultline.core.rule.Finding;
import dev.faultline.core.rule.InputRules;
import dev.faultline.core.rule.RuleMetadata;
import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Node;
import dev.faultline.core.tree.Span;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a CDK cloud assembly ({@code cdk.out}) through its {@code manifest.json}: a directory whose
 * manifest has {@code artifacts} is one input.
 *
 * <ul>
 *   <li>each {@code aws:cloudformation:stack} artifact's {@code properties.templateFile} is a template,
 *       named after the artifact's {@code displayName} (else its id);</li>
 *   <li>each {@code cdk:cloud-assembly} artifact's {@code properties.directoryName} (a stage, e.g.
 *       {@code assembly-Prod}) is read the same way, recursively;</li>
 *   <li>nested stack templates, referenced by an {@code AWS::CloudFormation::Stack} resource's
 *       {@code Metadata["aws:asset:path"]}, are templates named {@code <parent stack>/<logical id>};</li>
 *   <li>every other entry of an assembly directory (manifest, tree, asset manifests, metadata,
 *       validation report, the {@code cdk.out} marker, {@code asset.*} directories — one entry each —
 *       and templates no artifact refers to) is <em>skipped</em>: never read, but returned in
 *       {@link Assembly#skipped()} so that it is counted.</li>
 * </ul>
 *
 * A path in a manifest or in {@code aws:asset:path} that is missing or leaves the assembly directory
 * is never read: it is an FL-PARSE-004 finding at the value that names it. A manifest that does not
 * parse gives its located FL-PARSE-001 findings; when the directory also holds the {@code cdk.out}
 * marker it is still an assembly, and its {@code *.template.json} files are read by name.
 */
public final class CdkAssemblyReader {

    /** The manifest file of an assembly. */
    public static final String MANIFEST = "manifest.json";

    /** The marker file the CDK CLI writes into every assembly directory. */
    public static final String MARKER = "cdk.out";

    /** Deepest nesting of stage assemblies and nested stacks followed. */
    static final int MAX_NESTING = 16;

    private static final String STACK_ARTIFACT = "aws:cloudformation:stack";
    private static final String ASSEMBLY_ARTIFACT = "cdk:cloud-assembly";
    private static final String NESTED_STACK_TYPE = "AWS::CloudFormation::Stack";

    /**
     * One template of an assembly. The reader reads every template (to find nested stacks) and
     * parses those that have any; the loader then uses that text and parse instead of reading and
     * parsing the file again.
     *
     * @param path        the file
     * @param stackName   the stack name ({@code displayName} or artifact id; {@code parent/logicalId}
     *                    for a nested stack)
     * @param displayPath the display path it was read and parsed with
     * @param text        its text, or {@code null} when it could not be read (the loader reports why)
     * @param parsed      its parse, or {@code null} when it was not parsed
     */
    public record StackTemplate(
            Path path, String stackName, String displayPath, String text, TreeParser.ParseResult parsed) {}

    /**
     * What an assembly holds.
     *
     * @param dir       the assembly directory (absolute, normalized)
     * @param templates its templates, nested stages and nested stacks included, in manifest order
     * @param skipped   the entries not read (files, and {@code asset.*} or unreferenced directories)
     * @param findings  findings about the manifest and the paths it names
     */
    public record Assembly(Path dir, List<StackTemplate> templates, List<Path> skipped, List<Finding> findings) {
        public Assembly {
            templates = List.copyOf(templates);
            skipped = List.copyOf(skipped);
            findings = List.copyOf(findings);
        }
    }

    private final Path workingDirectory;
    private final Map<Path, StackTemplate> templates = new LinkedHashMap<>();
    private final List<Path> skipped = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();
    private final Set<Path> visitedAssemblies = new HashSet<>();

    private CdkAssemblyReader(Path workingDirectory) {
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
    }

    /**
     * Reads the assembly in {@code dir}, or returns {@code null} when {@code dir} is not one (no
     * {@code manifest.json}, or one without {@code artifacts} and no {@code cdk.out} marker).
     */
    public static Assembly read(Path dir, Path workingDirectory) {
        CdkAssemblyReader r = new CdkAssemblyReader(workingDirectory);
        Path abs = dir.toAbsolutePath().normalize();
        if (!r.readAssembly(abs, 0)) {
            return null;
        }
        return new Assembly(abs, new ArrayList<>(r.templates.values()), r.skipped, r.findings);
    }

    /** Whether {@code dir} is a cloud assembly (see {@link #read}). */
    public static boolean isAssembly(Path dir) {
        return probe(dir.toAbsolutePath().normalize(), dir.toAbsolutePath().normalize())
                .assembly();
    }

    /** Whether a sub-directory of an assembly is staged assets. */
    public static boolean skipDirectory(String name) {
        return name.startsWith("asset.");
    }

    /** Whether a file name is that of an assembly template. */
    public static boolean isTemplate(String name) {
        return name.endsWith(".template.json");
    }

    /** Whether a file of an assembly is bookkeeping (never linted, counted as skipped). */
    public static boolean isBookkeeping(String name) {
        return name.equals(MANIFEST)
                || name.equals("tree.json")
                || name.endsWith(".assets.json")
                || name.endsWith(".metadata.json")
                || name.equals("validation-report.json")
                || name.equals(MARKER);
    }

    /** The stack name a template file name suggests: {@code OrdersStack.template.json} → {@code OrdersStack}. */
    public static String stackName(String fileName) {
        return isTemplate(fileName) ? fileName.substring(0, fileName.length() - ".template.json".length()) : null;
    }

    /** The parsed manifest of a directory, and whether the directory counts as an assembly. */
    private record Probe(boolean assembly, MapNode artifacts, List<Finding> findings) {}

    private static Probe probe(Path dir, Path workingDirectory) {
        Path manifest = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest, LinkOption.NOFOLLOW_LINKS)) {
            return new Probe(false, null, List.of());
        }
        boolean marker = Files.isRegularFile(dir.resolve(MARKER), LinkOption.NOFOLLOW_LINKS);
        String display = Discovery.displayPath(workingDirectory, manifest);
        SourceText.Read read = SourceText.read(manifest, display);
        if (read.problem() != null) {
            // without the marker the directory is an ordinary one; its manifest is then read (and
            // reported) like any other file
            return new Probe(marker, null, marker ? List.of(read.problem()) : List.of());
        }
        TreeParser.ParseResult parsed = TreeParser.parseJson(read.text(), display);
        if (parsed.root() instanceof MapNode m && m.getMap("artifacts") != null) {
            return new Probe(true, m.getMap("artifacts"), parsed.findings());
        }
        if (!marker) {
            return new Probe(false, null, List.of());
        }
        List<Finding> fs = new ArrayList<>(parsed.findings());
        if (parsed.root() != null) {
            fs.add(FindingSink.finding(
                    InputRules.PARSE_SYNTAX,
                    "Cloud assembly manifest has no 'artifacts' object; its templates are read by file name",
                    parsed.root().span(),
                    "artifacts"));
        }
        return new Probe(true, null, fs);
    }

    /** Reads one assembly directory; false when it is not one. */
    private boolean readAssembly(Path dir, int depth) {
        Probe probe = probe(dir, workingDirectory);
        if (!probe.assembly()) {
            return false;
        }
        if (!visitedAssemblies.add(realOrSelf(dir))) {
            return true; // already read through another artifact
        }
        findings.addAll(probe.findings());
        Set<Path> read = new HashSet<>();
        Set<Path> nestedDirs = new HashSet<>();
        List<Path> children = children(dir);
        if (probe.artifacts() != null) {
            readArtifacts(dir, probe.artifacts(), depth, read, nestedDirs);
        } else {
            for (Path f : children) {
                String n = name(f);
                if (isTemplate(n) && Files.isRegularFile(f)) {
                    addTemplate(dir, f, stackName(n), depth);
                    read.add(f);
                }
            }
        }
        for (Path c : children) {
            if (!read.contains(c) && !nestedDirs.contains(c) && !templates.containsKey(c)) {
                skipped.add(c);
            }
        }
        return true;
    }

    private void readArtifacts(Path dir, MapNode artifacts, int depth, Set<Path> read, Set<Path> nestedDirs) {
        for (MapNode.Entry e : artifacts.entries()) {
            if (!(e.value() instanceof MapNode artifact)) {
                continue;
            }
            String type = artifact.getText("type");
            MapNode props = artifact.getMap("properties");
            if (STACK_ARTIFACT.equals(type)) {
                Node file = props == null ? null : props.get("templateFile");
                if (file == null || file.text() == null || file.text().isEmpty()) {
                    findings.add(FindingSink.finding(
                            InputRules.PARSE_SYNTAX,
                            "Stack artifact '" + e.key() + "' has no properties.templateFile; it is not read",
                            e.keySpan(),
                            "artifacts/" + e.key()));
                    continue;
                }
                Path template = resolve(
                        dir,
                        file,
                        "Template of stack artifact '" + e.key() + "'",
                        "artifacts/" + e.key() + "/properties/templateFile",
                        false);
                if (template != null) {
                    String display = artifact.getText("displayName");
                    addTemplate(dir, template, display == null || display.isEmpty() ? e.key() : display, depth);
                    read.add(template);
                }
            } else if (ASSEMBLY_ARTIFACT.equals(type)) {
                Node sub = props == null ? null : props.get("directoryName");
                if (sub == null || sub.text() == null || sub.text().isEmpty()) {
                    findings.add(FindingSink.finding(
                            InputRules.PARSE_SYNTAX,
                            "Nested assembly artifact '" + e.key()
                                    + "' has no properties.directoryName; it is not read",
                            e.keySpan(),
                            "artifacts/" + e.key()));
                    continue;
                }
                String path = "artifacts/" + e.key() + "/properties/directoryName";
                Path nested = resolve(dir, sub, "Nested assembly '" + e.key() + "'", path, true);
                if (nested == null) {
                    continue;
                }
                if (depth + 1 > MAX_NESTING) {
                    findings.add(FindingSink.finding(
                            InputRules.PARSE_LIMIT,
                            "Nested assembly '" + e.key() + "' is nested more than " + MAX_NESTING
                                    + " deep; it is not read",
                            sub.span(),
                            path));
                    continue;
                }
                nestedDirs.add(nested);
                if (!readAssembly(nested, depth + 1)) {
                    findings.add(FindingSink.finding(
                            InputRules.PARSE_LOCAL_PATH,
                            "Nested assembly '" + e.key() + "' (" + sub.text()
                                    + ") has no cloud assembly manifest; it is not read",
                            sub.span(),
                            path));
                    nestedDirs.remove(nested);
                }
            }
        }
    }

    /** Adds a template and, through its nested stack resources, the nested stack templates. */
    private void addTemplate(Path assemblyDir, Path template, String stackName, int depth) {
        if (templates.containsKey(template)) {
            return;
        }
        String display = Discovery.displayPath(workingDirectory, template);
        SourceText.Read read = SourceText.read(template, display);
        if (read.problem() != null || !read.text().contains(NESTED_STACK_TYPE)) {
            // an unreadable template is reported when the loader reads it
            templates.put(template, new StackTemplate(template, stackName, display, read.text(), null));
            return;
        }
        // parse problems are reported when the loader takes this parse; here only nested stacks are
        // looked for (parsed as the loader parses, so that it can take the parse as it is)
        TreeParser.ParseResult parsed = TreeParser.parseAuto(read.text(), display);
        templates.put(template, new StackTemplate(template, stackName, display, read.text(), parsed));
        if (!(parsed.root() instanceof MapNode root) || root.getMap("Resources") == null) {
            return;
        }
        for (MapNode.Entry e : root.getMap("Resources").entries()) {
            if (!(e.value() instanceof MapNode r) || !NESTED_STACK_TYPE.equals(r.getText("Type"))) {
                continue;
            }
            MapNode metadata = r.getMap("Metadata");
            Node asset = metadata == null ? null : metadata.get("aws:asset:path");
            if (asset == null || asset.text() == null || asset.text().isEmpty()) {
                continue; // a nested stack from a URL: nothing local to read
            }
            String path = "Resources/" + e.key() + "/Metadata/aws:asset:path";
            Path nested = resolve(assemblyDir, asset, "Nested stack template of '" + e.key() + "'", path, false);
            if (nested == null) {
                continue;
            }
            if (depth + 1 > MAX_NESTING) {
                findings.add(FindingSink.finding(
                        InputRules.PARSE_LIMIT,
                        "Nested stack '" + e.key() + "' is nested more than " + MAX_NESTING + " deep; it is not read",
                        asset.span(),
                        path));
                continue;
            }
            addTemplate(assemblyDir, nested, stackName + "/" + e.key(), depth + 1);
        }
    }

    /**
     * Resolves a path named in the assembly against its directory; a path that is missing, of the wrong
     * kind, or leaves the directory (also through a symlink) is a finding at the value, and {@code null}.
     */
    private Path resolve(Path dir, Node value, String what, String logicalPath, boolean directory) {
        Path p;
        try {
            p = dir.resolve(value.text()).normalize();
        } catch (InvalidPathException ex) {
            return fail(
                    InputRules.PARSE_LOCAL_PATH, what + " is not a valid path: " + value.text(), value, logicalPath);
        }
        if (!p.startsWith(dir) || p.equals(dir)) {
            return fail(
                    InputRules.PARSE_LOCAL_PATH,
                    what + " (" + value.text() + ") is outside the cloud assembly directory; it is not read",
                    value,
                    logicalPath);
        }
        boolean exists = directory ? Files.isDirectory(p) : Files.isRegularFile(p);
        if (!exists) {
            return fail(
                    InputRules.PARSE_LOCAL_PATH,
                    what + " (" + value.text() + ") does not exist" + (directory ? " as a directory" : "")
                            + "; it is not read",
                    value,
                    logicalPath);
        }
        try {
            if (!p.toRealPath().startsWith(dir.toRealPath())) {
                return fail(
                        InputRules.PARSE_LOCAL_PATH,
                        what + " (" + value.text()
                                + ") leads outside the cloud assembly directory through a link; it is not read",
                        value,
                        logicalPath);
            }
        } catch (IOException ex) {
            return fail(
                    InputRules.PARSE_LOCAL_PATH,
                    what + " (" + value.text() + ") cannot be resolved: "
                            + ex.getClass().getSimpleName() + "; it is not read",
                    value,
                    logicalPath);
        }
        return p;
    }

    private Path fail(RuleMetadata rule, String message, Node value, String logicalPath) {
        findings.add(FindingSink.finding(rule, message, value.span(), logicalPath));
        return null;
    }

    private List<Path> children(Path dir) {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path c : ds) {
                out.add(c.toAbsolutePath().normalize());
            }
        } catch (IOException | RuntimeException e) {
            String d = Discovery.displayPath(workingDirectory, dir);
            findings.add(FindingSink.finding(
                    InputRules.PARSE_SYNTAX, "Cannot list directory " + d + ": " + e, Span.ofFile(d), null));
        }
        out.sort(Comparator.comparing(Path::toString));
        return out;
    }

    private static Path realOrSelf(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p;
        }
    }

    private static String name(Path p) {
        Path f = p.getFileName();
        return f == null ? "" : f.toString();
    }
}
