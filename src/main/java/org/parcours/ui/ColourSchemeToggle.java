package org.parcours.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;

/** The header's switch between the light and the dark scheme: a toggle button (aria-pressed when dark). */
public class ColourSchemeToggle extends Button {

    public ColourSchemeToggle() {
        setId("colour-scheme");
        addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        String label = getTranslation("nav.darkScheme");
        setAriaLabel(label);
        setTooltipText(label);
        addClickListener(e -> getUI().ifPresent(ui -> {
            ColourScheme.switchTo(ui, !ColourScheme.isDark(ui));
            show(ColourScheme.isDark(ui));
        }));
    }

    @Override
    protected void onAttach(AttachEvent event) {
        show(ColourScheme.isDark(event.getUI()));
    }

    private void show(boolean dark) {
        setIcon((dark ? VaadinIcon.SUN_O : VaadinIcon.MOON_O).create());
        getElement().setAttribute("aria-pressed", String.valueOf(dark));
    }
}
