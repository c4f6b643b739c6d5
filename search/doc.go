/*
Package search matches "looking for" (seek) reports against "I am safe"
reports across scripts and spellings.

Pipeline, one file each:

  - fold.go, normalize.go, phonetic.go, fuzzy.go: every script and Latin convention
    (Cyrillic with Kazakh letters, passport/BGN/GOST Latin, Kazakh Latin
    2017/2018/2021, German, Polish, Turkish, Uzbek, pinyin, chat spellings)
    onto skeleton keys (TokenKeys: primary key plus convention alternates),
    a phonetic key, and the fuzzy budget retrieval allows.
  - names.go, givennames.go: ParseName splits a name written in any order
    into given/family/patronymic with a sex hint; diminutives and Korean-
    Kazakh surnames.
  - gazetteer.go: CityKey, CityName, CityNames (bilingual and historic
    names of Kazakhstan's places and a few abroad).
  - rank.go, score.go: scoreRaw(q, c *Person), clamped to [0,1] for a
    Match, with per-field Reasons.
  - explain.go: which differences a convention explains (Kazakh↔Russian
    forms, two spellings of one father's name) and which are two real
    surnames (realnames/surnames.txt); decide.go: auto only when every
    name difference is explained or a second signal backs it, with no
    close second.
  - index.go: the Bleve mapping and documents (custom token filters
    registered in init()); shards.go: the index split into shards by report
    id, rebuilt from the log when RulesVersion changed; postings.go,
    postingsload.go: the name keys of active reports in memory, following
    every commit and reloaded from the stored copies at start;
    retrieve.go, postingsearch.go: the candidate query over them, each
    word counted once at its best level; fuzzyterms.go: fuzzy expansion
    over Bleve's term dictionaries with a lazy Levenshtein automaton.
  - engine.go, matcher.go: Engine tails store.EventsAfter, indexes, and
    matches each new report (events another node has matched, up to the
    store's MatchedThrough mark, are only indexed); Search for volunteers;
    Reindex; batchmatch.go judges a batch of new reports together.
  - eval.go, evaltally.go, synth.go: EvalMain implements `tuys eval`
    (per-category figures, -ranks); Synth generates
    realistic people for distractors and benchmarks.

Wiring:

	ix, err := search.OpenIndex(filepath.Join(dataDir, "index"))
	eng := search.NewEngine(store, ix, search.Options{Composer: composer, Logger: log})
	go eng.Run(ctx)     // after a local write: eng.Wake()
	eng.Ready()         // readyz: caught up once
	res, err := eng.Search(ctx, search.Query{Name: "Jumabaev Erlan", Kind: data.KindSafe})
	code := search.EvalMain(os.Args[2:], os.Stdout)

Decisions: a pair at or above Thresholds.Review becomes a Match in review;
at or above Thresholds.Auto it is auto_confirmed (messages from the
Composer) only when no second candidate is within Thresholds.Margin, the
birth year agrees (exactly, or within a year in the same place) and nothing
contradicts (sex, place, father's name). A safe report may be auto-matched to
several seekers, each of whom must see it as their clear best.

Matching a burst (batchmatch.go): the new reports of one catch-up batch
are ranked together, in parallel, reports with the same names share one
retrieval, and the matches are saved in one transaction, in sequence
order, with the same decisions as one at a time (TestBatchMatchingEqualsOneByOne).
A burst of 14,547 seek reports with the 50 most common names at 200,000
reports: 269 matched/s one at a time, 2,355-3,209 batched (BenchmarkMatchBurst).

Where the slowest searches spend their time (2026-12-04, 200,000 reports,
`go test ./bench -bench SlowestQueries -benchtime 1x` with
TUYS_BENCH_PROFILE): through HTTP under a shared machine the slowest 1% are
mostly not slow in themselves: best of three in process p99 6.3 ms, the
last single pass p99 26.7 ms; the gap is the machine and collections. The
queries that stay slow (best of three, slowest 1%: long Latin names with
two -uly/-kyzy words, first-letter typos, reordered names; the worst, a
given name with its first letter lost, 51 ms) spend 76% of their CPU in
Bleve's search: 59% iterating the disjunction of every key's postings
(49% under the first-letter pass's rescoring searcher), 9% building the
term searchers, then 8% re-ranking, 6% decoding stored copies, 4% GC.
Before the matching-precision change the same profile was 58% Bleve
disjunction, 15% GC, 11% re-ranking. So the tail is in retrieval, not in
the re-ranker (untried: fewer, rarer keys per word in the second pass).

Where the matcher spent its time on an import (2026-12-04; a node holding
10,000 seekers takes a 100,000-row hospital list; BenchmarkImportCSVMatched
in the main package measures it through tuys import and a running node):
659 rows/s when Bleve answered every retrieval, 35% of the CPU in Bleve's
search (building a term searcher per key, shard and segment), 20%
re-ranking, 10% fuzzy dictionary walks, 10% the reverse check, ~20% GC.
Retrieval now walks in-memory lists of the name keys (postings.go; Bleve
keeps the stored copies and the event mark, and the lists are rebuilt
from the stored copies at start), fuzzy expansion reads the same keys
bucketed by first letter and length and is forgotten only when a commit
adds a new key, and the re-ranker words reasons, and works out closeness,
only for the candidates a query keeps: 2,104 / 2,167 / 2,673 rows/s in
three runs, the import alone 7,500-9,900. What is left: re-ranking 30
candidates (nameScore's alignments, about 40%), the store's reads and
writes of a batch (~10%), Bleve's indexing of the batch (~8%), GC.
At 1,000,000 reports the lists hold about 25 keys a report: the index
build (in process) went from 19-21k to 17,200 reports/s and its peak RSS
from 675-696 to 742 MB; a query in process p50 2.7 ms, p99 10.6 ms.
*/
package search
