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

    /** The name of the submission's id in the export of an evaluation form. */
    public String idColumn() {
        return idColumn;
    }

    /** The kind as written in exports: evaluation, aid_request, contract. */
    public String code() {
        return idColumn.substring(0, idColumn.length() - "_id".length());
    }
}
