package org.parcours;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
public class ParcoursApplication {

    public static void main(String[] args) {
        SpringApplication.run(ParcoursApplication.class, args);
    }

    /** One clock for the whole application, so tests can pin time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
