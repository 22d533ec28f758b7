package dev.faultline.parsers.asl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.asl.StateMachine;
import dev.faultline.core.model.InputFile;
import dev.faultline.core.model.InputKind;
import dev.faultline.core.model.Template;
import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Node;
import dev.faultline.core.tree.Span;
import dev.faultline.parsers.TemplateModelBuilder;
import dev.faultline.parsers.TreeParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes, parses and loads test inputs. */
final class AslTestSupport {

    private AslTestSupport() {}

    static Path write(Path dir, String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    static MapNode parse(Path file, String display) throws IOException {
        TreeParser.ParseResult r = TreeParser.parseAuto(Files.readString(file, StandardCharsets.UTF_8), display);
        assertThat(r.findings()).isEmpty();
        return r.root().asMap();
    }

    static Template template(Path root, String name) throws IOException {
        Path file = root.resolve(name);
        return TemplateModelBuilder.build(new InputFile(file, name, InputKind.CLOUDFORMATION), parse(file, name), null);
    }

    static AslLoadResult load(Path root, String name) throws IOException {
        return AslLoader.load(template(root, name), root);
    }

    static StateMachine standalone(Path root, String name) throws IOException {
        Path file = root.resolve(name);
        return AslLoader.loadStandalone(new InputFile(file, name, InputKind.ASL), parse(file, name));
    }

    /** The text a span covers, read from the file on disk. */
    static String covered(Path root, Span s) throws IOException {
        String[] lines =
                Files.readString(root.resolve(s.file()), StandardCharsets.UTF_8).split("\n", -1);
        if (s.line() == s.endLine()) {
            return lines[s.line() - 1].substring(s.column() - 1, s.endColumn() - 1);
        }
        StringBuilder b = new StringBuilder(lines[s.line() - 1].substring(s.column() - 1));
        for (int l = s.line(); l < s.endLine() - 1; l++) {
            b.append('\n').append(lines[l]);
        }
        return b.append('\n')
                .append(lines[s.endLine() - 1], 0, s.endColumn() - 1)
                .toString();
    }

    static String pos(Node n) {
        return pos(n.span());
    }

    static String pos(Span s) {
        return s.file() + ":" + s.line() + ":" + s.column();
    }
}
