package dev.faultline.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;

/**
 * The Faultline version: the {@code Implementation-Version} of the jar's manifest, else (classes run
 * from a directory, as in the build's tests) a resource the build fills in from {@code
 * ${project.version}}.
 */
final class Version implements CommandLine.IVersionProvider {

    private static final String RESOURCE = "version.properties";

    static String get() {
        // the shaded jar's manifest (already read by the JVM to start it); a resource lookup costs a
        // noticeable part of a one-template lint's start-up
        Package pkg = Version.class.getPackage();
        String fromManifest = pkg == null ? null : pkg.getImplementationVersion();
        if (fromManifest != null && "faultline".equals(pkg.getImplementationTitle())) {
            return fromManifest;
        }
        try (InputStream in = Version.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the jar is missing dev/faultline/cli/" + RESOURCE);
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version");
            if (v == null || v.startsWith("${")) {
                throw new IllegalStateException("dev/faultline/cli/" + RESOURCE + " was not filtered by the build");
            }
            return v;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dev/faultline/cli/" + RESOURCE, e);
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {"faultline " + get()};
    }
}
