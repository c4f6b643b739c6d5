package notify

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"tuys/data"
)

// TestEndToEndCollidingCodesStillChoose: two seekers' requests to one
// phone share a short code (by chance: codes are drawn). "ДА <code>"
// shares nothing and lists both with long codes; the long code then
// shares with that seeker only.
func TestEndToEndCollidingCodesStillChoose(t *testing.T) {
	w := newWorld(t)
	w.comp.codes = func() string { return "839" }
	first := w.match(t, false)
	w.seekPh, w.seeker = "+77017777777", "Марат"
	second := w.match(t, false)
	w.drain(t)
	w.listsAndSharesNothing(t, "да 839", "Айгуль", "Марат", w.comp.longCode(first.ID), w.comp.longCode(second.ID))
	w.sharesWithOnly(t, "ДА "+w.comp.longCode(second.ID), seekerAt{"Марат", "+77017777777"}, seekerAt{"Айгуль", "+77011234567"})
}

// TestEndToEndRepeatedAnswerDecidesNoOtherRequest: the person shared
// their number with the family by "ДА 574" and sends it again, as people
// do; a stranger's request pending with the same code must not get the
// number (an attacker's trial, 2026-12-07, filed seeks until one did).
func TestEndToEndRepeatedAnswerDecidesNoOtherRequest(t *testing.T) {
	w := newWorld(t)
	w.comp.codes = func() string { return "574" }
	w.match(t, false)
	w.drain(t)
	w.inbound(t, w.foundPh, "ДА 574", "")
	w.seekPh, w.seeker = "+77012220077", "Мама"
	stranger := w.match(t, false)
	w.drain(t)
	_, reply := w.inbound(t, w.foundPh, "ДА 574", "")
	w.drain(t)
	if got := w.fake.SentTo("+77012220077"); len(got) != 1 {
		t.Fatalf("the repeated answer gave the stranger the number (%d SMS): reply %q", len(got), reply)
	}
	if !strings.Contains(reply, w.comp.longCode(stranger.ID)) {
		t.Errorf("reply %q: want the pending request listed with its own code", reply)
	}
}

// TestCodesAreDrawnNotDerived: a request's code cannot be worked out from
// its match id, which is public: drawn anew for each request, three
// digits; the long code five digits, the same for a match every time.
func TestCodesAreDrawnNotDerived(t *testing.T) {
	c := newTestComposer(t, openStore(t))
	seen := map[string]bool{}
	for range 50 {
		code := c.drawCode()
		if len(code) != 3 || code[0] == '0' {
			t.Fatalf("code %q: want three digits", code)
		}
		seen[code] = true
	}
	if len(seen) < 10 {
		t.Errorf("50 draws gave %d codes", len(seen))
	}
	if l := c.longCode("M1"); len(l) != 5 || l != c.longCode("M1") {
		t.Errorf("long code %q", l)
	}
}

func TestListedCodeIsLongOnlyWhereShortCodesCollide(t *testing.T) {
	c := newTestComposer(t, openStore(t))
	a, b, d := data.Consent{MatchID: "A", Code: "839"}, data.Consent{MatchID: "B", Code: "839"}, data.Consent{MatchID: "D", Code: "120"}
	among := []data.Consent{a, b, d}
	for _, tc := range []struct {
		request data.Consent
		want    string
	}{{a, c.longCode("A")}, {b, c.longCode("B")}, {d, "120"}} {
		if got := c.listedCode(tc.request, among); got != tc.want {
			t.Errorf("listedCode(%s) = %s, want %s", tc.request.MatchID, got, tc.want)
		}
		if !c.codeNames(tc.want, tc.request) || !c.codeNames(tc.request.Code, tc.request) {
			t.Errorf("%s is not named by its own codes", tc.request.MatchID)
		}
	}
	if old := (data.Consent{MatchID: "OLD"}); !c.codeNames(shortCode(old), old) || len(shortCode(old)) != 3 {
		t.Errorf("a request kept before codes were has no code: %q", shortCode(old))
	}
}

