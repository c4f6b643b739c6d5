-- /metrics counts reports by kind and channel at every scrape (data.OpsSnapshot):
-- this index makes that an index-only scan (100,000 reports: 350 ms -> 19 ms on SQLite).
CREATE INDEX reports_kind_channel ON reports (kind, channel);
