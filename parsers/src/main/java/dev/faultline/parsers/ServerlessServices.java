package dev.faultline.parsers;

import dev.faultline.core.graph.ServerlessExpander;
import dev.faultline.core.model.InputFile;
import dev.faultline.core.model.InputKind;
import dev.faultline.core.model.Template;
import dev.faultline.core.rule.Finding;
import dev.faultline.core.rule.InputRules;
import dev.faultline.core.tree.MapNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The Serverless Framework services of a run: each file classified {@link InputKind#SERVERLESS} is
 * resolved ({@link ServerlessReader}) and expanded into its template ({@link ServerlessExpander}).
 * The files a service includes through {@code ${file(...)}} are part of it: they are not linted on
 * their own (no template of theirs, so nothing is reported twice) and are listed as
 * {@link InputKind#SERVERLESS}. YAML anchors, aliases and merge keys, which the framework accepts,
 * are not reported in these files.
 */
final class ServerlessServices {

    private ServerlessServices() {}

    static List<DefaultSourceLoader.LoadedFile> expand(
            List<DefaultSourceLoader.LoadedFile> loaded, Path workingDirectory, Function<Path, Path> rootOf) {
        boolean any = false;
        for (DefaultSourceLoader.LoadedFile f : loaded) {
            any |= f.file().kind() == InputKind.SERVERLESS;
        }
        if (!any) {
            return loaded;
        }
        Map<Path, DefaultSourceLoader.LoadedFile> byPath = new HashMap<>();
        for (DefaultSourceLoader.LoadedFile f : loaded) {
            byPath.put(f.file().path().toAbsolutePath().normalize(), f);
        }
        Set<Path> included = new HashSet<>();
        Map<Path, DefaultSourceLoader.LoadedFile> expanded = new HashMap<>();
        List<Finding> outside = new ArrayList<>();
        for (DefaultSourceLoader.LoadedFile f : loaded) {
            if (f.file().kind() != InputKind.SERVERLESS || !(f.root() instanceof MapNode root)) {
                continue;
            }
            Path path = f.file().path().toAbsolutePath().normalize();
            ServerlessReader.Result r = ServerlessReader.read(
                    path,
                    rootOf.apply(f.file().path()),
                    root,
                    p -> {
                        DefaultSourceLoader.LoadedFile known = byPath.get(p);
                        if (known != null) {
                            return new ServerlessReader.Parsed(known.root(), known.findings());
                        }
                        DefaultSourceLoader.LoadedFile read = DefaultSourceLoader.loadOne(
                                new Discovery.Candidate(p, Discovery.displayPath(workingDirectory, p), false, null));
                        outside.addAll(withoutAliasFindings(read.findings()));
                        return new ServerlessReader.Parsed(read.root(), read.findings());
                    },
                    p -> Discovery.displayPath(workingDirectory, p));
            included.addAll(r.included());
            Template t = ServerlessExpander.expand(f.file(), r.root());
            List<Finding> findings = new ArrayList<>(withoutAliasFindings(f.findings()));
            findings.addAll(r.findings());
            expanded.put(path, new DefaultSourceLoader.LoadedFile(f.file(), r.root(), t, findings, f.text()));
        }
        List<DefaultSourceLoader.LoadedFile> out = new ArrayList<>(loaded.size());
        for (DefaultSourceLoader.LoadedFile f : loaded) {
            Path path = f.file().path().toAbsolutePath().normalize();
            DefaultSourceLoader.LoadedFile e = expanded.get(path);
            if (e != null) {
                out.add(e);
            } else if (included.contains(path)) {
                InputFile part = new InputFile(f.file().path(), f.file().displayPath(), InputKind.SERVERLESS);
                out.add(new DefaultSourceLoader.LoadedFile(
                        part, f.root(), null, withoutAliasFindings(f.findings()), f.text()));
            } else {
                out.add(f);
            }
        }
        if (!outside.isEmpty()) {
            // parse problems of included files that are not inputs themselves: reported with the service
            DefaultSourceLoader.LoadedFile first = out.get(0);
            List<Finding> all = new ArrayList<>(first.findings());
            all.addAll(outside);
            out.set(
                    0,
                    new DefaultSourceLoader.LoadedFile(
                            first.file(), first.root(), first.template(), all, first.text()));
        }
        return out;
    }

    /** The findings except those about YAML anchors, aliases and merge keys (the framework accepts them). */
    static List<Finding> withoutAliasFindings(List<Finding> findings) {
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            boolean alias = f.ruleId().equals(InputRules.PARSE_INTRINSIC.id())
                    && (f.message().startsWith("YAML alias '*") && !f.message().contains("refers to no anchor")
                            || f.message().startsWith("YAML anchor '&")
                            || f.message().startsWith("YAML merge key"));
            if (!alias) {
                out.add(f);
            }
        }
        return out;
    }
}
