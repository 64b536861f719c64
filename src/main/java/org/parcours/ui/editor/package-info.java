/** A code editor web component of frontend/ wrapped as a Vaadin field. */
@NullMarked
package org.parcours.ui.editor;

import org.jspecify.annotations.NullMarked;
