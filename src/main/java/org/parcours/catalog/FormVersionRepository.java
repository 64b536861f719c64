package org.parcours.catalog;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface FormVersionRepository extends JpaRepository<FormVersion, Long> {

    Optional<FormVersion> findByFormKeyAndContentHash(String formKey, String contentHash);

    Optional<FormVersion> findFirstByFormKeyOrderByVersionNumberDesc(String formKey);

    List<FormVersion> findByFormKeyOrderByVersionNumberDesc(String formKey);

    @Query("select v.id from FormVersion v where v.formKey = :formKey")
    List<Long> findIdsByFormKey(String formKey);

    @Query("select distinct v.formKey from FormVersion v")
    List<String> findFormKeys();
}
