-- A keyed hash of the network a report was filed from (web and API): the
-- reports of a network already in three automatic matches in a day match
-- only through a volunteer. An attacker's trial (2026-12-07) filed
-- pairs with numbers of its choosing and spent the SMS budget on them.
ALTER TABLE reports ADD COLUMN filer_tag TEXT NOT NULL DEFAULT '';
CREATE INDEX reports_filer ON reports (filer_tag) WHERE filer_tag <> '';