// listsAndSharesNothing sends the found person's answer and checks that
// the reply lists what want names and that neither seeker (Айгуль,
// Марат) got the number.
func (w *world) listsAndSharesNothing(t *testing.T, answer string, want ...string) {
	t.Helper()
	_, reply := w.inbound(t, w.foundPh, answer, "")
	for _, x := range want {
		if !strings.Contains(reply, x) {
			t.Errorf("%q: reply %q lacks %q", answer, reply, x)
		}
	}
	w.drain(t)
	for _, ph := range []string{"+77011234567", "+77017777777"} {
		if got := w.fake.SentTo(ph); len(got) != 1 {
			t.Fatalf("%q released the number to %s (%d SMS)", answer, ph, len(got))
		}
	}
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
	for _, want := range []string{"Айгуль", "Марат", "НЕТ " + w.code(t, first.ID), "НЕТ " + w.code(t, second.ID)} {
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

// code is the short code the found person was asked about match id with.
func (w *world) code(t *testing.T, matchID string) string {
	t.Helper()
	pending, err := w.st.PendingConsents(context.Background(), w.foundPh)
	answered, err2 := w.st.AnsweredConsents(context.Background(), w.foundPh)
	if err != nil || err2 != nil {
		t.Fatal(err, err2)
	}
	for _, c := range append(pending, answered...) {
		if c.MatchID == matchID {
			return shortCode(c)
		}
	}
	t.Fatalf("no request about match %s", matchID)
	return ""
}

// TestEndToEndUnreceivedRequestIsNoChoice: the found person's phone
// reached its daily cap, so a stranger's later request was suppressed and
// never reached it. A bare YES is then about the family's request alone,
// the one the person read, and shares with the family only (it listed the
// stranger too, and a stranger's code could be answered: an attacker's
// trial, 2026-12-07).
func TestEndToEndUnreceivedRequestIsNoChoice(t *testing.T) {
	w := newWorld(t)
	w.match(t, false)
	w.drain(t)
	w.seekPh, w.seeker = "+77017777777", "Марат"
	w.match(t, false)
	noCap := w.d.Policy.DailyCap
	w.d.Policy.DailyCap = 1 // the found person's one SMS today was the family's request
	w.drain(t)
	w.d.Policy.DailyCap = noCap
	if got := w.fake.SentTo(w.foundPh); len(got) != 1 {
		t.Fatalf("the found person got %d requests, want the first only (daily cap 1)", len(got))
	}
	w.sharesWithOnly(t, "да", seekerAt{"Айгуль", "+77011234567"}, seekerAt{"Марат", "+77017777777"})
}

// TestBareYesListsTheEarliestSeekersFirst: strangers who file "looking
// for" reports after the found person's safe report is public cannot push
// the family's earlier request out of the list a bare YES gets (it shows
// the first three): the family was looking before anyone could copy the
// safe report.
func TestBareYesListsTheEarliestSeekersFirst(t *testing.T) {
	w := newWorld(t)
	w.later = true // the family filed an hour before the safe report
	family := w.match(t, false)
	w.later = false
	for i := range 4 { // then strangers, each filed after it
		w.seekPh, w.seeker = fmt.Sprintf("+7701888888%d", i), "Чужой"
		w.match(t, false)
	}
	w.drain(t)
	_, reply := w.inbound(t, w.foundPh, "да", "")
	if want := "ДА " + w.code(t, family.ID); !strings.Contains(reply, "Айгуль") || !strings.Contains(reply, want) {
		t.Errorf("bare YES with the family and four later strangers: %q lacks Айгуль and %q", reply, want)
	}
}

// TestTwinSeekersShareNothingBySMS: a stranger who learnt the family's
// name and relation files a copy with their own number; the found person
// cannot tell the two requests apart, so a YES by SMS to either shares
// nothing and sends the person to the hotline, whose volunteer can still
// record the answer after calling back.
func TestTwinSeekersShareNothingBySMS(t *testing.T) {
	w := newWorld(t)
	family := w.match(t, false)
	w.seekPh = "+77019999999" // the copy: the same name (Айгуль) and relation
	copied := w.match(t, false)
	w.drain(t)
	for _, id := range []string{copied.ID, family.ID} {
		_, reply := w.inbound(t, w.foundPh, "да "+w.code(t, id), "")
		if !strings.Contains(reply, "+7 727 000 00 00") || !strings.Contains(reply, "Айгуль") {
			t.Errorf("YES to one of two twin requests: reply %q names neither the seeker nor the hotline", reply)
		}
	}
	w.drain(t)
	for _, ph := range []string{"+77011234567", "+77019999999"} {
		if got := w.fake.SentTo(ph); len(got) != 1 {
			t.Fatalf("a YES by SMS to twin requests released the number to %s (%d SMS)", ph, len(got))
		}
	}
	if err := w.in.AnswerByPhone(context.Background(), family.ID, true); err != nil {
		t.Fatalf("a volunteer's call-back answer: %v", err)
	}
	w.drain(t)
	if got := w.fake.SentTo("+77011234567"); len(got) != 2 || !strings.Contains(got[1].Body, w.foundPh) {
		t.Errorf("after the volunteer's call the family got %d SMS", len(got))
	}
}

// TestBareYesSendsTwinsToTheHotline: a bare YES (or an unsure answer)
// lists twin requests without their codes, which would only be refused,
// and with the hotline; the other requests keep theirs. With twins only,
// the answer is the twin reply (a new user's trial, 2026-12-07).
func TestBareYesSendsTwinsToTheHotline(t *testing.T) {
	w := newWorld(t)
	family := w.match(t, false)
	w.seekPh = "+77019999999" // a copy: the same name (Айгуль) and relation
	copied := w.match(t, false)
	w.drain(t)
	if _, reply := w.inbound(t, w.foundPh, "да", ""); !strings.Contains(reply, "Двое назвались одинаково") {
		t.Errorf("bare YES with twins only: %q", reply)
	}
	w.seekPh, w.seeker = "+77017777777", "Марат"
	other := w.match(t, false)
	w.drain(t)
	for _, body := range []string{"да", "Да? Кто это?"} {
		_, reply := w.inbound(t, w.foundPh, body, "")
		if !strings.Contains(reply, "Марат") || !strings.Contains(reply, w.code(t, other.ID)) || !strings.Contains(reply, "2 одноимённых - ") ||
			strings.Contains(reply, "- "+w.code(t, family.ID)) || strings.Contains(reply, " "+w.code(t, copied.ID)+";") {
			t.Errorf("%q with twins and another: %q", body, reply)
		}
	}
	for _, body := range []string{"ИӘ", "yes", "Yes? who is this"} {
		if _, reply := w.inbound(t, w.foundPh, body, ""); !strings.Contains(reply, "Марат (") || !strings.Contains(reply, w.code(t, other.ID)) {
			t.Errorf("%q with twins and another: %q", body, reply)
		}
	}
}

// ReadsAlike judges what the found person reads: the relation as the SMS
// translates it and the first name whatever its spelling (an attacker's
// second trial: «мама» beside "mother", «Sister», «әпке», a Latin A in
// «Aйгерим», Kazakh «Айгерім», no relation, all got the number).
func TestReadsAlike(t *testing.T) {
	seeker := func(name, rel, phone string) *data.Report {
		return &data.Report{ContactName: name, Relation: rel, ContactPhone: phone, Channel: data.ChannelWeb}
	}
	family := seeker("Айгерим Ахметова", "sister", "+77051000001")
	for _, tc := range []struct {
		other *data.Report
		want  bool
	}{
		{seeker("айгерим", "sister", "+77059000002"), true},
		{seeker("Айгерим", "сестра", "+77059000002"), true},
		{seeker("Айгерим", "Sister", "+77059000002"), true},
		{seeker("Aйгерим", "sister", "+77059000002"), true}, // a Latin A
		{seeker("Айгерім", "sister", "+77059000002"), true},
		{seeker("Aigerim", "sister", "+77059000002"), true},
		{seeker("Айге\u0301рим", "sister", "+77059000002"), true},
		{seeker("Айгерим", "", "+77059000002"), true},             // «Вас ищет Айгерим.» beside «Айгерим (сестра)»
		{seeker("Айгерим\u3164", "sister", "+77059000002"), true}, // a blank Hangul letter
		{seeker("Айгерим-Апа", "sister", "+77059000002"), true},   // a word of respect
		{seeker("Ай-герим", "sister", "+77059000002"), true},      // a hyphen the SMS shows as Ай-Герим
		{seeker("Aıgerim", "sister", "+77059000002"), true},       // Kazakh Latin ı
		{seeker("Айгерuм", "sister", "+77059000002"), true},       // a Latin u among Cyrillic
		{seeker("Айгерим", "родственник", "+77059000002"), true},  // a relative of any kind
		{seeker("Айгерим", "sister", "+77051000001"), false},      // the same number: one seeker
		{seeker("Айгерим", "mother", "+77059000002"), false},
		{seeker("Айгуль", "sister", "+77059000002"), false},
		{seeker("Анна-Мария", "sister", "+77059000002"), false},
	} {
		if got := ReadsAlike(family, tc.other); got != tc.want {
			t.Errorf("ReadsAlike(family, %q %q) = %v, want %v", tc.other.ContactName, tc.other.Relation, got, tc.want)
		}
	}
	for _, pair := range [][2]*data.Report{
		{seeker("Айгуль", "mother", "+1"), seeker("Айгуля", "мама", "+2")},
		{seeker("Şolpan", "mother", "+1"), seeker("Шолпан", "parent", "+2")},
		{seeker("Ерлан", "son", "+1"), seeker("Ерлаша", "child", "+2")},
	} {
		if !ReadsAlike(pair[0], pair[1]) {
			t.Errorf("%q (%s) and %q (%s) do not read alike", pair[0].ContactName, pair[0].Relation, pair[1].ContactName, pair[1].Relation)
		}
	}
	if ReadsAlike(seeker("Ерлан", "son", "+1"), seeker("Ербол", "son", "+2")) || ReadsAlike(seeker("Айгуль", "mother", "+1"), seeker("Айгуль", "sister", "+2")) {
		t.Error("two names, or a mother and a sister, read alike")
	}
	if !ReadsAlike(seeker("Полиция", "", "+77051000001"), seeker("", "", "+77059000002")) {
		t.Error("an office's name and no name read alike: both are «человек, не указавший имени»")
	}
}

// A copy with the relation in other words, sent after the family got the
// number, is still a twin: its YES shares nothing.
func TestTwinWithTheRelationInOtherWords(t *testing.T) {
	w := newWorld(t)
	family := w.match(t, false) // Айгуль, sister
	w.drain(t)
	if _, reply := w.inbound(t, w.foundPh, "да "+w.code(t, family.ID), ""); !strings.Contains(reply, "Айгуль") {
		t.Fatalf("the family's YES: %q", reply)
	}
	w.seekPh, w.seeker, w.rel = "+77019999999", "Aйгуль", "сестра" // a Latin A
	w.match(t, false)
	w.drain(t)
	if _, reply := w.inbound(t, w.foundPh, "да", ""); !strings.Contains(reply, "+7 727 000 00 00") {
		t.Errorf("a bare YES to the copy: %q, want the hotline", reply)
	}
	w.drain(t)
	if got := w.fake.SentTo("+77019999999"); len(got) != 1 {
		t.Errorf("the copy got the number (%d SMS)", len(got))
	}
}
