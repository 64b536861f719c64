package org.parcours.programmes;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface WorkflowStateRepository extends JpaRepository<WorkflowState, Long> {

    List<WorkflowState> findByClientId(long clientId);

    Optional<WorkflowState> findByClientIdAndProgrammeIdAndWorkflowId(long clientId, String programmeId, String workflowId);
}
