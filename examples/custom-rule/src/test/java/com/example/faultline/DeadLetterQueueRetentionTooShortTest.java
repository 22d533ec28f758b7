package com.example.faultline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.faultline.fixtures.FixtureHarness;
import dev.faultline.fixtures.MetadataExamples;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeadLetterQueueRetentionTooShortTest {

    @Test
    void queues() {
        FixtureHarness.assertFixture(Path.of("src/test/resources/fixtures/ACME-SQS-001/queues.yaml"));
    }

    /** What {@code faultline explain ACME-SQS-001} shows is true: the bad example fires, the good one does not. */
    @Test
    void examples(@TempDir Path dir) {
        assertEquals(List.of(), MetadataExamples.fromClassPath().problems(DeadLetterQueueRetentionTooShort.METADATA, dir));
    }
}
