package search

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"tuys/data"
)

// Judging a batch of reports together (ranked in parallel, retrieval
// shared by namesakes, saved in one transaction) decides exactly what
// judging them one at a time does: the same pairs, states and scores, and
// the same "seeker already knows" and "found person asked before" for each
// composed auto match, and the
// same reasons (namesakes share the names' part of their scores).
func TestBatchMatchingEqualsOneByOne(t *testing.T) {
	ctx := context.Background()
	reports := namesakeMix(NewSynth(5), 120)
	oneByOne := judgeAll(t, ctx, reports, 1)
	batched := judgeAll(t, ctx, reports, len(reports))
	if len(oneByOne) == 0 {
		t.Fatal("the mix produced no matches: the test would prove nothing")
	}
	if !slices.Equal(oneByOne, batched) {
		t.Errorf("batched matching differs from one by one:\none by one: %v\nbatched:    %v", oneByOne, batched)
	}
	if !slices.ContainsFunc(oneByOne, func(m string) bool { return strings.Contains(m, "knows=true") }) {
		t.Error("no seeker told twice in the mix: SeekerKnows is not exercised")
	}
	if !slices.ContainsFunc(oneByOne, func(m string) bool { return strings.HasSuffix(m, "asked=true") }) {
		t.Error("no family filing twice in the mix: AskedBefore is not exercised")
	}
}

// namesakeMix returns people each reported as sought and found in other
// spellings, up to three times (the last from the number the seeker
// gave), with namesakes (the same name, another year).
func namesakeMix(syn *Synth, people int) []*data.Report {
	var out []*data.Report
	for i := 0; i < people; i++ {
		p := syn.Person()
		p.Year = 1950 + i%40
		seek := p.Render(i%10, false, true)
		seek.Kind, seek.ContactPhone = data.KindSeek, fmt.Sprintf("+7701%07d", i)
		out = append(out, seek)
		for k := 0; k <= i%3; k++ { // up to three safe reports of the same person
			safe := p.Render((i+3+k)%10, k == 1, true)
			safe.ContactPhone = fmt.Sprintf("+7702%07d", i*3+k)
			out = append(out, safe)
		}
		// The last one, texted from the number the seeker gave: a second
		// automatic match for a seeker who already knows.
		seek.SoughtPhone = fmt.Sprintf("+7702%07d", i*3+i%3)
		out[len(out)-1].Channel = data.ChannelSMS
		if i%5 == 1 { // the family files again: the same seeker, asked before
			again := *seek
			out = append(out, &again)
		}
		if i%4 == 0 { // a namesake born elsewhere in time, and one looked for
			p.Year += 7
			out = append(out, p.Render(i%10, false, true))
			namesake := *seek // the same names: one retrieval and one names' score in a batch
			namesake.BirthYear, namesake.City, namesake.SoughtPhone = p.Year+1, "Шымкент", ""
			out = append(out, &namesake)
		}
	}
	return out
}

// judgeAll files copies of reports into a fresh store, per chunk of size
// followed by a catch-up, and returns every match and composed message,
// naming reports by their position.
func judgeAll(t *testing.T, ctx context.Context, reports []*data.Report, size int) []string {
	store := openTestStore(t)
	pos := map[string]int{}
	var out []string
	composer := func(_ context.Context, m data.Match, seek, safe *data.Report) ([]data.Message, []data.Consent, error) {
		out = append(out, fmt.Sprintf("composed %d/%d knows=%v asked=%v", pos[seek.ID], pos[safe.ID], m.SeekerKnows, m.AskedBefore))
		return nil, nil, nil
	}
	eng, _ := newTestEngine(t, store, Options{Composer: composer})
	copies := make([]*data.Report, len(reports))
	t0 := time.Now().Add(-time.Hour)
	for i, r := range reports {
		c := *r
		c.CreatedAt = t0.Add(time.Duration(i) * time.Second) // filed in order
		copies[i] = &c
	}
	for i := 0; i < len(copies); i += size {
		chunk := copies[i:min(i+size, len(copies))]
		if err := store.CreateReports(ctx, chunk); err != nil {
			t.Fatal(err)
		}
		for k, r := range chunk {
			pos[r.ID] = i + k
		}
		if err := eng.CatchUp(ctx); err != nil {
			t.Fatal(err)
		}
	}
	for _, r := range copies {
		if r.Kind != data.KindSeek {
			continue
		}
		ms, err := store.MatchesForReport(ctx, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range ms {
			out = append(out, fmt.Sprintf("%s %d/%d %.4f %s", m.State, pos[m.SeekID], pos[m.SafeID], m.Score, m.Explanation))
		}
	}
	slices.Sort(out)
	return out
}
