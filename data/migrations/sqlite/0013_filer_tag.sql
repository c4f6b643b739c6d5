-- A keyed hash of the network a report was filed from (web and API): a
-- "looking for" and an "I am safe" report filed from one network match
-- only through a volunteer. An attacker's trial (2026-12-07) filed such
-- pairs with numbers of its choosing and spent the SMS budget on them.
ALTER TABLE reports ADD COLUMN filer_tag TEXT NOT NULL DEFAULT '';
