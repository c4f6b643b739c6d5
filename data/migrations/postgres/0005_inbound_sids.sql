-- Every inbound SMS handled, as "MessageSid/keyed hash of the body": a
-- replayed webhook (Twilio's retry, or a captured signed request sent
-- again) is answered but not run twice. Kept for good: a replay can come
-- at any time.
CREATE TABLE inbound_sids (
    sid TEXT PRIMARY KEY,
    at  BIGINT NOT NULL
);
