package org.parcours.programmes;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.parcours.programmes.engine.Measured;

/**
 * Where the programme engine reads clients' submitted evaluations of a form. Today the
 * evaluations feature ({@link EvaluationMeasurementSource}); one submission store can take its
 * place without the engine changing. No access check: callers decide which clients may be read.
 */
public interface MeasurementSource {

    /** The submitted evaluations of the form of each client (clients without any are absent). */
    Map<Long, List<Measured>> measured(Collection<Long> clientIds, String formKey);
}
