package org.parcours.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description served at /api/openapi.json and browsed at /api/docs (both public; docs/api.md). */
@Configuration
class OpenApiConfig {

    @Bean
    OpenAPI parcoursOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Parcours API").version("1")
                        .description("Clients, submissions (evaluations, CASU aid requests, MASP contracts), form versions, webhooks and imports of past "
                                + "measurements, "
                                + "with the roles and teams of the token's user. Create a token in the application (API tokens) and send "
                                + "it as 'Authorization: Bearer <token>'. Errors are RFC 9457 problem details (application/problem+json) "
                                + "with errors[].pointer; drafts need If-Match with their version; POSTs take an Idempotency-Key; "
                                + "lists take limit/cursor (Link rel=next) and updated-since. See docs/api.md."))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    /** The Idempotency-Key header ({@link IdempotencyFilter}) on every POST it applies to. */
    @Bean
    OpenApiCustomizer idempotencyKeyHeader() {
        return api -> api.getPaths().forEach((path, item) -> {
            if (item.getPost() != null && !"/api/clients/search".equals(path)) {
                item.getPost().addParametersItem(new HeaderParameter().name(IdempotencyFilter.HEADER).required(false)
                        .description("Any unique text (at most 200 characters): a retry with the same key and body returns the first "
                                + "answer and changes nothing; the same key with another body is 422. Kept 24 hours.")
                        .schema(new StringSchema().maxLength(200)));
            }
        });
    }
}
