package dev.faultline.parsers.asl;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds a file that a path names in another letter case ({@code statemachine/orders.asl.json} for
 * {@code StateMachine/Orders.asl.json}), below a root, component by component. A component that
 * exists as written is taken as written; otherwise the one entry of its directory that equals it
 * ignoring case. Two or more such entries, or none, mean no match.
 */
final class CasePaths {

    private CasePaths() {}

    /**
     * @param root the directory the search stays in (the project root)
     * @param file a normalized path below {@code root} that does not exist as written
     * @return the existing regular file it names in another letter case, or null
     */
    static Path find(Path root, Path file) {
        if (!file.startsWith(root)) {
            return null;
        }
        Path current = root;
        for (Path part : root.relativize(file)) {
            String name = part.toString();
            Path exact = current.resolve(name);
            if (Files.exists(exact)) {
                current = exact;
                continue;
            }
            Path match = null;
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(current)) {
                for (Path e : entries) {
                    if (e.getFileName().toString().equalsIgnoreCase(name)) {
                        if (match != null) {
                            return null; // ambiguous
                        }
                        match = e;
                    }
                }
            } catch (IOException | SecurityException e) {
                return null;
            }
            if (match == null) {
                return null;
            }
            current = match;
        }
        return Files.isRegularFile(current) ? current : null;
    }
}
