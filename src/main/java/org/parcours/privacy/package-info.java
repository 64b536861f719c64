/**
 * Data protection by design (docs/privacy.md): the register of processing built from the forms'
 * {@code privacy:} declarations, the retention job with its dry run and legal holds, the subject
 * access export and the justified access to a client of another team. Stored answers are reached
 * through {@link org.parcours.submissions.Submissions} only; this module's own tables are
 * {@code client_legal_hold} and {@code break_glass_access}.
 */
@NullMarked
package org.parcours.privacy;

import org.jspecify.annotations.NullMarked;
