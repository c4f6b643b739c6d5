-- How far the event log has been matched by some node. A node that joins
-- late (or rebuilds its index) only indexes the events up to here: their
-- matches, messages and subscription SMS exist already.
CREATE TABLE matcher_state (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    matched_through BIGINT NOT NULL
);
INSERT INTO matcher_state (id, matched_through) VALUES (1, 0);
