package org.parcours.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description served at /api/openapi.json and browsed at /api/docs. */
@Configuration
class OpenApiConfig {

    @Bean
    OpenAPI parcoursOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Parcours API").version("1")
                        .description("Clients, evaluations, form versions and submissions, with the roles and teams of the token's user. "
                                + "Create a token in the application (API tokens) and send it as 'Authorization: Bearer <token>'."))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
