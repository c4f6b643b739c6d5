package notify

import (
	"context"
	"strings"
	"testing"

	"tuys/data"
)

// TestEndToEndCollidingCodesStillChoose: two seekers' requests to one
// phone share a short code (a stranger can file seeks until one does, to
// block a family's answer). "ДА <code>" shares nothing and lists both with
// long codes; the long code then shares with that seeker only.
func TestEndToEndCollidingCodesStillChoose(t *testing.T) {
	w := newWorld(t)
	firstID, secondID := collidingMatchIDs(t)
	w.matchID = firstID
	w.match(t, false)
	w.seekPh, w.seeker, w.matchID = "+77017777777", "Марат", secondID
	w.match(t, false)
	w.drain(t)
	_, reply := w.inbound(t, w.foundPh, "да "+ConsentCode(firstID), "")
	for _, want := range []string{"Айгуль", "Марат", LongConsentCode(firstID), LongConsentCode(secondID)} {
		if !strings.Contains(reply, want) {
			t.Errorf("YES with a shared code: reply %q lacks %q", reply, want)
		}
	}
	w.drain(t)
	for _, ph := range []string{"+77011234567", "+77017777777"} {
		if got := w.fake.SentTo(ph); len(got) != 1 {
			t.Fatalf("a shared code released the number to %s (%d SMS)", ph, len(got))
		}
	}
	w.sharesWithOnly(t, "ДА "+LongConsentCode(secondID), seekerAt{"Марат", "+77017777777"}, seekerAt{"Айгуль", "+77011234567"})
}

// seekerAt is a seeker of the world by first name and phone.
type seekerAt struct{ name, phone string }

// sharesWithOnly sends the found person's answer and checks that its
// reply names chosen only, that chosen got the number in a second SMS and
// that other got nothing more than the first.
func (w *world) sharesWithOnly(t *testing.T, answer string, chosen, other seekerAt) {
	t.Helper()
	_, reply := w.inbound(t, w.foundPh, answer, "")
	if !strings.Contains(reply, chosen.name) || strings.Contains(reply, other.name) {
		t.Errorf("%q: reply %q must name %s only", answer, reply, chosen.name)
	}
	w.drain(t)
	if got := w.fake.SentTo(chosen.phone); len(got) != 2 || !strings.Contains(got[1].Body, w.foundPh) {
		t.Errorf("%s got %d SMS; want the number in the second", chosen.name, len(got))
	}
	if got := w.fake.SentTo(other.phone); len(got) != 1 {
		t.Errorf("%s got the number with %s's answer (%d SMS)", other.name, chosen.name, len(got))
	}
}

// collidingMatchIDs draws match ids until two share a short code (about
// 900 draws) and not a long one.
func collidingMatchIDs(t *testing.T) (string, string) {
	first := data.NewID()
	for range 100_000 {
		if id := data.NewID(); ConsentCode(id) == ConsentCode(first) && LongConsentCode(id) != LongConsentCode(first) {
			return first, id
		}
	}
	t.Fatal("no two ids share a short code")
	return "", ""
}

func TestListedCodeIsLongOnlyWhereShortCodesCollide(t *testing.T) {
	a, b := collidingMatchIDs(t)
	c := data.NewID()
	for ConsentCode(c) == ConsentCode(a) {
		c = data.NewID()
	}
	list := []string{a, b, c}
	for _, tc := range []struct{ id, want string }{
		{a, LongConsentCode(a)}, {b, LongConsentCode(b)}, {c, ConsentCode(c)},
	} {
		if got := listedCode(tc.id, list); got != tc.want {
			t.Errorf("listedCode(%s) = %s, want %s", tc.id, got, tc.want)
		}
		if !codeNames(tc.want, tc.id) || !codeNames(ConsentCode(tc.id), tc.id) {
			t.Errorf("%s is not named by its own codes", tc.id)
		}
	}
	if len(LongConsentCode(a)) != 5 || len(ConsentCode(a)) != 3 {
		t.Errorf("codes %s / %s: want three and five digits", ConsentCode(a), LongConsentCode(a))
	}
}

// TestBareNoWithSeveralListsNoCodes: a bare NO with two requests pending
// refuses nothing yet and lists them with the NO answer, not the YES one
// (a person who wants to refuse was told to reply YES and the code).
func TestBareNoWithSeveralListsNoCodes(t *testing.T) {
	w := newWorld(t)
	first := w.match(t, false)
	w.seekPh, w.seeker = "+77017777777", "Марат"
	second := w.match(t, false)
	w.drain(t)
	_, reply := w.inbound(t, w.foundPh, "нет", "")
	for _, want := range []string{"Айгуль", "Марат", "НЕТ " + ConsentCode(first.ID), "НЕТ " + ConsentCode(second.ID)} {
		if !strings.Contains(reply, want) {
			t.Errorf("bare NO with two pending: reply %q lacks %q", reply, want)
		}
	}
	if strings.Contains(reply, "ДА ") {
		t.Errorf("bare NO: reply %q asks for a YES", reply)
	}
	pending, err := w.st.PendingConsents(context.Background(), w.foundPh)
	if err != nil || len(pending) != 2 {
		t.Errorf("after a bare NO: %d pending, want both (%v)", len(pending), err)
	}
}
