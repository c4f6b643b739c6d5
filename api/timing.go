package api

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// stageTimes records how long the stages of one request took, for its
// Server-Timing header (RFC: W3C Server Timing): a browser's developer
// tools show it, and `make bench` splits tuys's latency with it into the
// engine's search, the store's read and what HTTP adds around them.
type stageTimes []stageTime

type stageTime struct {
	name string
	took time.Duration
}

type stageTimesKey struct{}

// withStageTimes returns a context whose stages are recorded in t.
func withStageTimes(ctx context.Context) (context.Context, *stageTimes) {
	t := &stageTimes{}
	return context.WithValue(ctx, stageTimesKey{}, t), t
}

// timeStage records since start as stage name when ctx records stages.
func timeStage(ctx context.Context, name string, start time.Time) {
	if t, ok := ctx.Value(stageTimesKey{}).(*stageTimes); ok {
		*t = append(*t, stageTime{name, time.Since(start)})
	}
}

// header is the Server-Timing value: "search;dur=1.93, read;dur=0.41, …"
// (milliseconds).
func (t *stageTimes) header() string {
	parts := make([]string, len(*t))
	for i, st := range *t {
		parts[i] = fmt.Sprintf("%s;dur=%.2f", st.name, float64(st.took.Microseconds())/1000)
	}
	return strings.Join(parts, ", ")
}
