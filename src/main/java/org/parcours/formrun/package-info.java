/**
 * The runtime of one filled form: answers, visibility, required rules, constraints, computed
 * values and validation, in plain Java (no Spring, no Vaadin). Renderers only display what a
 * {@link org.parcours.formrun.FormSession} says.
 */
@NullMarked
package org.parcours.formrun;

import org.jspecify.annotations.NullMarked;
