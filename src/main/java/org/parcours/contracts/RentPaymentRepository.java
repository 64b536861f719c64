package org.parcours.contracts;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface RentPaymentRepository extends JpaRepository<RentPayment, Long> {

    List<RentPayment> findByClientIdOrderByMonthStartAsc(long clientId);

    Optional<RentPayment> findByClientIdAndMonthStart(long clientId, LocalDate monthStart);
}
