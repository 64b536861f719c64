package org.parcours.ui.renderer;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.parcours.formdef.Item;
import org.springframework.stereotype.Component;

/** Item type to renderer. Fails at start-up if two renderers claim the same type. */
@Component
public class ItemRendererRegistry {

    private final Map<Class<? extends Item>, ItemRenderer<?>> renderers;

    public ItemRendererRegistry(List<ItemRenderer<?>> renderers) {
        this.renderers = renderers.stream().collect(Collectors.toUnmodifiableMap(ItemRenderer::itemType, Function.identity()));
    }

    public ItemField render(Item item, RenderContext context) {
        return renderFor(item).render(item, context);
    }

    public boolean supports(Class<? extends Item> type) {
        return renderers.containsKey(type);
    }

    @SuppressWarnings("unchecked")
    private <T extends Item> ItemRenderer<T> renderFor(T item) {
        ItemRenderer<?> renderer = renderers.get(item.getClass());
        if (renderer == null) {
            throw new IllegalStateException("No renderer for item type " + item.getClass().getSimpleName());
        }
        return (ItemRenderer<T>) renderer;
    }
}
