package org.parcours.programmes;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.parcours.catalog.FormCatalog;
import org.parcours.evaluations.EvaluationService;
import org.parcours.programmes.engine.Measured;
import org.springframework.stereotype.Component;

/** The measurements of the evaluations feature, each with the form version it was made with (from the catalog's cache). */
@Component
class EvaluationMeasurementSource implements MeasurementSource {

    private final EvaluationService evaluations;
    private final FormCatalog catalog;

    EvaluationMeasurementSource(EvaluationService evaluations, FormCatalog catalog) {
        this.evaluations = evaluations;
        this.catalog = catalog;
    }

    @Override
    public Map<Long, List<Measured>> measured(Collection<Long> clientIds, String formKey) {
        Map<Long, List<Measured>> result = new LinkedHashMap<>();
        evaluations.measurementsOfClients(clientIds, formKey).forEach((clientId, list) -> result.put(clientId, list.stream()
                .map(m -> new Measured(m.measuredAt(), catalog.version(m.formVersionId()).definition(), m.answers())).toList()));
        return result;
    }
}
