/**
 * Programmes as configuration: what makes a form a follow-up programme (when it falls due, the
 * rules over a client and their measurement history, the workflow of its submissions), read from
 * {@code forms/programmes/*.yaml} with exact source positions. Plain Java like the form model.
 */
@NullMarked
package org.parcours.formdef.programme;

import org.jspecify.annotations.NullMarked;
