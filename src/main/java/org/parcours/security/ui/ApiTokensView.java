package org.parcours.security.ui;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;

import org.parcours.security.ApiTokenScope;
import org.parcours.security.ApiTokens;
import org.parcours.security.ApiTokens.CreatedToken;
import org.parcours.security.ApiTokens.TokenSummary;
import org.parcours.security.CurrentUser;
import org.parcours.security.Role;
import org.parcours.security.UserAccounts;
import org.parcours.security.UserContext;
import org.parcours.security.UserSummary;
import org.parcours.ui.MainLayout;
import org.parcours.ui.NavigationContributor;

/**
 * Personal API tokens: create one (shown once) with its rights (read only by default, or read and
 * write) and validity, see and revoke one's tokens. Administrators see every active token and may
 * create one for any user; the list shows who created each.
 */
@Route("account/tokens")
@PermitAll
public class ApiTokensView extends VerticalLayout implements HasDynamicTitle {

    private final ApiTokens tokens;
    final TextField name = new TextField();
    final ComboBox<UserSummary> user = new ComboBox<>();
    final Select<ApiTokenScope> scope = new Select<>();
    final IntegerField validity = new IntegerField();
    final Grid<TokenSummary> grid = new Grid<>();
    final Div created = new Div();

    public ApiTokensView(ApiTokens tokens, CurrentUser currentUser, UserAccounts accounts) {
        this.tokens = tokens;
        setPadding(true);
        UserContext me = currentUser.require();
        name.setId("token-name");
        name.setLabel(getTranslation("tokens.name"));
        name.setMaxLength(100);
        user.setId("token-user");
        user.setLabel(getTranslation("tokens.user"));
        user.setItemLabelGenerator(u -> u.displayName() + " (" + u.username() + ")");
        boolean admin = me.has(Role.ADMIN);
        user.setVisible(admin);
        if (admin) {
            List<UserSummary> all = accounts.list();
            user.setItems(all);
            all.stream().filter(u -> u.id() == me.id()).findFirst().ifPresent(user::setValue);
        }
        scope.setId("token-scope");
        scope.setLabel(getTranslation("tokens.scope"));
        scope.setItems(ApiTokenScope.values());
        scope.setItemLabelGenerator(s -> getTranslation("tokens.scope." + s.name()));
        scope.setValue(ApiTokenScope.READ);
        int maxDays = (int) tokens.maxValidity().toDays();
        validity.setId("token-validity");
        validity.setLabel(getTranslation("tokens.validity"));
        validity.setMin(1);
        validity.setMax(maxDays);
        validity.setStepButtonsVisible(true);
        validity.setValue((int) tokens.defaultValidity().toDays());
        validity.setErrorMessage(getTranslation("tokens.validityInvalid", maxDays));
        Button create = new Button(getTranslation("tokens.create"), e -> create(me));
        create.setId("token-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(name, user, scope, validity, create);
        form.setWrap(true);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        created.setId("token-created");
        created.getElement().setAttribute("role", "status");
        DateTimeFormatter times = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(getLocale()).withZone(ZoneId.systemDefault());
        grid.setId("token-grid");
        grid.addColumn(TokenSummary::name).setHeader(getTranslation("tokens.col.name"));
        grid.addColumn(TokenSummary::username).setHeader(getTranslation("tokens.col.user"));
        grid.addColumn(t -> times.format(t.createdAt())).setHeader(getTranslation("tokens.col.created"));
        grid.addColumn(t -> t.lastUsedAt().map(times::format).orElse(getTranslation("tokens.never"))).setHeader(getTranslation("tokens.col.lastUsed"));
        grid.addColumn(t -> getTranslation("tokens.scope." + t.scope().name())).setHeader(getTranslation("tokens.col.scope"));
        grid.addColumn(t -> times.format(t.expiresAt())).setHeader(getTranslation("tokens.col.expires"));
        grid.addColumn(TokenSummary::createdBy).setHeader(getTranslation("tokens.col.createdBy"));
        grid.addComponentColumn(t -> {
            Button revoke = new Button(getTranslation("tokens.revoke"), e -> {
                tokens.revoke(t.id());
                Notification.show(getTranslation("tokens.revoked"));
                refresh();
            });
            revoke.setId("token-revoke-" + t.id());
            revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            return revoke;
        });
        grid.setAllRowsVisible(true);
        add(new H2(getTranslation("tokens.title")), new Paragraph(getTranslation("tokens.intro")), form, created, grid);
        refresh();
    }

    void create(UserContext me) {
        if (name.getValue().isBlank()) {
            name.setInvalid(true);
            name.setErrorMessage(getTranslation("tokens.nameRequired"));
            return;
        }
        name.setInvalid(false);
        Integer days = validity.getValue();
        if (days == null || days < 1 || days > tokens.maxValidity().toDays()) {
            validity.setInvalid(true);
            return;
        }
        validity.setInvalid(false);
        long owner = user.getValue() == null ? me.id() : user.getValue().id();
        ApiTokenScope rights = scope.getValue() == null ? ApiTokenScope.READ : scope.getValue();
        CreatedToken token = tokens.createFor(owner, name.getValue(), rights, Duration.ofDays(days));
        Span secret = new Span(token.token());
        secret.setId("token-secret");
        secret.addClassName("token-secret");
        created.removeAll();
        created.add(new Span(getTranslation("tokens.created")), secret);
        name.clear();
        refresh();
    }

    private void refresh() {
        grid.setItems(tokens.visibleTokens());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("tokens.title") + " – " + getTranslation("app.name");
    }

    @org.springframework.stereotype.Component
    static class Navigation implements NavigationContributor {

        @Override
        public List<MainLayout.NavEntry> entries() {
            return List.of(new MainLayout.NavEntry("nav.tokens", ApiTokensView.class, 95));
        }
    }
}
