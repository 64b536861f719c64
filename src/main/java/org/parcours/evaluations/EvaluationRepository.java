package org.parcours.evaluations;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface EvaluationRepository extends JpaRepository<Evaluation, Long> {

    List<Evaluation> findByClientIdOrderByCreatedAtDesc(long clientId);
}
