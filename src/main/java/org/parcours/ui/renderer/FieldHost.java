package org.parcours.ui.renderer;

import org.parcours.formdef.Item;
import org.parcours.formrun.FormSession;

/** The rendered form, as seen by renderers of nested items (repeat rows). */
public interface FieldHost {

    FormSession session();

    /** Renders and registers the field of an item inside a repeat row. */
    ItemField renderChild(Item child, String path);

    /** Forgets the fields whose path starts with {@code prefix} (a removed row). */
    void forget(String prefix);

    /** Shows the state of paths the runtime reported as changed. */
    void refresh(java.util.Set<String> changedPaths);
}
