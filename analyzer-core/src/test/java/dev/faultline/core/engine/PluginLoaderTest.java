package dev.faultline.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.core.graph.NodeKind;
import dev.faultline.core.rule.Rule;
import dev.faultline.core.rule.RuleMetadata;
import dev.faultline.core.rule.Severity;
import dev.faultline.core.rule.Subscription;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("integration")
class PluginLoaderTest {

    @TempDir
    Path tmp;

    /** A built-in rule for the clash test. */
    static final class BuiltIn implements Rule {
        @Override
        public RuleMetadata metadata() {
            return RuleMetadata.builder("ACME-SQS-001").name("Taken").severity(Severity.WARNING)
                    .summary("s").rationale("r").howToFix("h").build();
        }

        @Override
        public Subscription subscription() {
            return Subscription.nodes(NodeKind.QUEUE);
        }
    }

    private static String ruleSource(String cls, String id, String constructorBody) {
        return "package acme;\n"
                + "import dev.faultline.core.rule.*;\n"
                + "import dev.faultline.core.graph.*;\n"
                + "public final class " + cls + " implements Rule {\n"
                + "  public " + cls + "() { " + constructorBody + " }\n"
                + "  public RuleMetadata metadata() { return RuleMetadata.builder(\"" + id + "\").name(\"" + cls
                + "\").severity(Severity.WARNING).summary(\"s\").rationale(\"r\").howToFix(\"h\").build(); }\n"
                + "  public Subscription subscription() { return Subscription.nodes(NodeKind.QUEUE); }\n"
                + "}\n";
    }

    /** Compiles the rule sources and packs them with a services file listing {@code services}. */
    private Path jar(String name, Map<String, String> sources, String services) throws IOException {
        Path src = Files.createDirectories(tmp.resolve(name + "-src/acme"));
        Path out = Files.createDirectories(tmp.resolve(name + "-classes"));
        List<String> args = new ArrayList<>(List.of("-d", out.toString(), "-cp", System.getProperty("java.class.path"),
                "--release", "17", "-nowarn"));
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Path f = src.resolve(e.getKey() + ".java");
            Files.writeString(f, e.getValue());
            args.add(f.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac.run(null, null, null, args.toArray(String[]::new))).isZero();
        Path jar = tmp.resolve(name + ".jar");
        try (JarOutputStream jos = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> classes = Files.walk(out)) {
            for (Path c : classes.filter(Files::isRegularFile).sorted().toList()) {
                jos.putNextEntry(new JarEntry(out.relativize(c).toString().replace('\\', '/')));
                Files.copy(c, jos);
                jos.closeEntry();
            }
            if (services != null) {
                jos.putNextEntry(new JarEntry("META-INF/services/dev.faultline.core.rule.Rule"));
                OutputStream os = jos;
                os.write(services.getBytes(StandardCharsets.UTF_8));
                jos.closeEntry();
            }
        }
        return jar;
    }

    private static RuleRegistry builtIns() {
        return RuleRegistry.of(List.of(new BuiltIn()));
    }

    private static RuleRegistry plus(RuleRegistry r, Path... jars) throws PluginException {
        Map<Path, String> m = new LinkedHashMap<>();
        for (Path j : jars) {
            m.put(j, j.getFileName().toString());
        }
        return r.withPlugins(new PluginLoader(), m);
    }

    @Test
    void loadsThePluginRulesAndRemembersTheirJar() throws Exception {
        Path jar = jar("good", Map.of("Dlq", ruleSource("Dlq", "ACME-SQS-002", "")), "acme.Dlq\n");
        RuleRegistry r = plus(builtIns(), jar);
        assertThat(r.rule("ACME-SQS-002")).isNotNull();
        assertThat(r.rule("ACME-SQS-002").getClass().getClassLoader()).isNotSameAs(getClass().getClassLoader());
        assertThat(r.origin("ACME-SQS-002")).contains("good.jar");
        assertThat(r.origin("ACME-SQS-001")).isEmpty();
        assertThat(r.rules()).extracting(x -> x.metadata().id()).containsSubsequence("ACME-SQS-001", "ACME-SQS-002");
        assertThat(builtIns().exists("ACME-SQS-002")).as("the original registry is unchanged").isFalse();
    }

    @Test
    void anIdTakenByABuiltInRuleIsRefused() throws Exception {
        Path jar = jar("clash", Map.of("Clash", ruleSource("Clash", "ACME-SQS-001", "")), "acme.Clash\n");
        assertThatThrownBy(() -> plus(builtIns(), jar)).isInstanceOf(PluginException.class)
                .hasMessage("plugin clash.jar: rule ACME-SQS-001 (acme.Clash) has the same id as a built-in rule");
    }

