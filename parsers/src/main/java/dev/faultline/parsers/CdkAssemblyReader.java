package dev.faultline.parsers;

import dev.faultline.core.tree.MapNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * CDK cloud assemblies ({@code cdk.out}): a directory whose {@code manifest.json} has
 * {@code artifacts}. For now its {@code *.template.json} files are linted as templates and the
 * bookkeeping files are skipped; reading the manifest itself (stack names, nested assemblies, asset
 * metadata) is meant to grow here.
 */
public final class CdkAssemblyReader {

    /** Largest manifest we read to decide whether a directory is an assembly. */
    private static final long MAX_MANIFEST_BYTES = 16L * 1024 * 1024;

    private CdkAssemblyReader() {
    }

    /** Whether {@code dir} holds a cloud assembly manifest. Unreadable manifests count as "no". */
    public static boolean isAssembly(Path dir) {
        Path manifest = dir.resolve("manifest.json");
        try {
            if (!Files.isRegularFile(manifest, LinkOption.NOFOLLOW_LINKS) || Files.size(manifest) > MAX_MANIFEST_BYTES) {
                return false;
            }
            String text = new String(Files.readAllBytes(manifest), StandardCharsets.UTF_8);
            TreeParser.ParseResult r = TreeParser.parseJson(text, "manifest.json");
            return r.root() instanceof MapNode m && m.has("artifacts");
        } catch (IOException e) {
            // an unreadable manifest: treat the directory as an ordinary one, its files are still linted
            return false;
        }
    }

    /** Whether a sub-directory of an assembly is skipped (staged assets). */
    public static boolean skipDirectory(String name) {
        return name.startsWith("asset.");
    }

    /** Whether a file of an assembly is one of its templates. */
    public static boolean isTemplate(String name) {
        return name.endsWith(".template.json");
    }

    /** Whether a file of an assembly is bookkeeping (never linted, never counted). */
    public static boolean isBookkeeping(String name) {
        return name.equals("manifest.json") || name.equals("tree.json") || name.endsWith(".assets.json")
                || name.endsWith(".metadata.json") || name.equals("validation-report.json") || name.equals("cdk.out");
    }

    /** The stack (artifact) name of a template file: {@code OrdersStack.template.json} → {@code OrdersStack}. */
    public static String stackName(String fileName) {
        return isTemplate(fileName) ? fileName.substring(0, fileName.length() - ".template.json".length()) : null;
    }
}
