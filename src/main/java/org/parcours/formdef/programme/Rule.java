package org.parcours.formdef.programme;

import java.util.Optional;

import org.parcours.formdef.Expression;
import org.parcours.formdef.LocalizedText;

/**
 * A rule over a client and their history with the programme's form.
 *
 * @param condition  for a flag or a status: when it applies; for a guard: what must hold
 * @param status     for {@link Effect#SET_STATUS}: the status it sets ({@code social-only})
 * @param guards     for {@link Effect#GUARD}: the action it guards, a workflow transition
 *                   ({@code <workflow>.<transition>}) or a committee action ({@code committee.decide},
 *                   {@code committee.grant-social-only}, {@code committee.propose})
 * @param eachFactor evaluated once per scale item of the form ({@code factor}, {@code factor_run})
 * @param message    what the rule means, in fr/nl/en; {@code {policy.path}} is replaced by the value
 */
public record Rule(String id, Effect effect, Severity severity, Expression condition, Optional<String> status,
                   Optional<String> guards, boolean eachFactor, LocalizedText message) {
}
