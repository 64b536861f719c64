package org.parcours.submissions;

/** The kinds of filled form, each with the lifecycle of its own feature. */
public enum SubmissionKind {

    /** An evaluation: revisions (draft, submitted, amended with a reason). */
    EVALUATION("evaluation_id"),
    /** A CASU aid request: submitted once, then one decision per requested scheme. */
    AID_REQUEST("aid_request_id"),
    /** A MASP contract: texts (the contract, then avenants), each signed. */
    CONTRACT("contract_id");

    private final String idColumn;

    SubmissionKind(String idColumn) {
        this.idColumn = idColumn;
    }

    /** The name of the submission's id in exports. */
    public String idColumn() {
        return idColumn;
    }
}
