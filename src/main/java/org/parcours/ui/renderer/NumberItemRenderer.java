package org.parcours.ui.renderer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextFieldVariant;

import org.parcours.formdef.NumberItem;
import org.parcours.formrun.AnswerCodec;
import org.parcours.formrun.Issue;

/**
 * A number: whole numbers in an integer field, decimals and amounts (EUR, two decimals) in a
 * decimal field that reads the locale's decimal separator. The limits are shown under the field;
 * the runtime checks them. Stored as a plain number ("1234.5", "-3").
 */
@org.springframework.stereotype.Component
class NumberItemRenderer implements ItemRenderer<NumberItem> {

    @Override
    public Class<NumberItem> itemType() {
        return NumberItem.class;
    }

    @Override
    public ItemField render(NumberItem item, RenderContext context) {
        Locale locale = context.locale();
        String label = item.label().in(locale);
        Optional<BigDecimal> initial = AnswerCodec.number(context.initialValue(), item.kind());
        if (item.kind() == NumberItem.Kind.INTEGER) {
            IntegerField field = new IntegerField(label);
            field.setId(FieldIds.of(context.path()));
            item.min().flatMap(NumberItemRenderer::asInt).ifPresent(field::setMin);
            item.max().flatMap(NumberItemRenderer::asInt).ifPresent(field::setMax);
            initial.flatMap(NumberItemRenderer::asInt).ifPresent(field::setValue);
            helper(item, locale, field).ifPresent(field::setHelperText);
            field.getElement().setAttribute("data-item-type", "integer");
            ChangeReporter changes = new ChangeReporter(context);
            field.addValueChangeListener(e -> changes.report(e.getValue() == null ? "" : String.valueOf(e.getValue())));
            return RuntimeValidatedField.withBadInput(field, badInput(field, context, Issue.Kind.NOT_A_WHOLE_NUMBER));
        }
        boolean money = item.kind() == NumberItem.Kind.MONEY;
        BigDecimalField field = new BigDecimalField(label);
        field.setId(FieldIds.of(context.path()));
        field.setLocale(locale);
        field.addThemeVariants(TextFieldVariant.LUMO_ALIGN_RIGHT);
        if (money) {
            Span euro = new Span("€");
            euro.getElement().setAttribute("aria-hidden", "true");
            field.setSuffixComponent(euro);
            field.setAriaLabel(label + " (€)");
        }
        initial.map(v -> money ? twoDecimals(v) : v).ifPresent(field::setValue);
        helper(item, locale, field).ifPresent(field::setHelperText);
        field.getElement().setAttribute("data-item-type", money ? "money" : "decimal");
        ChangeReporter changes = new ChangeReporter(context);
        field.addValueChangeListener(e -> {
            BigDecimal value = e.getValue();
            if (value == null) {
                changes.report("");
                return;
            }
            if (money && value.scale() <= 2) {
                BigDecimal shown = twoDecimals(value);
                changes.report(shown.toPlainString());
                if (!shown.equals(value)) {
                    field.setValue(shown);
                }
                return;
            }
            // too many decimals for an amount are kept as typed: the runtime reports them
            changes.report(value.toPlainString());
        });
        return RuntimeValidatedField.of(field);
    }

    private static BigDecimal twoDecimals(BigDecimal value) {
        return value.scale() <= 2 ? value.setScale(2, RoundingMode.UNNECESSARY) : value;
    }

    private static Optional<Integer> asInt(BigDecimal value) {
        try {
            return Optional.of(value.intValueExact());
        } catch (ArithmeticException e) {
            return Optional.empty();
        }
    }

    private static String badInput(com.vaadin.flow.component.Component field, RenderContext context, Issue.Kind kind) {
        return IssueMessages.text(field, new Issue(context.path(), kind, List.of(), Optional.empty()), context.locale());
    }

    /** The item's help, then its limits ("Entre 0 et 10 000"). */
    private static Optional<String> helper(NumberItem item, Locale locale, com.vaadin.flow.component.Component field) {
        List<String> parts = new ArrayList<>();
        item.rules().help().ifPresent(h -> parts.add(h.in(locale)));
        String unit = item.kind() == NumberItem.Kind.MONEY ? " €" : "";
        Optional<String> min = item.min().map(v -> LocalFormats.number(v, locale) + unit);
        Optional<String> max = item.max().map(v -> LocalFormats.number(v, locale) + unit);
        if (min.isPresent() && max.isPresent()) {
            parts.add(field.getTranslation(locale, "number.between", min.get(), max.get()));
        } else if (min.isPresent()) {
            parts.add(field.getTranslation(locale, "number.atLeast", min.get()));
        } else if (max.isPresent()) {
            parts.add(field.getTranslation(locale, "number.atMost", max.get()));
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join(" · ", parts));
    }
}
