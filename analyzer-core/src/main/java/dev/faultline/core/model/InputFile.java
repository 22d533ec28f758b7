package dev.faultline.core.model;

import java.nio.file.Path;

/**
 * One input file: where it is on disk, the display path used in every report (relative to the
 * working directory, {@code /}-separated), and what it was classified as.
 */
public record InputFile(Path path, String displayPath, InputKind kind) {}
