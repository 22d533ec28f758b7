package dev.faultline.parsers;

import dev.faultline.core.engine.AnalysisRequest;
import dev.faultline.core.rule.Finding;
import dev.faultline.core.rule.InputRules;
import dev.faultline.core.tree.Span;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Expands the paths of a request into the files to read: directories recursively, with include and
 * exclude globs and the default excludes; symlinks are followed only when they stay inside the root
 * being walked and do not lead back into a directory already walked.
 */
public final class Discovery {

    /** Candidates in the order of their display paths. */
    private static final Comparator<Candidate> BY_DISPLAY_PATH = new Comparator<>() {
        @Override
        public int compare(Candidate a, Candidate b) {
            return a.displayPath().compareTo(b.displayPath());
        }
    };

    /** Directory entries in the order of their paths as strings. */
    private static final Comparator<Path> BY_NAME = new Comparator<>() {
        @Override
        public int compare(Path a, Path b) {
            return a.toString().compareTo(b.toString());
        }
    };

    /** Directory names never walked into, wherever they are. */
    public static final Set<String> DEFAULT_EXCLUDED_DIRS =
            Set.of("node_modules", ".git", ".aws-sam", ".serverless", "target");

    /** File name endings linted when no include glob is given. */
    public static final List<String> DEFAULT_SUFFIXES = List.of(".yaml", ".yml", ".json", ".template");

    /**
     * One file to read.
     *
     * @param path        the file on disk
     * @param displayPath relative to the working directory, {@code /}-separated
     * @param cdk         whether it is a template of a CDK cloud assembly
     * @param stackName   the CDK stack name, or {@code null}
     * @param text        the file's text when discovery has read it already (a CDK template, read
     *                    for its nested stacks), else {@code null}: the loader reads it then
     * @param parsed      its parse when discovery has parsed it already (for the same display path),
     *                    else {@code null}: the loader parses it then
     */
    public record Candidate(
            Path path, String displayPath, boolean cdk, String stackName, String text, TreeParser.ParseResult parsed) {

        /** A file that has not been read yet. */
        public Candidate(Path path, String displayPath, boolean cdk, String stackName) {
            this(path, displayPath, cdk, stackName, null, null);
        }
    }

    /**
     * The files found, the findings about paths that could not be walked, and the entries skipped
     * without being read: the bookkeeping files and {@code asset.*} directories of CDK cloud
     * assemblies (see {@link CdkAssemblyReader}), sorted by display path. The loader reports skipped
     * entries as {@link dev.faultline.core.model.InputKind#OTHER} files, so they are counted.
     */
    public record Result(List<Candidate> files, List<Finding> findings, List<Candidate> skipped) {
        public Result {
            files = List.copyOf(files);
            findings = List.copyOf(findings);
            skipped = List.copyOf(skipped);
        }

        public Result(List<Candidate> files, List<Finding> findings) {
            this(files, findings, List.of());
        }
    }

    /** Faultline's own configuration file names: settings, never inputs. */
    public static final Set<String> CONFIG_FILE_NAMES = Set.of(".faultline.yml", ".faultline.yaml");

    private final Path workingDirectory;
    private final String baselinePath;
    private final List<PathMatcher[]> includes;
    private final List<PathMatcher[]> excludes;
    private final Map<String, Candidate> found = new LinkedHashMap<>();
    private final Map<String, Candidate> skipped = new LinkedHashMap<>();
    private final List<Finding> findings = new ArrayList<>();

    private Discovery(AnalysisRequest request) {
        this.workingDirectory = request.workingDirectory().toAbsolutePath().normalize();
        this.baselinePath = request.suppressions().baselinePath();
        this.includes = matchers(request.includes());
        this.excludes = matchers(request.excludes());
    }

    /** Finds every input of a request, sorted by display path. */
    public static Result discover(AnalysisRequest request) {
        Discovery d = new Discovery(request);
        for (Path p : request.paths()) {
            d.walkRoot(p);
        }
        List<Candidate> files = new ArrayList<>(d.found.values());
        files.sort(BY_DISPLAY_PATH);
        List<Candidate> skippedEntries = new ArrayList<>();
        for (Candidate c : d.skipped.values()) {
            if (!d.found.containsKey(c.displayPath())) {
                skippedEntries.add(c);
            }
        }
        skippedEntries.sort(BY_DISPLAY_PATH);
        List<Finding> findings = new ArrayList<>(d.findings);
        findings.sort(Finding.ORDER);
        return new Result(files, findings, skippedEntries);
    }

