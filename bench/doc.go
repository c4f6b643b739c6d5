/*
Package bench holds the side-by-side benchmark of `make bench`: the same
seeded synthetic reports (search.Synth) loaded into the real tuys binary,
queried through GET /api/v1/search as a user would, and into the real
PostgreSQL with pg_trgm GIN indexes on lower(name) and on an ICU
romanization (uconv from Debian's icu-devtools; scripts/bench-deps.sh
installs it). The same queries run interleaved query by query, so drift of
the shared machine hits both systems alike; the figure that matters is the
per-query ratio pg/tuys.

The tuys node inherits make bench's GOGC and GOMEMLIMIT (tuys's own
defaults); this process, which plays the users and holds the whole corpus,
lifts its own memory limit (TestMain): under 512 MiB its collector ran
without pause at a million reports and its stalls were timed as tuys's.

It has benchmark functions only: `go test` runs nothing here,
`make bench` (TUYS_BENCH_N reports) runs it. TUYS_BENCH_SLOW=FILE writes
tuys's slowest 1% of queries, TUYS_BENCH_MISSES=FILE the queries whose
person tuys did not return in the top 10 (type, query, tuys's first hit),
TUYS_BENCH_SERVE_PROFILE=FILE the tuys node's CPU profile over the first
TUYS_BENCH_SERVE_PROFILE_SECONDS (default 30) of the timed queries, and
FILE.allocs what the node allocated meanwhile (go tool pprof
-sample_index=alloc_space).
*/
package bench
