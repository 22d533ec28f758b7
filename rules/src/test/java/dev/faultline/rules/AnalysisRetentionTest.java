package dev.faultline.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.engine.AnalysisRequest;
import dev.faultline.core.engine.AnalysisResult;
import dev.faultline.core.engine.Analyzer;
import dev.faultline.core.graph.ResourceGraph;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Nothing keeps an analysis alive once its result is dropped: a long-lived JVM (the Maven plugin, a
 * benchmark) runs one analysis after another on the same threads, and a graph kept by a rule's
 * per-thread memo kept every tree of that analysis alive through the next.
 */
class AnalysisRetentionTest {

    @Test
    void theGraphOfAnEndedAnalysisCanBeCollected() throws InterruptedException {
        Path examples = dev.faultline.fixtures.TestData.cdkSynth().resolve("sfn-workflow");
        // one thread: the rules run on this thread, which lives on after the analysis
        AnalysisResult result = Analyzer.fromClassPath()
                .analyze(AnalysisRequest.of(examples, List.of(examples)).withThreads(1));
        assertThat(result.graph().stateMachines()).isNotEmpty();
        WeakReference<ResourceGraph> graph = new WeakReference<>(result.graph());
        result = null;
        for (int i = 0; i < 20 && graph.get() != null; i++) {
            System.gc();
            // System.gc() is only a request: with -XX:+ExplicitGCInvokesConcurrent (or a collector that
            // collects concurrently) it returns before the cycle that clears the reference has ended,
            // so each try gives that cycle a moment; a graph still reachable fails after 20 tries
            Thread.sleep(20);
        }
        assertThat(graph.get()).as("the graph of the ended analysis").isNull();
    }
}
