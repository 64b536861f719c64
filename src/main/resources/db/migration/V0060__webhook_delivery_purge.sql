-- Delivered webhook rows are deleted once older than parcours.webhooks.retention (api.WebhookDeliveryPurge,
-- docs/decisions/0020): this index finds them without reading the whole outbox.
CREATE INDEX ix_webhook_delivery_delivered ON webhook_delivery (state, delivered_at);
