package dev.faultline.parsers;

import dev.faultline.core.asl.StateMachine;
import dev.faultline.core.engine.AnalysisRequest;
import dev.faultline.core.engine.Project;
import dev.faultline.core.engine.SourceLoader;
import dev.faultline.core.model.InputFile;
import dev.faultline.core.model.InputKind;
import dev.faultline.core.model.Template;
import dev.faultline.core.rule.Finding;
import dev.faultline.core.rule.InputRules;
import dev.faultline.core.suppress.CommentSuppression;
import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Node;
import dev.faultline.core.tree.Span;
import dev.faultline.core.util.InOrder;
import dev.faultline.parsers.asl.AslLoadResult;
import dev.faultline.parsers.asl.AslLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Discovers, reads, parses and classifies the inputs of a request, in parallel, with results in
 * display-path order whatever the thread count. Registered for {@link java.util.ServiceLoader}.
 *
 * <p>A CDK cloud assembly is read through its manifest ({@link CdkAssemblyReader}); its entries that
 * are not templates (manifest, tree, asset manifests, metadata, the {@code cdk.out} marker,
 * {@code asset.*} directories) are not read but appear in {@link Project#files()} as
 * {@link InputKind#OTHER}, so that the number of files reported counts them.
 */
public class DefaultSourceLoader implements SourceLoader {

    /**
     * One file after reading: its classification, its tree ({@code null} when unreadable or
     * unparseable), its template when it is one, its FL-PARSE findings, and its text when its
     * template declares a state machine (positions inside a {@code DefinitionString} are worked out
     * from it) or it is a Serverless Framework service (its comments are read from it too); the texts
     * of other files are not kept ({@code null}).
     */
    public record LoadedFile(InputFile file, Node root, Template template, List<Finding> findings, String text) {
        public LoadedFile {
            findings = List.copyOf(findings);
        }

        /** A loaded file without its text. */
        public LoadedFile(InputFile file, Node root, Template template, List<Finding> findings) {
            this(file, root, template, findings, null);
        }
    }

    @Override
    public Project load(AnalysisRequest request) {
        Discovery.Result discovered = Discovery.discover(request);
        List<LoadedFile> loaded = loadAll(discovered.files(), request.threads());
        List<Finding> findings = new ArrayList<>(discovered.findings());
        Path wd = request.workingDirectory().toAbsolutePath().normalize();
        List<Path> inputs = inputDirectories(request, wd);
        ProjectRoot rootOf = new ProjectRoot(wd, inputs);
        List<LoadedFile> read = loaded;
        loaded = ServerlessServices.expand(loaded, wd, rootOf);
        List<CommentSuppression> comments = new ArrayList<>();
        Map<String, Node> rawRoots = null; // the trees as parsed, before expansion, by display path
        for (LoadedFile f : loaded) {
            if (f.file().kind() == InputKind.SERVERLESS) {
                if (rawRoots == null) {
                    rawRoots = new HashMap<>();
                    for (LoadedFile r : read) {
                        rawRoots.put(r.file().displayPath(), r.root());
                    }
                }
                comments.addAll(
                        commentSuppressions(f.file(), rawRoots.get(f.file().displayPath()), f.text()));
            }
        }
        loaded = NestedTemplates.withChildren(loaded, wd, rootOf, findings);
        List<InputFile> files = new ArrayList<>(loaded.size());
        List<Template> templates = new ArrayList<>();
        for (LoadedFile f : loaded) {
            files.add(f.file());
            if (f.template() != null) {
                templates.add(f.template());
            }
        }
        Set<Path> definitionFiles = new HashSet<>();
        List<StateMachine> machines = loadStateMachines(loaded, findings, definitionFiles, rootOf, request.threads());
        for (LoadedFile f : loaded) {
            // a definition file a template reads was parsed and reported there, with its substitutions
            if (f.findings().isEmpty()
                    || f.template() != null
                    || !definitionFiles.contains(
                            f.file().path().toAbsolutePath().normalize())) {
                findings.addAll(f.findings());
            }
        }
        // entries of CDK cloud assemblies that are not templates: not read as inputs, counted as
        // OTHER, except file assets that a template's state machine reads as its definition
        Set<Path> definitions = new HashSet<>();
        for (StateMachine m : machines) {
            definitions.add(m.file().path().toAbsolutePath().normalize());
        }
        for (Discovery.Candidate c : discovered.skipped()) {
            boolean asl = definitions.contains(c.path().toAbsolutePath().normalize());
            files.add(new InputFile(c.path(), c.displayPath(), asl ? InputKind.ASL : InputKind.OTHER));
        }
        files.sort(new java.util.Comparator<InputFile>() {
            @Override
            public int compare(InputFile a, InputFile b) {
                return a.displayPath().compareTo(b.displayPath());
            }
        });
        findings.sort(Finding.ORDER);
        return new Project(files, templates, machines, findings, comments);
    }

    /**
     * The {@code # faultline-ignore} comments of a Serverless Framework file, from the text the loader
     * read ({@code text}), or read again, as the loader reads files, for an included file that was not kept.
     */
    private static List<CommentSuppression> commentSuppressions(InputFile file, Node root, String text) {
        if (root == null) {
            return List.of();
        }
        String t = text != null
                ? text
                : SourceText.read(file.path(), file.displayPath()).text();
        // a file that cannot be read again (it was read once already) is left without comments
        return t == null ? List.of() : CommentSuppressions.of(t, root, file.displayPath());
    }

    /** The directories of a request's input paths (a file's parent), absolute. */
    private static List<Path> inputDirectories(AnalysisRequest request, Path wd) {
        List<Path> dirs = new ArrayList<>(request.paths().size());
        for (Path written : request.paths()) {
            Path p = (written.isAbsolute() ? written : wd.resolve(written)).normalize();
            dirs.add(Files.isDirectory(p) ? p : (p.getParent() == null ? p : p.getParent()));
        }
        return List.copyOf(dirs);
    }

    /** {@link #projectRoot} of a file, for one request's working directory and inputs. */
    private static final class ProjectRoot implements java.util.function.Function<Path, Path> {
        private final Path wd;
        private final List<Path> inputs;

        ProjectRoot(Path wd, List<Path> inputs) {
            this.wd = wd;
            this.inputs = inputs;
        }

        @Override
        public Path apply(Path file) {
            return projectRoot(file, wd, inputs);
        }
    }

    /**
     * The directory a template's local paths may not leave: the working directory when the file is
     * inside it (the usual case: linting one's own repository), else the deepest input path that
     * holds the file (linting a checkout elsewhere, e.g. {@code faultline lint ../other-repo}).
     */
    static Path projectRoot(Path file, Path workingDirectory, List<Path> inputs) {
        Path abs = file.toAbsolutePath().normalize();
        if (abs.startsWith(workingDirectory)) {
            return workingDirectory;
        }
        Path best = null;
        for (Path in : inputs) {
            if (abs.startsWith(in) && (best == null || in.getNameCount() > best.getNameCount())) {
                best = in;
            }
        }
        return best != null ? best : (abs.getParent() == null ? abs : abs.getParent());
    }

    /**
     * Where state machines are loaded: standalone ASL files ({@link InputKind#ASL}) and definitions
     * inside templates ({@code AWS::StepFunctions::StateMachine}, {@code AWS::Serverless::StateMachine})
     * by the ASL loader (package {@code dev.faultline.parsers.asl}), which adds its FL-PARSE findings
     * to {@code findings}. {@code DefinitionUri} paths may not leave the project root that
     * {@code rootOf} gives a template (see {@link #projectRoot}: the working directory for files
     * inside it, else the input path the file was found under). Machines come by file, then resource
     * order; a standalone file that a template also loads through {@code DefinitionUri} is kept only
     * in the template's machine (which knows its resource, type and substitutions), and the local
     * definition files the templates read are added to {@code definitionFiles}.
     */
    private List<StateMachine> loadStateMachines(
            List<LoadedFile> loaded,
            List<Finding> findings,
            Set<Path> definitionFiles,
            java.util.function.Function<Path, Path> rootOf,
            int threads) {
        List<StateMachine> fromTemplates = new ArrayList<>();
        List<StateMachine> out = new ArrayList<>();
        // each template's machines are loaded independently: in parallel, used in file order
        List<LoadedFile> withTemplates = new ArrayList<>();
        for (LoadedFile f : loaded) {
            if (f.template() != null) {
                withTemplates.add(f);
            }
        }
        List<AslLoadResult> results = InOrder.map(
                withTemplates,
                threads,
                "faultline-load",
                f -> AslLoader.load(f.template(), rootOf.apply(f.file().path()), f.text()));
        int k = 0;
        for (LoadedFile f : loaded) {
            if (f.template() != null) {
                AslLoadResult r = results.get(k++);
                findings.addAll(r.findings());
                definitionFiles.addAll(r.read());
                fromTemplates.addAll(r.machines());
            }
        }
        int next = 0;
        for (LoadedFile f : loaded) {
            if (f.template() != null) {
                while (next < fromTemplates.size() && fromTemplates.get(next).template() == f.template()) {
                    out.add(fromTemplates.get(next++));
                }
            } else if (f.file().kind() == InputKind.ASL
                    && f.root() instanceof MapNode root
                    && !definitionFiles.contains(
                            f.file().path().toAbsolutePath().normalize())) {
                out.add(AslLoader.loadStandalone(f.file(), root));
            }
        }
        return out;
    }

    /** Reads and parses every candidate; the result list is in the candidates' order. */
    public static List<LoadedFile> loadAll(List<Discovery.Candidate> candidates, int threads) {
        return InOrder.map(candidates, threads, "faultline-parse", DefaultSourceLoader::loadSafely);
    }

    /** {@link #loadOne} that turns anything unexpected into a located finding on the file. */
    private static LoadedFile loadSafely(Discovery.Candidate c) {
        try {
            return loadOne(c);
        } catch (RuntimeException | StackOverflowError e) {
            return failed(c, "Internal error while reading: " + e);
        }
    }

    private static LoadedFile failed(Discovery.Candidate c, String message) {
        InputFile file = new InputFile(c.path(), c.displayPath(), InputKind.UNPARSEABLE);
        return new LoadedFile(
                file,
                null,
                null,
                List.of(FindingSink.finding(InputRules.PARSE_SYNTAX, message, Span.ofFile(c.displayPath()), null)));
    }

    /** Reads, parses and classifies one file; never throws. */
    public static LoadedFile loadOne(Discovery.Candidate c) {
        TreeParser.ParseResult parsed = c.parsed();
        String text = c.text();
        if (parsed == null) {
            if (text == null) {
                SourceText.Read read = SourceText.read(c.path(), c.displayPath());
                if (read.problem() != null) {
                    return new LoadedFile(
                            new InputFile(c.path(), c.displayPath(), InputKind.UNPARSEABLE),
                            null,
                            null,
                            List.of(read.problem()));
                }
                text = read.text();
            }
            parsed = TreeParser.parseAuto(text, c.displayPath());
            if (parsed.root() == null
                    && !c.cdk()
                    && onlySyntaxErrors(parsed.findings())
                    && !Classifier.mayBeInput(c.path().getFileName().toString(), text)) {
                // not well-formed and nothing says it is a template or definition: a file of
                // another tool (a tsconfig.json with comments), counted but not reported
                return new LoadedFile(new InputFile(c.path(), c.displayPath(), InputKind.OTHER), null, null, List.of());
            }
        }
        InputKind kind = Classifier.classify(parsed.root(), c.cdk());
        InputFile file = new InputFile(c.path(), c.displayPath(), kind);
        Template template = null;
        if (kind == InputKind.CLOUDFORMATION || kind == InputKind.SAM || kind == InputKind.CDK) {
            template = TemplateModelBuilder.build(file, (MapNode) parsed.root(), c.stackName());
        }
        return new LoadedFile(
                file, parsed.root(), template, parsed.findings(), keepsText(kind, template) ? text : null);
    }

    /** Whether every finding is a syntax error (not a limit, which is reported for any file). */
    private static boolean onlySyntaxErrors(List<Finding> findings) {
        for (Finding f : findings) {
            if (!InputRules.PARSE_SYNTAX.id().equals(f.ruleId())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a file's text is kept after parsing: a template that declares a state machine (a
     * {@code DefinitionString} is placed in it) and a Serverless Framework service (its comment
     * suppressions and state machine definitions are read from it), so that neither is read twice.
     */
    private static boolean keepsText(InputKind kind, Template template) {
        return kind == InputKind.SERVERLESS || (template != null && AslLoader.declaresStateMachine(template));
    }
}
