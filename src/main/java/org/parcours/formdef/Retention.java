package org.parcours.formdef;

import java.time.Period;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * How long answers are kept ({@code privacy: retention:} in YAML): {@code keep} an ISO period or
 * the path of a policy value holding one, counted from an event, then erased or anonymised.
 *
 * @param keep the period as written: {@code P5Y} or a policy path such as {@code retention.health}
 */
public record Retention(String keep, Event after, Action then) {

    /** The period: the written one, or the policy value the path names. */
    public Period period(Policy policy) {
        return keep.startsWith("P") ? Period.parse(keep) : policy.period(keep);
    }

    /** Whether {@code keep} names a policy value rather than a period. */
    public boolean fromPolicy() {
        return !keep.startsWith("P");
    }

    /** What the period is counted from. */
    public enum Event {
        /** the client file was closed (its status became closed) */
        FILE_CLOSED,
        /** the client's last submission of this form */
        LAST_SUBMISSION,
        /** the end of the client's last contract of this form */
        CONTRACT_ENDED;

        public String yamlName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Optional<Event> fromYaml(String name) {
            return Stream.of(values()).filter(e -> e.yamlName().equals(name)).findFirst();
        }

        public static List<String> yamlNames() {
            return Stream.of(values()).map(Event::yamlName).toList();
        }
    }

    /** What happens once the period has passed. */
    public enum Action {
        /** the answers are deleted */
        ERASE,
        /** the answers that can name or describe a person (texts, dates) are deleted; coded answers stay for statistics */
        ANONYMISE;

        public String yamlName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Action> fromYaml(String name) {
            return Stream.of(values()).filter(a -> a.yamlName().equals(name)).findFirst();
        }
    }
}
