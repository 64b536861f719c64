package org.parcours.submissions;

/** A submission with one of its revisions. */
public record StoredForm(StoredSubmission submission, StoredRevision revision) {
}
