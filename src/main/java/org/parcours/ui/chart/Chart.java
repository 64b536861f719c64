package org.parcours.ui.chart;

import java.util.List;
import java.util.Objects;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;

/**
 * A bar, stacked bar or line chart drawn in the browser by Apache ECharts (a free npm library;
 * Vaadin Charts is commercial) through the {@code parcours-chart} web component in frontend/.
 * The chart repeats figures a page shows in a table, so it is hidden from assistive technology.
 */
@Tag("parcours-chart")
@NpmPackage(value = "echarts", version = "6.1.0")
@JsModule("./components/parcours-chart.js")
public class Chart extends Component implements HasSize, HasStyle {

    public enum Kind {
        BAR, STACKED_BAR, LINE
    }

    /** One named series, one value per category, drawn in a CSS colour (e.g. {@code #2e7d32}). */
    public record Series(String name, String colour, List<Long> values) {
        public Series {
            Objects.requireNonNull(name);
            Objects.requireNonNull(colour);
            values = List.copyOf(values);
        }
    }

    /** What the chart shows; {@code horizontal} puts the categories on the vertical axis. */
    public record Data(Kind kind, boolean horizontal, List<String> categories, List<Series> series) {
        public Data {
            Objects.requireNonNull(kind);
            categories = List.copyOf(categories);
            series = List.copyOf(series);
            for (Series s : series) {
                if (s.values().size() != categories.size()) {
                    throw new IllegalArgumentException("series '" + s.name() + "' has " + s.values().size()
                            + " values for " + categories.size() + " categories");
                }
            }
        }
    }

    private Data data;

    public Chart(Data data) {
        getElement().setAttribute("aria-hidden", "true");
        setData(data);
    }

    public final void setData(Data data) {
        this.data = Objects.requireNonNull(data);
        getElement().setPropertyBean("data", data);
    }

    public Data getData() {
        return data;
    }
}
