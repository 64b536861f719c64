package org.parcours.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;

import org.junit.jupiter.api.Test;
import org.parcours.ParcoursApplication;
import org.parcours.home.ui.HomeView;
import org.parcours.testsupport.TestUsers;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithUserDetails;

/** The header's switch between the light and the dark scheme (the browser side: AccessibilityIT). */
@SpringBootTest
@ViewPackages(classes = ParcoursApplication.class)
class ColourSchemeUiTests extends SpringBrowserlessTest {

    @Test
    @WithUserDetails(TestUsers.WORKER_NORTH)
    void theHeaderSwitchTurnsTheSchemeDarkAndBackAndSaysWhetherItIsPressed() {
        navigate(HomeView.class);
        Button toggle = find(Button.class).id("colour-scheme");
        assertThat(toggle.getAriaLabel()).contains("Thème sombre");
        assertThat(toggle.getElement().getAttribute("aria-pressed")).isEqualTo("false");
        assertThat(ColourScheme.isDark(UI.getCurrent())).isFalse();

        test(toggle).click();
        assertThat(ColourScheme.isDark(UI.getCurrent())).isTrue();
        assertThat(toggle.getElement().getAttribute("aria-pressed")).isEqualTo("true");

        test(toggle).click();
        assertThat(ColourScheme.isDark(UI.getCurrent())).isFalse();
        assertThat(toggle.getElement().getAttribute("aria-pressed")).isEqualTo("false");
    }
}
