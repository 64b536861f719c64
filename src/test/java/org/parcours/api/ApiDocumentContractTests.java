package org.parcours.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The published OpenAPI document (/api/openapi.json, public) against the controllers: every
 * endpoint of a controller of this package is in the document with its method, and the document
 * names no endpoint that does not exist. An endpoint hidden from the document, a path filter
 * that drops one, or a hand-made entry left behind fails here.
 */
@SpringBootTest
class ApiDocumentContractTests {

    @Autowired
    WebApplicationContext context;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    JsonMapper json;

    @Test
    void theDocumentListsExactlyTheEndpointsOfTheControllers() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        MockHttpServletResponse response = mvc.perform(get("/api/openapi.json")).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        JsonNode document = json.readTree(response.getContentAsString());
        assertThat(document.get("openapi").asString()).startsWith("3.");

        Set<String> documented = new TreeSet<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            if (Set.of("get", "put", "post", "delete", "patch").contains(operation.getKey())) {
                documented.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }));

        Set<String> implemented = new TreeSet<>();
        mappings.getHandlerMethods().forEach((RequestMappingInfo info, HandlerMethod method) -> {
            if (method.getBeanType().getPackageName().equals(ApiController.class.getPackageName())) {
                info.getPathPatternsCondition().getPatternValues().forEach(path -> info.getMethodsCondition().getMethods()
                        .forEach(verb -> implemented.add(verb.name() + " " + path)));
            }
        });

        assertThat(implemented).contains("POST /api/clients", "PUT /api/evaluations/{id}", "POST /api/webhooks");
        assertThat(documented).as("in the document").containsExactlyInAnyOrderElementsOf(implemented);
        assertThat(document.get("paths").get("/api/clients").get("post").get("parameters").valueStream()
                .map(p -> p.get("name").asString())).contains("Idempotency-Key");
    }

    /**
     * The committed docs/openapi.json is the document the app serves (its server address aside):
     * a change to the API that is not in the committed document fails the build. The served
     * document is written to target/openapi.json, to be copied over the committed one.
     */
    @Test
    void theCommittedDocumentIsTheOneTheAppServes() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        tools.jackson.databind.node.ObjectNode served = (tools.jackson.databind.node.ObjectNode)
                json.readTree(mvc.perform(get("/api/openapi.json")).andReturn().getResponse().getContentAsString());
        served.remove("servers");
        String text = json.writerWithDefaultPrettyPrinter().writeValueAsString(served) + "\n";
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target"));
        java.nio.file.Files.writeString(java.nio.file.Path.of("target/openapi.json"), text);

        java.nio.file.Path committed = java.nio.file.Path.of("docs/openapi.json");
        assertThat(committed).as("docs/openapi.json (copy it from target/openapi.json)").exists();
        assertThat(json.readTree(java.nio.file.Files.readString(committed)))
                .as("docs/openapi.json is not what the app serves: copy target/openapi.json over it").isEqualTo(served);
    }

    @Test
    void theMeasurementDateIsDescribedInTheSubmissionsRequestsAndAnswers() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        JsonNode document = json.readTree(mvc.perform(get("/api/openapi.json")).andReturn().getResponse().getContentAsString());
        JsonNode paths = document.get("paths");
        for (JsonNode operation : java.util.List.of(paths.get("/api/evaluations/drafts").get("post"), paths.get("/api/evaluations/{id}").get("put"),
                paths.get("/api/evaluations/{id}/submit").get("post"), paths.get("/api/evaluations").get("post"))) {
            JsonNode request = schema(document, operation.get("requestBody").get("content").get("application/json").get("schema"));
            assertThat(request.get("properties").has("measuredOn")).as(operation.get("summary").asString()).isTrue();
            assertThat(request.get("properties").get("measuredOn").get("format").asString()).isEqualTo("date");
            JsonNode answer = schema(document, operation.get("responses").properties().iterator().next().getValue()
                    .get("content").get("application/json").get("schema"));
            assertThat(answer.get("properties").has("measuredOn")).as(operation.get("summary").asString()).isTrue();
        }
        // the aid and contract drafts take no measurement date: their request schemas are their own
        assertThat(schema(document, paths.get("/api/aid-requests").get("post").get("requestBody").get("content").get("application/json")
                .get("schema")).get("properties").has("measuredOn")).isFalse();
        JsonNode listed = schema(document, paths.get("/api/forms/{key}/submissions").get("get").get("responses").get("200")
                .get("content").get("application/json").get("schema").get("items"));
        assertThat(listed.get("properties").get("measuredOn").get("format").asString()).isEqualTo("date");
    }

    /** A schema, followed through its {@code $ref} into the components. */
    private static JsonNode schema(JsonNode document, JsonNode schema) {
        if (!schema.has("$ref")) {
            return schema;
        }
        String name = schema.get("$ref").asString().substring("#/components/schemas/".length());
        return document.get("components").get("schemas").get(name);
    }
}
