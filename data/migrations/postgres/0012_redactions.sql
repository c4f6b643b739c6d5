-- SMS whose text the provider (Twilio) still keeps though the report they
-- were about was removed: RemoveReport queues them, the dispatcher asks the
-- provider to empty them (an attacker's trial, 2026-12-07, fetched a
-- removed report's "contact" SMS, with the number, from Twilio by its SID).
CREATE TABLE redactions (
    sid        TEXT PRIMARY KEY,
    created_at BIGINT NOT NULL,
    next_at    BIGINT NOT NULL DEFAULT 0,
    attempts   INTEGER NOT NULL DEFAULT 0
);
