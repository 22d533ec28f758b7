package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressLineTest {

    @Test
    void theLineIsRewrittenInPlaceAndErasedOnClose() throws Exception {
        StringWriter err = new StringWriter();
        ProgressLine line = new ProgressLine(new PrintWriter(err), 0);
        line.status("read 3 files; linting 2 templates and 1 state machines");
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!err.toString().contains("linting") && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        line.close();
        String text = err.toString();
        assertThat(text).startsWith("\r\u001b[Kfaultline: ").contains("read 3 files; linting 2 templates")
                .endsWith("\r\u001b[K").doesNotContain("\n");
        line.close();
        assertThat(err.toString()).isEqualTo(text);
    }

    @Test
    void aShortRunShowsNothing() {
        StringWriter err = new StringWriter();
        try (ProgressLine line = new ProgressLine(new PrintWriter(err))) {
            line.status("reading files");
        }
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void withProgressOnTheReportAndSummaryAreUnchanged() {
        Path repo = Path.of("").toAbsolutePath().getParent();
        String[] args = {"lint", "examples/sam-orders"};
        StringWriter out1 = new StringWriter();
        StringWriter err1 = new StringWriter();
        int c1 = new Main(new CliEnvironment(new PrintWriter(out1), new PrintWriter(err1), repo, Map.of(), false,
                dev.faultline.core.engine.Analyzer::fromClassPath, dev.faultline.core.engine.RuleRegistry::load, true))
                .run(args);
        StringWriter out2 = new StringWriter();
        StringWriter err2 = new StringWriter();
        int c2 = new Main(new CliEnvironment(new PrintWriter(out2), new PrintWriter(err2), repo, Map.of(), false,
                dev.faultline.core.engine.Analyzer::fromClassPath, dev.faultline.core.engine.RuleRegistry::load))
                .run(args);
        assertThat(c1).isEqualTo(c2);
        assertThat(out1.toString()).isEqualTo(out2.toString()).doesNotContain("\r");
        // whatever the line showed was erased before the summary
        String summary = err2.toString();
        assertThat(err1.toString()).endsWith(summary);
        String before = err1.toString().substring(0, err1.toString().length() - summary.length());
        assertThat(before.isEmpty() || before.endsWith("\r\u001b[K")).as(before).isTrue();
    }
}
