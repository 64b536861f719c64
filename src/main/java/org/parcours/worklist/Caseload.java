package org.parcours.worklist;

import org.parcours.formdef.LocalizedText;

/**
 * A worker's open files of the caseload form (policy {@code caseload.form}) against the target
 * per full-time worker (policy {@code caseload.target_per_fte}).
 */
public record Caseload(String formKey, LocalizedText formTitle, int active, int target) {
}
