package org.parcours.ui.renderer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.parcours.formdef.Colour;

/**
 * The page's scale colours (styles.css) and the ones drawn outside the page (ScaleColours: the
 * printed pack, the charts) are the same in the light scheme, every scale colour of the forms has
 * its class, and each dark shade keeps the text readable on its background.
 */
class ScaleColoursTests {

    private static final Pattern SHADE = Pattern.compile(
            "--parcours-scale-(\\w+)-(bg|border|text):\\s*light-dark\\((#[0-9a-fA-F]{6}),\\s*(#[0-9a-fA-F]{6})\\)");

    @Test
    void everyScaleColourHasItsClassAndTheStyleSheetsLightShadesAreThoseOfPrint() throws IOException {
        String css = styleSheet();
        Map<String, String[]> shades = shades(css);
        for (Colour colour : Colour.values()) {
            String name = colour.yamlName();
            assertThat(css).contains("." + ScaleColours.className(colour) + " {");
            assertThat(shades.get(name + "-bg")[0]).isEqualToIgnoringCase(ScaleColours.background(colour));
            assertThat(shades.get(name + "-border")[0]).isEqualToIgnoringCase(ScaleColours.border(colour));
            assertThat(shades.get(name + "-text")[0]).isEqualToIgnoringCase(ScaleColours.text(colour));
        }
    }

    @Test
    void textOnEveryScaleBackgroundReachesWcagAaInBothSchemes() throws IOException {
        Map<String, String[]> shades = shades(styleSheet());
        for (Colour colour : Colour.values()) {
            for (int scheme = 0; scheme < 2; scheme++) {
                double ratio = contrast(shades.get(colour.yamlName() + "-text")[scheme], shades.get(colour.yamlName() + "-bg")[scheme]);
                assertThat(ratio).as("%s in the %s scheme", colour, scheme == 0 ? "light" : "dark").isGreaterThanOrEqualTo(4.5);
            }
        }
    }

    /**
     * Outside the scale's light-dark() shades, a colour is a Lumo token or a scale custom property,
     * so that it follows the dark scheme; only the parts kept light on purpose in both schemes (the
     * YAML editor, the charts) write colours of their own.
     */
    @Test
    void everyOtherColourOfTheStyleSheetFollowsTheScheme() throws IOException {
        String css = styleSheet().replaceAll("(?s)/\\*.*?\\*/", "");
        String rest = css.replaceAll("(?s):root \\{.*?\\}", "").replaceAll("(?s)(parcours-yaml-editor|parcours-chart) \\{.*?\\}", "");
        assertThat(Pattern.compile("#[0-9a-fA-F]{3,8}\\b|rgba?\\(|hsla?\\(").matcher(rest).results().map(r -> r.group()).toList())
                .as("fixed colours outside the scale shades").isEmpty();
    }

    private static Map<String, String[]> shades(String css) {
        Map<String, String[]> shades = new HashMap<>();
        Matcher m = SHADE.matcher(css);
        while (m.find()) {
            shades.put(m.group(1) + "-" + m.group(2), new String[] {m.group(3), m.group(4)});
        }
        return shades;
    }

    private static String styleSheet() throws IOException {
        try (InputStream in = ScaleColoursTests.class.getResourceAsStream("/META-INF/resources/styles.css")) {
            assertThat(in).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** WCAG 2.1 contrast ratio of two #rrggbb colours. */
    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String hex) {
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }
}
