/**
 * Filled forms of every kind, read through one API (decision 0017): evaluations, CASU aid
 * requests and MASP contracts are kinds of submission. Readers (exports, the API, the studio's
 * impact counts) ask {@link org.parcours.submissions.Submissions}; each feature answers for its
 * own kind through a {@link org.parcours.submissions.SubmissionStore} over its own tables, so no
 * feature reads another's tables.
 */
@NullMarked
package org.parcours.submissions;

import org.jspecify.annotations.NullMarked;
