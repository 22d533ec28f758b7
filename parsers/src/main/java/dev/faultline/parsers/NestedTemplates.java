package dev.faultline.parsers;

import dev.faultline.core.model.NestedStacks;
import dev.faultline.core.model.Resource;
import dev.faultline.core.model.Template;
import dev.faultline.core.rule.Finding;
import dev.faultline.core.rule.InputRules;
import dev.faultline.core.tree.Node;
import dev.faultline.core.tree.ScalarNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The local templates that nested stacks name ({@code AWS::CloudFormation::Stack} {@code TemplateURL},
 * {@code AWS::Serverless::Application} {@code Location}, as {@code aws cloudformation package} and
 * {@code sam build} accept them): a template that is not an input of the run yet is read too, once,
 * so that {@code faultline lint parent.yaml} sees its children. A local path that does not exist or
 * leaves the project root (also through a link) is an FL-PARSE-004 finding at the value and is not
 * read. Only a literal path is followed: remote locations ({@code https://}, {@code s3://}), SAR
 * applications, dynamic references and values built by intrinsics are not. CDK nested stacks are read with their assembly.
 */
final class NestedTemplates {

    private NestedTemplates() {}

    /**
     * {@code loaded} with the nested templates its templates name, in display-path order (the new
     * files' own parse findings stay in their {@link DefaultSourceLoader.LoadedFile}); findings about
     * bad paths go to {@code findings}.
     */
    static List<DefaultSourceLoader.LoadedFile> withChildren(
            List<DefaultSourceLoader.LoadedFile> loaded,
            Path workingDirectory,
            Function<Path, Path> rootOf,
            List<Finding> findings) {
        List<DefaultSourceLoader.LoadedFile> all = new ArrayList<>(loaded);
        Set<Path> known = null; // the files read so far, made at the first local nested stack
        List<DefaultSourceLoader.LoadedFile> todo = new ArrayList<>(loaded);
        boolean added = false;
        for (int depth = 0; depth < CdkAssemblyReader.MAX_NESTING && !todo.isEmpty(); depth++) {
            List<DefaultSourceLoader.LoadedFile> next = new ArrayList<>();
            for (DefaultSourceLoader.LoadedFile f : todo) {
                Template t = f.template();
                if (t == null || t.stackName() != null || !hasLocalNestedStack(t)) {
                    continue;
                }
                if (known == null) {
                    known = new HashSet<>();
                    for (DefaultSourceLoader.LoadedFile k : loaded) {
                        known.add(k.file().path().toAbsolutePath().normalize());
                    }
                }
                for (Path child : children(t, rootOf.apply(f.file().path()), findings)) {
                    if (known.add(child)) {
                        DefaultSourceLoader.LoadedFile c = DefaultSourceLoader.loadOne(new Discovery.Candidate(
                                child, Discovery.displayPath(workingDirectory, child), false, null));
                        all.add(c);
                        next.add(c);
                        added = true;
                    }
                }
            }
            todo = next;
        }
        if (added) {
            all.sort(Comparator.comparing(f -> f.file().displayPath()));
        }
        return all;
    }

    /** Whether a resource of {@code t} is a nested stack that names a local template. */
    private static boolean hasLocalNestedStack(Template t) {
        if (!NestedStacks.hasNestedStacks(t)) {
            return false;
        }
        for (Resource r : t.allResources()) {
            if (NestedStacks.localTemplate(r) != null) {
                return true;
            }
        }
        return false;
    }

    /** The local files the nested stacks of {@code t} name that exist inside {@code root}. */
    private static List<Path> children(Template t, Path root, List<Finding> findings) {
        List<Path> out = new ArrayList<>(0);
        for (Resource r : t.allResources()) {
            String location = NestedStacks.localTemplate(r);
            if (location == null) {
                continue;
            }
            String key = NestedStacks.locationProperty(r);
            Node value = r.property(key);
            if (!(value instanceof ScalarNode written) || !location.equals(written.value())) {
                continue; // a CDK asset path: read with its assembly, never on its own
            }
            String path = r.logicalPath() + "/Properties/" + key;
            Path file;
            try {
                Path dir = t.file().path().toAbsolutePath().normalize().getParent();
                file = dir.resolve(location).normalize();
            } catch (InvalidPathException e) {
                findings.add(bad(r, value, path, "'" + location + "' is not a valid path"));
                continue;
            }
            Path top = root.toAbsolutePath().normalize();
            if (!file.startsWith(top)) {
                findings.add(bad(r, value, path, "'" + location + "' is outside the project root; it is not read"));
                continue;
            }
            if (!Files.isRegularFile(file)) {
                findings.add(bad(r, value, path, "'" + location + "' does not exist"));
                continue;
            }
            try {
                if (!file.toRealPath().startsWith(top.toRealPath())) {
                    findings.add(bad(
                            r,
                            value,
                            path,
                            "'" + location + "' leads outside the project root through a link; it is not read"));
                    continue;
                }
            } catch (IOException e) {
                findings.add(bad(r, value, path, "'" + location + "' cannot be resolved: " + e.getMessage()));
                continue;
            }
            out.add(file);
        }
        return out;
    }

    private static Finding bad(Resource r, Node at, String path, String why) {
        return new Finding(
                InputRules.PARSE_LOCAL_PATH.id(),
                InputRules.PARSE_LOCAL_PATH.severity(),
                "Nested stack '" + r.logicalId() + "' template path " + why + ".",
                at.span(),
                r.logicalId(),
                r.cdkPath(),
                path,
                null,
                null);
    }
}
