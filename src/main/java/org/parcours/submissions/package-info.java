/**
 * Filled forms of every kind, stored once and read through one API (decision 0017): evaluations,
 * CASU aid requests and MASP contracts are kinds of submission. {@link org.parcours.submissions.SubmissionStorage}
 * keeps every submission (client, form version, who and when), its revisions and their answers as
 * rows; each feature keeps only its own lifecycle beside it (an aid request's decisions per scheme,
 * a contract's signatures, evaluation, renewal and end) and reaches the storage through this API,
 * never its tables. Readers (exports, the API, the studio's impact counts) ask
 * {@link org.parcours.submissions.Submissions}; each feature says what its kind shows readers
 * through a {@link org.parcours.submissions.SubmissionStore}.
 */
@NullMarked
package org.parcours.submissions;

import org.jspecify.annotations.NullMarked;
