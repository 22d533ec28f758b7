package dev.faultline.core.asl;

import dev.faultline.core.tree.MapNode;
import java.util.List;

/** One entry of a state's {@code Retry}: its error names and its located body. */
public record Retrier(List<String> errorEquals, MapNode body, int index) {}
