package dev.faultline.parsers;

import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Node;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The file assets of a CDK cloud assembly, read from its asset manifests ({@code *.assets.json}):
 * each file asset has a {@code source.path} in the assembly directory and, per destination, the
 * {@code objectKey} it is published under. A template refers to an asset by that key (e.g.
 * {@code DefinitionS3Location: {Bucket: ..., Key: <hash>.json}}).
 */
public final class CdkAssets {

    private CdkAssets() {
    }

    /**
     * The {@code source.path} (relative to {@code assemblyDir}) of the file asset published under
     * {@code objectKey}, or null when no asset manifest of the directory names that key. Manifests
     * that cannot be read or parsed are skipped (the loader reports nothing about bookkeeping files).
     */
    public static String sourcePath(Path assemblyDir, String objectKey) {
        if (assemblyDir == null || objectKey == null || objectKey.isEmpty()) {
            return null;
        }
        for (Path manifest : manifests(assemblyDir)) {
            SourceText.Read read = SourceText.read(manifest, manifest.getFileName().toString());
            if (read.problem() != null) {
                continue;
            }
            Node root = TreeParser.parseJson(read.text(), manifest.getFileName().toString()).root();
            MapNode files = root instanceof MapNode m ? m.getMap("files") : null;
            if (files == null) {
                continue;
            }
            for (MapNode.Entry e : files.entries()) {
                if (!(e.value() instanceof MapNode asset)) {
                    continue;
                }
                MapNode source = asset.getMap("source");
                MapNode destinations = asset.getMap("destinations");
                String path = source == null ? null : source.getText("path");
                if (path == null || destinations == null || !"file".equals(source.getText("packaging"))) {
                    continue;
                }
                for (MapNode.Entry d : destinations.entries()) {
                    if (d.value() instanceof MapNode dest && objectKey.equals(dest.getText("objectKey"))) {
                        return path;
                    }
                }
            }
        }
        return null;
    }

    private static List<Path> manifests(Path dir) {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.assets.json")) {
            for (Path p : ds) {
                out.add(p);
            }
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        out.sort(null);
        return out;
    }
}