    @Test
    void anIdTakenByAnotherPluginIsRefused() throws Exception {
        Path a = jar("a", Map.of("One", ruleSource("One", "ACME-SNS-001", "")), "acme.One\n");
        Path b = jar("b", Map.of("Two", ruleSource("Two", "ACME-SNS-001", "")), "acme.Two\n");
        assertThatThrownBy(() -> plus(builtIns(), a, b))
                .hasMessage("plugin b.jar: rule ACME-SNS-001 (acme.Two) has the same id as a rule of plugin a.jar");
    }

    @Test
    void theReservedPrefixIsRefused() throws Exception {
        Path jar = jar("fl", Map.of("Mine", ruleSource("Mine", "FL-SQS-901", "")), "acme.Mine\n");
        assertThatThrownBy(() -> plus(builtIns(), jar)).hasMessageStartingWith(
                "plugin fl.jar: rule FL-SQS-901 (acme.Mine) uses the prefix FL-, which is reserved");
    }

    @Test
    void aRuleThatThrowsInItsConstructorIsNamed() throws Exception {
        Path jar = jar("boom", Map.of("Boom", ruleSource("Boom", "ACME-SQS-003",
                "if (true) { throw new IllegalStateException(\"no config\"); }")), "acme.Boom\n");
        assertThatThrownBy(() -> plus(builtIns(), jar))
                .hasMessage("plugin boom.jar: rule acme.Boom cannot be created: IllegalStateException: no config");
    }

    @Test
    void badMetadataIsNamed() throws Exception {
        Path jar = jar("badid", Map.of("Bad", ruleSource("Bad", "acme-1", "")), "acme.Bad\n");
        assertThatThrownBy(() -> plus(builtIns(), jar)).hasMessageStartingWith(
                "plugin badid.jar: rule acme.Bad cannot describe itself: IllegalArgumentException: rule id must look like");
    }

    @Test
    void aRegisteredClassThatDoesNotExistIsABadRegistration() throws Exception {
        Path jar = jar("missing", Map.of("Dlq", ruleSource("Dlq", "ACME-SQS-002", "")), "acme.Nope\n");
        assertThatThrownBy(() -> plus(builtIns(), jar))
                .hasMessageStartingWith("plugin missing.jar: bad rule registration: ServiceConfigurationError: ")
                .hasMessageContaining("acme.Nope");
    }

    @Test
    void aJarWithoutRulesIsRefused() throws Exception {
        Path jar = jar("empty", Map.of("Dlq", ruleSource("Dlq", "ACME-SQS-002", "")), null);
        assertThatThrownBy(() -> plus(builtIns(), jar)).hasMessage(
                "plugin empty.jar: registers no rule (expected META-INF/services/dev.faultline.core.rule.Rule)");
    }

    @Test
    void aMissingFileOrANonJarIsRefused() throws Exception {
        assertThatThrownBy(() -> plus(builtIns(), tmp.resolve("nope.jar")))
                .hasMessage("plugin nope.jar: no such file");
        Path text = Files.writeString(tmp.resolve("text.jar"), "not a zip");
        assertThatThrownBy(() -> plus(builtIns(), text)).isInstanceOf(PluginException.class)
                .hasMessageStartingWith("plugin text.jar: not a readable jar (");
    }

    @Test
    void aRuleOnTheClassPathMayNotUseTheReservedPrefix() throws Exception {
        Path jar = jar("cp", Map.of("Mine", ruleSource("Mine", "FL-SQS-901", "")), "acme.Mine\n");
        try (java.net.URLClassLoader cl = new java.net.URLClassLoader(new java.net.URL[] {jar.toUri().toURL()},
                getClass().getClassLoader())) {
            assertThatThrownBy(() -> RuleRegistry.load(cl)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("acme.Mine uses the id FL-SQS-901");
        }
    }

    @Test
    void aRuleOnTheClassPathThatThrowsIsAClearError() throws Exception {
        Path jar = jar("cpboom", Map.of("Boom", ruleSource("Boom", "ACME-SQS-003",
                "if (true) { throw new IllegalStateException(\"no config\"); }")), "acme.Boom\n");
        try (java.net.URLClassLoader cl = new java.net.URLClassLoader(new java.net.URL[] {jar.toUri().toURL()},
                getClass().getClassLoader())) {
            assertThatThrownBy(() -> RuleRegistry.load(cl)).isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("cannot load a rule: ").hasMessageEndingWith("no config");
        }
    }
}
