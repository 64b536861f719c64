package org.parcours.submissions;

import java.util.Optional;

import org.parcours.catalog.StoredAnswers;
import org.springframework.stereotype.Component;

/** The catalog's count of stored answers, over every kind of submission ({@link Submissions#countAnswering}). */
@Component
class SubmissionStoredAnswers implements StoredAnswers {

    private final Submissions submissions;

    SubmissionStoredAnswers(Submissions submissions) {
        this.submissions = submissions;
    }

    @Override
    public int countAnswering(String formKey, String itemId) {
        return submissions.countAnswering(formKey, itemId, Optional.empty());
    }
}
