package dev.faultline.core.asl;

import dev.faultline.core.tree.MapNode;
import java.util.List;

/** One entry of a state's {@code Catch}: its error names, the {@code Next} state and its body. */
public record Catcher(List<String> errorEquals, String next, MapNode body, int index) {}
