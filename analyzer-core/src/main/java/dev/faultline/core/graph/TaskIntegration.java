package dev.faultline.core.graph;

import dev.faultline.core.asl.TaskCall;

/**
 * What a {@code taskTarget} edge's Task state calls ({@link TaskCall}: integration, service, action,
 * pattern, effect), read from its {@code Resource}; where that is only a placeholder, the target
 * decides (a function is a Lambda call, an activity an activity task).
 *
 * @param call the call
 */
public record TaskIntegration(TaskCall call) implements Edge.Written {}
