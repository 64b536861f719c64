package org.parcours;

import java.time.Clock;

import org.parcours.formcheck.FormsCheckCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
public class ParcoursApplication {

    public static void main(String[] args) {
        if (FormsCheckCommand.handles(args)) {
            // a command-line tool for form authors and CI: no Spring context, no database, no web server
            System.exit(FormsCheckCommand.run(args, System.out, System.err));
        }
        SpringApplication.run(ParcoursApplication.class, args);
    }

    /** One clock for the whole application, so tests can pin time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
