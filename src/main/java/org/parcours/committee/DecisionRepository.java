package org.parcours.committee;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface DecisionRepository extends JpaRepository<Decision, Long> {

    List<Decision> findByAgendaItemIdInOrderByIdAsc(Collection<Long> agendaItemIds);

    List<Decision> findByAgendaItemIdOrderByIdAsc(long agendaItemId);
}
