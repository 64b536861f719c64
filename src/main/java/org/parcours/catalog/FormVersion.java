package org.parcours.catalog;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** A published form version: its full definition text (form and scales used) and content hash. */
@Entity
@Immutable
@Table(name = "form_version")
class FormVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "form_key")
    private String formKey;

    @Column(name = "version_number")
    private int versionNumber;

    @Column(name = "content_hash")
    private String contentHash;

    @Column(name = "definition", columnDefinition = "longtext")
    private String definition;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(name = "published_by")
    private String publishedBy;

    @Column(name = "publish_comment")
    private String publishComment;

    protected FormVersion() {
    }

    FormVersion(String formKey, int versionNumber, String contentHash, String definition, Instant publishedAt) {
        this(formKey, versionNumber, contentHash, definition, publishedAt, null, null);
    }

    FormVersion(String formKey, int versionNumber, String contentHash, String definition, Instant publishedAt,
                String publishedBy, String publishComment) {
        this.publishedBy = publishedBy;
        this.publishComment = publishComment;
        this.formKey = formKey;
        this.versionNumber = versionNumber;
        this.contentHash = contentHash;
        this.definition = definition;
        this.publishedAt = publishedAt;
    }

    Long getId() {
        return id;
    }

    String getFormKey() {
        return formKey;
    }

    int getVersionNumber() {
        return versionNumber;
    }

    String getContentHash() {
        return contentHash;
    }

    String getDefinition() {
        return definition;
    }

    Instant getPublishedAt() {
        return publishedAt;
    }

    String getPublishedBy() {
        return publishedBy;
    }

    String getPublishComment() {
        return publishComment;
    }
}
