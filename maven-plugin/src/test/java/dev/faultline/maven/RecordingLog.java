package dev.faultline.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.Log;

/** A {@link Log} that keeps every line as {@code LEVEL text}. */
final class RecordingLog implements Log {

    final List<String> lines = new ArrayList<>();

    private void add(String level, CharSequence content, Throwable error) {
        lines.add(level + " " + content + (error == null ? "" : " " + error));
    }

    List<String> at(String level) {
        return lines.stream()
                .filter(l -> l.startsWith(level + " "))
                .map(l -> l.substring(level.length() + 1))
                .toList();
    }

    @Override
    public boolean isDebugEnabled() {
        return true;
    }

    @Override
    public void debug(CharSequence c) {
        add("DEBUG", c, null);
    }

    @Override
    public void debug(CharSequence c, Throwable e) {
        add("DEBUG", c, e);
    }

    @Override
    public void debug(Throwable e) {
        add("DEBUG", "", e);
    }

    @Override
    public boolean isInfoEnabled() {
        return true;
    }

    @Override
    public void info(CharSequence c) {
        add("INFO", c, null);
    }

    @Override
    public void info(CharSequence c, Throwable e) {
        add("INFO", c, e);
    }

    @Override
    public void info(Throwable e) {
        add("INFO", "", e);
    }

    @Override
    public boolean isWarnEnabled() {
        return true;
    }

    @Override
    public void warn(CharSequence c) {
        add("WARN", c, null);
    }

    @Override
    public void warn(CharSequence c, Throwable e) {
        add("WARN", c, e);
    }

    @Override
    public void warn(Throwable e) {
        add("WARN", "", e);
    }

    @Override
    public boolean isErrorEnabled() {
        return true;
    }

    @Override
    public void error(CharSequence c) {
        add("ERROR", c, null);
    }

    @Override
    public void error(CharSequence c, Throwable e) {
        add("ERROR", c, e);
    }

    @Override
    public void error(Throwable e) {
        add("ERROR", "", e);
    }
}
