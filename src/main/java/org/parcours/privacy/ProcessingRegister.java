package org.parcours.privacy;

import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.parcours.audit.AuditLog;
import org.parcours.catalog.FormCatalog;
import org.parcours.catalog.PublishedForm;
import org.parcours.formdef.DataCategory;
import org.parcours.formdef.FormDefinition;
import org.parcours.formdef.LegalBasis;
import org.parcours.formdef.LocalizedText;
import org.parcours.formdef.Policy;
import org.parcours.formdef.Protection;
import org.parcours.formdef.Retention;
import org.parcours.security.CurrentUser;
import org.parcours.security.Role;
import org.parcours.security.UserContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The register of processing (GDPR art. 30), generated from the live forms' {@code privacy:}
 * declarations: per form its categories, purposes, legal bases, retention rules and the roles that
 * see its answers. Administrators only.
 */
@Service
public class ProcessingRegister {

    private final FormCatalog catalog;
    private final CurrentUser currentUser;
    private final AuditLog audit;

    ProcessingRegister(FormCatalog catalog, CurrentUser currentUser, AuditLog audit) {
        this.catalog = catalog;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    /**
     * One retention rule of a form.
     *
     * @param period the period once the policy path is resolved; empty when the policy lacks it
     */
    public record RetentionRule(String keep, Optional<Period> period, Retention.Event after, Retention.Action then,
                                Set<DataCategory> categories) {
    }

    /**
     * One form in the register.
     *
     * @param restricted per item id, the roles that alone see it ({@code sensitive} in YAML)
     */
    public record Entry(String formKey, LocalizedText title, Set<DataCategory> categories, List<LocalizedText> purposes,
                        Set<LegalBasis> legalBases, List<RetentionRule> retention, Set<Role> roles,
                        Map<String, Set<String>> restricted, boolean declared) {
    }

    public List<Entry> entries() {
        UserContext user = currentUser.require();
        if (!user.has(Role.ADMIN)) {
            audit.recordDenied(user.username(), "privacy_register", "-", "the register of processing requires the administrator role");
            throw new AccessDeniedException("Only administrators read the register of processing");
        }
        Optional<Policy> policy;
        try {
            policy = Optional.of(catalog.policy());
        } catch (Policy.PolicyException e) {
            policy = Optional.empty();
        }
        List<Entry> entries = new ArrayList<>();
        for (PublishedForm published : catalog.liveForms().stream().sorted(Comparator.comparing(PublishedForm::formKey)).toList()) {
            entries.add(entry(published.definition(), policy));
        }
        return entries;
    }

    private static Entry entry(FormDefinition form, Optional<Policy> policy) {
        Set<LocalizedText> purposes = new LinkedHashSet<>();
        Set<LegalBasis> bases = EnumSet.noneOf(LegalBasis.class);
        for (Protection p : form.privacy().distinct()) {
            p.purpose().ifPresent(purposes::add);
            p.legalBasis().ifPresent(bases::add);
        }
        List<RetentionRule> rules = new ArrayList<>();
        form.privacy().itemsByRetention().forEach((retention, items) -> {
            Set<DataCategory> categories = EnumSet.noneOf(DataCategory.class);
            items.forEach(id -> categories.addAll(form.privacy().of(id).categories()));
            Optional<Period> period = policy.flatMap(p -> {
                try {
                    return Optional.of(retention.period(p));
                } catch (Policy.PolicyException | java.time.format.DateTimeParseException e) {
                    return Optional.empty();
                }
            });
            rules.add(new RetentionRule(retention.keep(), period, retention.after(), retention.then(), categories));
        });
        // an answer reaches the roles of the application unless its item is sensitive: then only the roles it names
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Map<String, Set<String>> restricted = new TreeMap<>();
        form.allItems().forEach(item -> {
            Set<String> to = item.rules().sensitiveTo();
            if (to.isEmpty()) {
                roles.addAll(EnumSet.allOf(Role.class));
            } else {
                to.forEach(r -> roles.add(Role.valueOf(r)));
                restricted.put(item.id(), new TreeSet<>(to));
            }
        });
        boolean declared = !form.privacy().distinct().isEmpty();
        return new Entry(form.id(), form.title(), form.privacy().categories(), List.copyOf(purposes), bases, rules, roles, restricted, declared);
    }
}
