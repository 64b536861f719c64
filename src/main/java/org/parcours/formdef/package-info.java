/**
 * The form model: plain Java records describing forms, sections, items and shared scales,
 * and the reader that builds them from YAML with exact source positions.
 * No Spring, no Vaadin, no persistence here (checked by ArchitectureTest).
 */
@NullMarked
package org.parcours.formdef;

import org.jspecify.annotations.NullMarked;
