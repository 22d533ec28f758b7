package dev.faultline.core.report;

import dev.faultline.core.engine.AnalysisResult;
import dev.faultline.core.engine.ToolError;
import dev.faultline.core.model.InputFile;
import dev.faultline.core.model.InputKind;
import dev.faultline.core.rule.Finding;
import dev.faultline.core.rule.RuleMetadata;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML as CI servers render it: one {@code testsuite "faultline"}, one {@code testcase} per
 * (file, rule) with findings whose {@code failure} lists every finding as
 * {@code file:line:col: severity message}, one passing testcase per template or definition without findings,
 * and one erroring testcase per tool error. Only findings at or above the run's {@code --fail-on}
 * ({@link ReportContext#failOn()}) are failures: a (file, rule) with only lower findings is a passing
 * testcase that lists them in its {@code system-out}, so a CI server agrees with the exit code.
 * With {@code includeSuppressed}, a (file, rule) whose findings are all suppressed is a skipped
 * testcase. Order is by file, then rule id.
 */
public final class JunitReporter implements Reporter {

    private static final String NL = "\n";

    @Override
    public void write(AnalysisResult result, ReportContext ctx, Writer out) throws IOException {
        Map<String, Map<String, List<Finding>>> byFile = new TreeMap<>();
        for (Finding f : result.findings()) {
            if (f.suppressed() && !ctx.includeSuppressed()) {
                continue;
            }
            byFile.computeIfAbsent(f.file(), k -> new TreeMap<>())
                    .computeIfAbsent(f.ruleId(), k -> new ArrayList<>()).add(f);
        }
        TreeSet<String> cleanFiles = new TreeSet<>();
        for (InputFile file : result.files()) {
            // files that are not templates or definitions (package.json, ...) were not linted: no testcase
            if (file.kind() != InputKind.OTHER && !byFile.containsKey(file.displayPath())) {
                cleanFiles.add(file.displayPath());
            }
        }
        Map<String, RuleMetadata> rules = new HashMap<>();
        for (RuleMetadata m : result.rules()) {
            rules.put(m.id(), m);
        }

        int tests = cleanFiles.size() + result.toolErrors().size();
        int failures = 0;
        int skipped = 0;
        for (Map<String, List<Finding>> perRule : byFile.values()) {
            for (List<Finding> fs : perRule.values()) {
                tests++;
                if (fs.stream().allMatch(Finding::suppressed)) {
                    skipped++;
                } else if (fs.stream().anyMatch(f -> !f.suppressed() && ctx.fails(f.severity()))) {
                    failures++;
                }
            }
        }

        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters(NL);
            x.writeStartElement("testsuites");
            attrs(x, tests, failures, result.toolErrors().size(), skipped);
            x.writeCharacters(NL + "  ");
            x.writeStartElement("testsuite");
            x.writeAttribute("name", "faultline");
            attrs(x, tests, failures, result.toolErrors().size(), skipped);
            for (Map.Entry<String, Map<String, List<Finding>>> file : byFile.entrySet()) {
                for (Map.Entry<String, List<Finding>> rule : file.getValue().entrySet()) {
                    writeCase(x, ctx, file.getKey(), rule.getKey(), rules.get(rule.getKey()), rule.getValue());
                }
            }
            for (String file : cleanFiles) {
                x.writeCharacters(NL + "    ");
                x.writeEmptyElement("testcase");
                x.writeAttribute("classname", file);
                x.writeAttribute("name", "faultline");
                x.writeAttribute("file", file);
            }
            for (ToolError e : result.toolErrors()) {
                x.writeCharacters(NL + "    ");
                x.writeStartElement("testcase");
                x.writeAttribute("classname", "faultline");
                x.writeAttribute("name", "internal error in " + e.ruleId());
                x.writeCharacters(NL + "      ");
                x.writeStartElement("error");
                x.writeAttribute("message", e.location() + ": " + e.message());
                x.writeAttribute("type", "ToolError");
                x.writeCharacters(e.location() + ": " + e.message());
                x.writeEndElement();
                x.writeCharacters(NL + "    ");
                x.writeEndElement();
            }
            x.writeCharacters(NL + "  ");
            x.writeEndElement();
            x.writeCharacters(NL);
            x.writeEndElement();
            x.writeCharacters(NL);
            x.writeEndDocument();
            x.flush();
            x.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write JUnit XML: " + e.getMessage(), e);
        }
        out.flush();
    }

    private static void attrs(XMLStreamWriter x, int tests, int failures, int errors, int skipped)
            throws XMLStreamException {
        x.writeAttribute("tests", Integer.toString(tests));
        x.writeAttribute("failures", Integer.toString(failures));
        x.writeAttribute("errors", Integer.toString(errors));
        x.writeAttribute("skipped", Integer.toString(skipped));
    }

    private static void writeCase(XMLStreamWriter x, ReportContext ctx, String file, String ruleId, RuleMetadata m,
                                  List<Finding> findings) throws XMLStreamException {
        x.writeCharacters(NL + "    ");
        x.writeStartElement("testcase");
        x.writeAttribute("classname", file);
        x.writeAttribute("name", m == null ? ruleId : ruleId + " " + m.name());
        x.writeAttribute("file", file);
        List<Finding> active = findings.stream().filter(f -> !f.suppressed()).toList();
        List<Finding> failing = active.stream().filter(f -> ctx.fails(f.severity())).toList();
        x.writeCharacters(NL + "      ");
        if (active.isEmpty()) {
            x.writeEmptyElement("skipped");
            x.writeAttribute("message", "suppressed: " + findings.get(0).suppression());
        } else if (failing.isEmpty()) {
            // below --fail-on: the run passes, so does the testcase; the findings are still shown
            x.writeStartElement("system-out");
            x.writeCharacters(body(findings));
            x.writeEndElement();
        } else {
            Finding first = failing.get(0);
            x.writeStartElement("failure");
            x.writeAttribute("message", location(first) + ": " + first.message()
                    + (active.size() > 1 ? " (and " + (active.size() - 1) + " more)" : ""));
            x.writeAttribute("type", first.severity().label());
            x.writeCharacters(body(findings));
            x.writeEndElement();
        }
        x.writeCharacters(NL + "    ");
        x.writeEndElement();
    }

    /** Every finding of a testcase, one per line, as the text format writes it. */
    private static String body(List<Finding> findings) {
        StringBuilder body = new StringBuilder();
        for (Finding f : findings) {
            body.append(NL).append(location(f)).append(": ").append(f.severity().label()).append(' ')
                    .append(f.ruleId()).append(' ').append(f.message());
            if (f.suppressed()) {
                body.append(" [suppressed: ").append(f.suppression()).append(']');
            }
        }
        return body.append(NL).append("      ").toString();
    }

    private static String location(Finding f) {
        return f.file() + ":" + f.span().line() + ":" + f.span().column();
    }
}
