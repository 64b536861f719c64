package org.parcours.ui.renderer;

import com.vaadin.flow.component.Component;

/** The component shown for one item, and how to read its current answer ("" when none). */
public interface ItemField {

    Component component();

    String value();
}
