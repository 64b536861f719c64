package org.parcours.ui.renderer;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.time.temporal.WeekFields;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import com.vaadin.flow.component.datepicker.DatePicker;

import org.parcours.formdef.DateItem;
import org.parcours.formrun.AnswerCodec;
import org.parcours.formrun.Issue;

/**
 * A day: a date picker in the user's language and date format, limited to the item's bounds
 * ("today" is resolved when the field is drawn). Stored as an ISO date (2026-11-23).
 */
@org.springframework.stereotype.Component
class DateItemRenderer implements ItemRenderer<DateItem> {

    @Override
    public Class<DateItem> itemType() {
        return DateItem.class;
    }

    @Override
    public ItemField render(DateItem item, RenderContext context) {
        Locale locale = context.locale();
        DatePicker picker = new DatePicker(item.label().in(locale));
        picker.setId(FieldIds.of(context.path()));
        picker.setLocale(locale);
        picker.setI18n(i18n(picker, locale));
        LocalDate today = LocalDate.now();
        item.min().map(b -> b.resolve(today)).ifPresent(picker::setMin);
        item.max().map(b -> b.resolve(today)).ifPresent(picker::setMax);
        AnswerCodec.date(context.initialValue()).ifPresent(picker::setValue);
        item.rules().help().ifPresent(h -> picker.setHelperText(h.in(locale)));
        picker.getElement().setAttribute("data-item-type", "date");
        ChangeReporter changes = new ChangeReporter(context);
        picker.addValueChangeListener(e -> changes.report(e.getValue() == null ? "" : e.getValue().toString()));
        String badInput = IssueMessages.text(picker, new Issue(context.path(), Issue.Kind.NOT_A_DATE, List.of(), Optional.empty()), locale);
        return RuntimeValidatedField.withBadInput(picker, badInput);
    }

    /** Month and day names of the locale, weeks starting on its first day (Monday in fr/nl/en-BE). */
    private static DatePicker.DatePickerI18n i18n(DatePicker picker, Locale locale) {
        List<DayOfWeek> sundayFirst = Stream.concat(Stream.of(DayOfWeek.SUNDAY),
                Arrays.stream(DayOfWeek.values()).filter(d -> d != DayOfWeek.SUNDAY)).toList();
        int firstDay = WeekFields.of(locale).getFirstDayOfWeek().getValue() % 7;
        return new DatePicker.DatePickerI18n()
                .setMonthNames(Arrays.stream(java.time.Month.values()).map(m -> capitalised(m.getDisplayName(TextStyle.FULL_STANDALONE, locale), locale)).toList())
                .setWeekdays(sundayFirst.stream().map(d -> d.getDisplayName(TextStyle.FULL, locale)).toList())
                .setWeekdaysShort(sundayFirst.stream().map(d -> d.getDisplayName(TextStyle.SHORT, locale)).toList())
                .setFirstDayOfWeek(locale.getCountry().isEmpty() ? 1 : firstDay)
                .setToday(picker.getTranslation(locale, "date.today"))
                .setCancel(picker.getTranslation(locale, "date.cancel"));
    }

    private static String capitalised(String text, Locale locale) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(locale) + text.substring(1);
    }
}
