package dev.faultline.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Span;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TemplateTest {

    private static final Span AT = new Span("t.yaml", 1, 1, 1, 2);

    private static Resource resource(String id, String type) {
        MapNode empty = MapNode.empty(AT);
        return new Resource(id, type, empty, empty, null, List.of(), empty, AT, null);
    }

    @Test
    void theResourceTypesAreAlwaysThoseOfTheResources() {
        Map<String, Resource> resources = new LinkedHashMap<>();
        resources.put("Q", resource("Q", "AWS::SQS::Queue"));
        resources.put("F", resource("F", "AWS::Serverless::Function"));
        resources.put("X", resource("X", null)); // no type: nothing to declare
        InputFile file = new InputFile(Path.of("t.yaml"), "t.yaml", InputKind.SAM);
        MapNode root = MapNode.empty(AT);
        // the canonical constructor does not take the types it is given: they cannot disagree
        Template given = new Template(
                file, root, true, Map.of(), root, root, root, resources, root, root, null, Set.of("AWS::SNS::Topic"));
        Template made = new Template(file, root, true, Map.of(), root, root, root, resources, root, root, null);
        for (Template t : List.of(given, made)) {
            assertThat(t.resourceTypes()).containsExactlyInAnyOrder("AWS::SQS::Queue", "AWS::Serverless::Function");
            assertThat(t.declares("AWS::SQS::Queue")).isTrue();
            assertThat(t.declares("AWS::SNS::Topic")).isFalse();
            assertThat(t.declaresTypeStartingWith("AWS::Serverless::")).isTrue();
            assertThat(t.declaresTypeStartingWith("AWS::StepFunctions::")).isFalse();
        }
        assertThat(given).isEqualTo(made);
    }
}
