package notify

import (
	"context"
	"fmt"
	"testing"
	"time"

	"tuys/data"
)

// BenchmarkDispatch measures outbox throughput through the SQLite store,
// twilio-go and the fake Twilio over loopback HTTP (messages/s), with every
// check (opt-out, number policy, daily cap, hourly budget) on.
func BenchmarkDispatch(b *testing.B) {
	for _, parallel := range []int{1, 8} {
		b.Run(fmt.Sprintf("parallel=%d", parallel), func(b *testing.B) {
			r := newRig(b)
			r.d.Parallel = parallel
			r.d.Batch = 64
			r.d.Policy.HourlyBudget = 1 << 30
			benchDispatch(b, r)
		})
	}
}

// BenchmarkDispatchLogSender is the same without HTTP: the store's share,
// with and without the global budget count (a scan of recent messages).
func BenchmarkDispatchLogSender(b *testing.B) {
	for _, budget := range []int{0, 1 << 30} {
		b.Run(fmt.Sprintf("budget=%v", budget > 0), func(b *testing.B) {
			r := newRig(b)
			r.d.Sender = NewLogSender(quiet)
			r.d.Batch = 64
			r.d.Policy.HourlyBudget = budget
			benchDispatch(b, r)
		})
	}
}

// perOp messages per benchmark iteration: `make bench` runs -benchtime 1x,
// and one message would measure nothing.
const perOp = 500

func benchDispatch(b *testing.B, r *rig) {
	total := b.N * perOp
	msgs := make([]data.Message, total)
	for i := range msgs {
		to := fmt.Sprintf("+7701%07d", i)
		msgs[i] = msg(fmt.Sprintf("bench:%d", i), to, "tuys: Жумабаев Е. С. (1985, Алматы) - в списке живых с 14.03.2026.")
	}
	for i := 0; i < len(msgs); i += 500 {
		r.enqueue(b, msgs[i:min(i+500, len(msgs))]...)
	}
	ctx := context.Background()
	b.ResetTimer()
	start := time.Now()
	for sent := 0; sent < total; {
		n, err := r.d.DispatchOnce(ctx)
		if err != nil {
			b.Fatal(err)
		}
		if n == 0 {
			b.Fatalf("outbox empty after %d of %d", sent, total)
		}
		sent += n
	}
	b.StopTimer()
	b.ReportMetric(float64(total)/time.Since(start).Seconds(), "msgs/s")
	if got := r.d.Stats().Sent.Load(); got != int64(total) {
		b.Fatalf("sent %d of %d", got, total)
	}
}