    /**
     * A glob matched against a {@code /}-separated relative path; a leading {@code **}{@code /} also
     * matches at the top level, and {@code a/**}{@code /b} also matches {@code a/b} (JDK globs alone
     * would not).
     */
    static PathMatcher[] matcher(String glob) {
        String g = glob.replace('\\', '/');
        List<PathMatcher> ms = new ArrayList<>(3);
        ms.add(FileSystems.getDefault().getPathMatcher("glob:" + g));
        if (g.startsWith("**/")) {
            ms.add(FileSystems.getDefault().getPathMatcher("glob:" + g.substring(3)));
        }
        if (g.contains("/**/")) {
            // as in .gitignore, a/**/b also matches a/b
            ms.add(FileSystems.getDefault().getPathMatcher("glob:" + g.replace("/**/", "/")));
        }
        return ms.toArray(new PathMatcher[0]);
    }

    private static List<PathMatcher[]> matchers(List<String> globs) {
        List<PathMatcher[]> list = new ArrayList<>();
        for (String g : globs) {
            list.add(matcher(g));
        }
        return list;
    }

    static boolean matchesAny(List<PathMatcher[]> matchers, String relative) {
        if (matchers.isEmpty()) {
            return false;
        }
        Path p = Path.of(relative);
        for (PathMatcher[] ms : matchers) {
            for (PathMatcher m : ms) {
                if (m.matches(p)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The display path: relative to the working directory with {@code /} separators, also for files
     * outside it ({@code ../shared/corpus/x.yaml}); absolute only when no relative path exists (another
     * drive or file-system root).
     */
    public static String displayPath(Path workingDirectory, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path wd = workingDirectory.toAbsolutePath().normalize();
        Path shown;
        if (abs.startsWith(wd)) {
            shown = wd.relativize(abs);
        } else if (abs.getRoot() != null && abs.getRoot().equals(wd.getRoot())) {
            shown = wd.relativize(abs);
        } else {
            shown = abs;
        }
        String s = shown.toString().replace('\\', '/');
        return s.isEmpty() ? "." : s;
    }

    private void walkRoot(Path given) {
        Path abs = given.toAbsolutePath().normalize();
        String display = displayPath(workingDirectory, abs);
        if (!Files.exists(abs)) {
            findings.add(FindingSink.finding(
                    InputRules.PARSE_SYNTAX, "Path does not exist: " + display, Span.ofFile(display), null));
            return;
        }
        if (!Files.isDirectory(abs)) {
            // a file named on the command line is always read, whatever its name; a template of a
            // cloud assembly is read as CDK, with the stack name its manifest gives it
            Path parent = abs.getParent();
            CdkAssemblyReader.Assembly assembly =
                    parent == null ? null : CdkAssemblyReader.read(parent, workingDirectory);
            if (assembly != null) {
                for (CdkAssemblyReader.StackTemplate t : assembly.templates()) {
                    if (t.path().equals(abs)) {
                        addCdk(t, display);
                        return;
                    }
                }
                if (CdkAssemblyReader.isTemplate(name(abs))) {
                    found.putIfAbsent(
                            display, new Candidate(abs, display, true, CdkAssemblyReader.stackName(name(abs))));
                    return;
                }
            }
            add(abs, display, false);
            return;
        }
        Path rootReal;
        try {
            rootReal = abs.toRealPath();
        } catch (IOException e) {
            unreadable("Cannot read directory ", display, e);
            return;
        }
        Set<Path> visited = new HashSet<>();
        Deque<Dir> work = new ArrayDeque<>();
        work.push(new Dir(abs, rootReal, display));
        while (!work.isEmpty()) {
            Dir dir = work.pop();
            Path real = dir.real();
            if (real == null) {
                try {
                    real = dir.path().toRealPath();
                } catch (IOException e) {
                    unreadable("Cannot read directory ", dir.display(), e);
                    continue;
                }
            }
            if (!real.startsWith(rootReal) || !visited.add(real)) {
                continue; // a symlink out of the root, or back into a directory already walked
            }
            List<Path> children = new ArrayList<>();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir.path())) {
                for (Path c : ds) {
                    children.add(c);
                }
            } catch (IOException | RuntimeException e) {
                unreadable("Cannot list directory ", dir.display(), e);
                continue;
            }
            // a directory is a cloud assembly only with a manifest: look for one among the names
            // listed rather than asking the file system for every directory
            if (hasManifest(children)) {
                CdkAssemblyReader.Assembly assembly = CdkAssemblyReader.read(dir.path(), workingDirectory);
                if (assembly != null) {
                    addAssembly(assembly);
                    continue; // an assembly is read through its manifest, never file by file
                }
            }
            children.sort(BY_NAME);
            boolean append = appendsNames(dir);
            for (int i = children.size() - 1; i >= 0; i--) {
                Path c = children.get(i);
                String n = name(c);
                String rel = append ? childDisplay(dir.display(), n) : displayPath(workingDirectory, c);
                // one lstat per entry; a symbolic link is followed with one stat more
                BasicFileAttributes attrs = attributes(c, LinkOption.NOFOLLOW_LINKS);
                boolean link = attrs != null && attrs.isSymbolicLink();
                if (link) {
                    attrs = attributes(c);
                }
                if (attrs == null) {
                    continue; // vanished while walking, unreadable, or a dangling link: nothing to read
                }
                if (attrs.isDirectory()) {
                    if (DEFAULT_EXCLUDED_DIRS.contains(n) || matchesAny(excludes, rel)) {
                        continue;
                    }
                    if (link && !insideRoot(c, rootReal)) {
                        continue;
                    }
                    // a real directory's real path is its parent's plus its name; a link's is looked up
                    work.push(new Dir(c, link ? null : real.resolve(n), rel));
                } else if (attrs.isRegularFile()) {
                    if (link && !insideRoot(c, rootReal)) {
                        continue;
                    }
                    if (matchesAny(excludes, rel) || !included(n, rel)) {
                        continue;
                    }
                    add(c, rel, false);
                }
            }
        }
    }

    private static boolean hasManifest(List<Path> children) {
        for (Path c : children) {
            if (CdkAssemblyReader.MANIFEST.equals(name(c))) {
                return true;
            }
        }
        return false;
    }

    /** An FL-PARSE-001 finding about a directory that cannot be walked. */
    private void unreadable(String what, String display, Exception e) {
        findings.add(
                FindingSink.finding(InputRules.PARSE_SYNTAX, what + display + ": " + e, Span.ofFile(display), null));
    }

    /**
     * Whether the display paths of a directory's entries are its own plus their names, as
     * {@link #displayPath} would give them: always, except below a directory that holds the working
     * directory (an entry may then be the working directory or lie inside it) or a file-system root.
     */
    private boolean appendsNames(Dir dir) {
        return !dir.display().endsWith("/")
                && (!workingDirectory.startsWith(dir.path()) || workingDirectory.equals(dir.path()));
    }

    private static String childDisplay(String parent, String name) {
        String n = name.replace('\\', '/');
        return parent.equals(".") ? n : parent + '/' + n;
    }

    /** A directory to walk: its path, its real path when already known, and its display path. */
    private record Dir(Path path, Path real, String display) {}

    private static BasicFileAttributes attributes(Path p, LinkOption... options) {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, options);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Adds the templates of an assembly (those the exclude and include globs let through) and counts
     * the rest as skipped, with the findings about its manifest.
     */
    private void addAssembly(CdkAssemblyReader.Assembly assembly) {
        findings.addAll(assembly.findings());
        for (CdkAssemblyReader.StackTemplate t : assembly.templates()) {
            String rel = displayPath(workingDirectory, t.path());
            if (!matchesAny(excludes, rel) && included(name(t.path()), rel)) {
                addCdk(t, rel);
            }
        }
        for (Path p : assembly.skipped()) {
            String rel = displayPath(workingDirectory, p);
            skipped.putIfAbsent(rel, new Candidate(p, rel, false, null));
        }
    }

    private static boolean insideRoot(Path link, Path rootReal) {
        try {
            return link.toRealPath().startsWith(rootReal);
        } catch (IOException e) {
            return false; // a dangling link: nothing to read
        }
    }

    private boolean included(String name, String rel) {
        if (!includes.isEmpty()) {
            return matchesAny(includes, rel);
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (String s : DEFAULT_SUFFIXES) {
            if (lower.endsWith(s)) {
                return true;
            }
        }
        return false;
    }

    private void add(Path file, String display, boolean cdk) {
        if (CONFIG_FILE_NAMES.contains(name(file)) || display.equals(baselinePath)) {
            return; // the configuration file and the baseline are settings of this run, not inputs
        }
        found.putIfAbsent(
                display, new Candidate(file, display, cdk, cdk ? CdkAssemblyReader.stackName(name(file)) : null));
    }

    /** A template of an assembly, with the text and parse its reader made (the parse only when shown the same way). */
    private void addCdk(CdkAssemblyReader.StackTemplate t, String display) {
        TreeParser.ParseResult parsed = display.equals(t.displayPath()) ? t.parsed() : null;
        found.putIfAbsent(display, new Candidate(t.path(), display, true, t.stackName(), t.text(), parsed));
    }

    private static String name(Path p) {
        Path f = p.getFileName();
        return f == null ? "" : f.toString();
    }
}
