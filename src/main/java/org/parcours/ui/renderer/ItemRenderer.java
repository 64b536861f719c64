package org.parcours.ui.renderer;

import org.parcours.formdef.Item;

/**
 * Builds the component for one kind of item. One renderer per item record; the registry picks
 * it by the item's class, so a new item type is one model record plus one renderer bean.
 */
public interface ItemRenderer<T extends Item> {

    Class<T> itemType();

    ItemField render(T item, RenderContext context);
}
