package org.parcours.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.parcours.formdef.BindingRole;
import org.parcours.formdef.FormDefinition;

/**
 * A submission's measurement date over the API: the top-level {@code measuredOn} of a request is
 * the answer of the item the form binds to {@code measurement.date}, so that an integrator need
 * not know that item's id; the form's own rules for that item (not in the future, not before the
 * client's birth) apply at submission as for any answer.
 */
final class MeasurementDates {

    static final String POINTER = "/measuredOn";

    private MeasurementDates() {
    }

    /**
     * The answers with {@code measuredOn} as the bound item's answer; the answers unchanged when it
     * is absent. Refused (422, pointer {@code /measuredOn}) when it is not an ISO date, when the
     * form binds no measurement date, or when the answers give that item another value.
     */
    static Map<String, String> withMeasuredOn(FormDefinition form, String measuredOn, Map<String, String> answers) {
        Map<String, String> given = answers == null ? Map.of() : answers;
        if (measuredOn == null) {
            return given;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(measuredOn.strip());
        } catch (DateTimeParseException e) {
            throw new ApiFieldException(POINTER, "api.measuredOn.invalid", measuredOn);
        }
        Optional<String> item = form.boundItem(BindingRole.MEASUREMENT_DATE);
        if (item.isEmpty()) {
            throw new ApiFieldException(POINTER, "api.measuredOn.unbound", form.id());
        }
        String answered = given.get(item.get());
        if (answered != null && !answered.isBlank() && !answered.strip().equals(date.toString())) {
            throw new ApiFieldException(POINTER, "api.measuredOn.differs", date.toString(), answered, item.get());
        }
        Map<String, String> merged = new HashMap<>(given);
        merged.put(item.get(), date.toString());
        return merged;
    }

    /** The measurement date among answers the caller may see; null when the form binds none or it is unanswered. */
    static LocalDate of(FormDefinition form, Map<String, String> visibleAnswers) {
        return form.measuredOn(visibleAnswers).orElse(null);
    }
}
