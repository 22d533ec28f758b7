package com.example.faultline;

import dev.faultline.fixtures.FixtureHarness;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DeadLetterQueueRetentionTooShortTest {

    @Test
    void queues() {
        FixtureHarness.assertFixture(Path.of("src/test/resources/fixtures/ACME-SQS-001/queues.yaml"));
    }
}
