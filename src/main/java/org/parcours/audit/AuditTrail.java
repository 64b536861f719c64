package org.parcours.audit;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading the audit trail: administrators only, filtered, newest first, one page at a time (the
 * table grows without bound, so it is never loaded whole). Anyone else is refused and the attempt
 * is itself audited. The role is read from Spring Security directly: the audit module is used by
 * every feature, security included, and depends on none of them.
 */
@Service
public class AuditTrail {

    private static final String TARGET = "audit_trail";
    private static final String ADMIN_AUTHORITY = "ROLE_ADMIN";

    private final EntityManager entityManager;
    private final AuditLog audit;

    AuditTrail(EntityManager entityManager, AuditLog audit) {
        this.entityManager = entityManager;
        this.audit = audit;
    }

    /** Lines matching the filter, newest first, from {@code offset}, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<AuditEntry> find(AuditFilter filter, int offset, int limit) {
        requireAdministrator();
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<AuditEvent> query = cb.createQuery(AuditEvent.class);
        Root<AuditEvent> event = query.from(AuditEvent.class);
        query.where(conditions(cb, event, filter)).orderBy(cb.desc(event.get("id")));
        return entityManager.createQuery(query).setFirstResult(offset).setMaxResults(limit).getResultList().stream()
                .map(e -> new AuditEntry(e.getId(), e.getOccurredAt(), e.getActor(), e.getAction(), e.getTargetType(),
                        e.getTargetId(), e.getDetail()))
                .toList();
    }

    /** How many lines match the filter. */
    @Transactional(readOnly = true)
    public int count(AuditFilter filter) {
        requireAdministrator();
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<AuditEvent> event = query.from(AuditEvent.class);
        query.select(cb.count(event)).where(conditions(cb, event, filter));
        return Math.toIntExact(entityManager.createQuery(query).getSingleResult());
    }

    /**
     * The lines on the given records (target type to ids), newest first, at most {@code limit}.
     * No role check here: for a module that has itself checked the reader's right to those
     * records (the privacy module's "who read this file", shown to the responsible worker).
     */
    @Transactional(readOnly = true)
    public List<AuditEntry> onRecords(java.util.Map<String, java.util.Set<String>> idsByType, int limit) {
        if (idsByType.values().stream().allMatch(java.util.Set::isEmpty)) {
            return List.of();
        }
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<AuditEvent> query = cb.createQuery(AuditEvent.class);
        Root<AuditEvent> event = query.from(AuditEvent.class);
        List<Predicate> any = new ArrayList<>();
        idsByType.forEach((type, ids) -> {
            if (!ids.isEmpty()) {
                any.add(cb.and(cb.equal(event.get("targetType"), type), event.get("targetId").in(ids)));
            }
        });
        query.where(cb.or(any.toArray(Predicate[]::new))).orderBy(cb.desc(event.get("id")));
        return entityManager.createQuery(query).setMaxResults(limit).getResultList().stream()
                .map(e -> new AuditEntry(e.getId(), e.getOccurredAt(), e.getActor(), e.getAction(), e.getTargetType(),
                        e.getTargetId(), e.getDetail()))
                .toList();
    }

    /** The kinds of target present in the trail (client, evaluation, route...), for a filter list. */
    @Transactional(readOnly = true)
    public List<String> targetTypes() {
        requireAdministrator();
        return entityManager.createQuery("SELECT DISTINCT e.targetType FROM AuditEvent e ORDER BY e.targetType", String.class)
                .getResultList();
    }

    private void requireAdministrator() {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (user == null || !user.isAuthenticated() || user instanceof AnonymousAuthenticationToken) {
            throw new AccessDeniedException("Not signed in");
        }
        if (user.getAuthorities().stream().noneMatch(a -> ADMIN_AUTHORITY.equals(a.getAuthority()))) {
            audit.recordDenied(user.getName(), TARGET, "-", "reading the audit trail requires the administrator role");
            throw new AccessDeniedException("Not allowed");
        }
    }

    private static Predicate[] conditions(CriteriaBuilder cb, Root<AuditEvent> event, AuditFilter filter) {
        List<Predicate> where = new ArrayList<>();
        if (filter.actor() != null && !filter.actor().isBlank()) {
            where.add(cb.like(event.get("actor"), likePrefix(filter.actor().strip()), '\\'));
        }
        if (filter.action() != null) {
            where.add(cb.equal(event.get("action"), filter.action().name()));
        }
        if (filter.targetType() != null && !filter.targetType().isBlank()) {
            where.add(cb.equal(event.get("targetType"), filter.targetType()));
        }
        if (filter.targetId() != null && !filter.targetId().isBlank()) {
            where.add(cb.equal(event.get("targetId"), filter.targetId().strip()));
        }
        if (filter.from() != null) {
            where.add(cb.greaterThanOrEqualTo(event.get("occurredAt"), filter.from()));
        }
        if (filter.until() != null) {
            where.add(cb.lessThan(event.get("occurredAt"), filter.until()));
        }
        return where.toArray(Predicate[]::new);
    }

    private static String likePrefix(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
