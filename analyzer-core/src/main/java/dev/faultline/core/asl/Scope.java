package dev.faultline.core.asl;

import dev.faultline.core.tree.MapNode;
import java.util.Map;

/**
 * A set of states with a {@code StartAt}: the top level of a machine, one Parallel branch, or a
 * Map processor. {@code states} keep file order.
 *
 * @param body        the located object holding {@code StartAt} and {@code States}
 * @param startAt     the {@code StartAt} text, or null
 * @param states      the states by name
 * @param logicalPath where the scope sits ({@code Resources/M/Properties/Definition} or
 *                    {@code .../States/Fan/Branches/0})
 * @param owner       the Parallel or Map state holding it, or null for the top level
 */
public record Scope(MapNode body, String startAt, Map<String, State> states, String logicalPath, State owner) {}
