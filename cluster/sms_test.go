package cluster

import (
	"context"
	"fmt"
	"time"

	"tuys/data"
	"tuys/notify/twiliotest"
)

// checkSMS waits until the outbox is drained, then checks that every
// message the nodes sent reached the fake Twilio exactly once: one SMS per
// idempotency key (purpose), whichever node claimed it, despite the kill.
func (c *cluster) checkSMS(ctx context.Context, store data.Store) {
	c.t.Helper()
	db := c.db(ctx)
	deadline := time.Now().Add(90 * time.Second)
	for {
		var pending int
		if err := db.QueryRowContext(ctx, `SELECT count(*) FROM messages WHERE state IN ($1, $2)`,
			data.MsgQueued, data.MsgSending).Scan(&pending); err != nil {
			c.t.Fatal(err)
		}
		if pending == 0 {
			break
		}
		if time.Now().After(deadline) {
			c.t.Fatalf("%d messages still queued or sending after 90s", pending)
		}
		time.Sleep(200 * time.Millisecond)
	}
	// A node may still be inside a send it claimed just before the last
	// row changed state; give stragglers a moment to show up as extras.
	time.Sleep(2 * time.Second)

	rows, err := db.QueryContext(ctx, `SELECT key, state FROM messages ORDER BY key`)
	if err != nil {
		c.t.Fatal(err)
	}
	type row struct{ key, state string }
	var all []row
	for rows.Next() {
		var r row
		if err := rows.Scan(&r.key, &r.state); err != nil {
			c.t.Fatal(err)
		}
		all = append(all, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		c.t.Fatal(err)
	}

	fake := c.twilio.Messages()
	seen := map[string]int{} // to + body → count at the fake
	bySID := map[string]twiliotest.Message{}
	for _, m := range fake {
		seen[m.To+"\x00"+m.Body]++
		bySID[m.SID] = m
	}
	sent, suppressed := 0, 0
	for _, r := range all {
		m, err := store.MessageByKey(ctx, r.key)
		if err != nil {
			c.t.Fatal(err)
		}
		switch r.state {
		case data.MsgSent, data.MsgDelivered, data.MsgUndelivered:
			sent++
			if n := seen[m.To+"\x00"+m.Body]; n != 1 {
				c.t.Errorf("message %s (%s) reached Twilio %d times, want 1", r.key, data.MaskPhone(m.To), n)
			}
			if f, ok := bySID[m.ProviderSID]; !ok || f.To != m.To {
				c.t.Errorf("message %s: provider SID %q unknown to the fake", r.key, m.ProviderSID)
			}
		default:
			suppressed++
			if n := seen[m.To+"\x00"+m.Body]; n != 0 {
				c.t.Errorf("message %s is %s but reached Twilio %d times", r.key, r.state, n)
			}
		}
	}
	if len(fake) != sent {
		c.t.Errorf("fake Twilio got %d SMS, the outbox says %d were sent", len(fake), sent)
	}
	c.t.Logf("SMS: %d outbox rows, %d sent (%s), %d not sent; fake Twilio received %d", len(all), sent,
		fmt.Sprintf("%d POSTs", c.twilio.Posts()), suppressed, len(fake))
	if sent == 0 {
		c.t.Errorf("no SMS were sent: is the dispatcher wired into tuys serve?")
	}
}
