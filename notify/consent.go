package notify

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"tuys/data"
)

// answer applies a YES or NO to one consent request: the one whose code
// the answer names, or — for a bare answer — the only one pending. With
// several pending, a bare answer shares nothing and the reply lists each
// request with its code: one YES must never release a number to every
// stranger who filed a report about this person.
func (in *Inbound) answer(ctx context.Context, cmd Command, from, lang string) (string, error) {
	pending, err := in.Store.PendingConsents(ctx, from)
	if err == nil {
		pending, err = in.received(ctx, pending)
	}
	if err != nil {
		return "", fmt.Errorf("pending consents: %w", err)
	}
	which := map[Verb]string{VerbYes: "yes_which", VerbNo: "no_which"}[cmd.Verb]
	chosen := pending
	if cmd.Code != "" {
		chosen = in.named(cmd.Code, pending)
		answered, err := in.Store.AnsweredConsents(ctx, from)
		if err != nil {
			return "", fmt.Errorf("answered consents: %w", err)
		}
		switch before := in.named(cmd.Code, answered); {
		case len(before) > 0 && len(chosen) == 0:
			return in.answeredBefore(ctx, before[0], cmd.Code, lang)
		case len(before) > 0 && !cmd.Unsure:
			// The person may be repeating an answer given already, and a
			// request pending with the same code got the number (an
			// attacker's trial, 2026-12-07): nothing is decided, the
			// pending are listed with codes of their own.
			return in.whichOne(ctx, from, chosen, append(chosen, before...), lang, which)
		case len(chosen) == 0 && cmd.Verb == VerbYes && !cmd.Unsure:
			return in.confirmSubscription(ctx, from, cmd.Code, lang)
		}
	}
	if cmd.Unsure {
		return in.unsure(ctx, from, chosen, pending, lang)
	}
	if cmd.Code == "" && len(pending) > 0 {
		if reply, ambiguous, err := in.besideSubscription(ctx, cmd.Verb, from, pending, lang); ambiguous || err != nil {
			return reply, err
		}
	}
	switch {
	case len(chosen) == 0:
		return in.text(lang, "yes_none")
	case len(chosen) > 1 && len(cmd.Code) > len(shortCode(chosen[0])):
		return in.Composer.Failed(lang), nil // even the long codes collide: a volunteer sorts it out
	case len(chosen) > 1: // a bare answer, or a short code that names several
		return in.whichOne(ctx, from, chosen, chosen, lang, which)
	}
	return in.decide(ctx, cmd.Verb, chosen[0], from, lang)
}

// besideSubscription answers a bare YES or NO sent while a subscription
// also waits for this phone's YES: it decides nothing and lists the
// requests with their codes. A stranger subscribed the found person's
// number to their own report, the person answered that SMS with a bare
// "Да", and the only consent request pending gave the stranger the number
// (an attacker's trial, 2026-12-07).
func (in *Inbound) besideSubscription(ctx context.Context, verb Verb, from string, pending []data.Consent, lang string) (string, bool, error) {
	subs, err := in.Store.PendingSubscriptions(ctx, from)
	if err != nil || len(subs) == 0 {
		return "", false, err
	}
	template := map[Verb]string{VerbYes: "yes_code", VerbNo: "no_code"}[verb]
	reply, err := in.whichOne(ctx, from, pending, pending, lang, template)
	return reply, true, err
}

// received keeps the requests whose SMS may have reached the phone: one
// suppressed (STOP, the daily cap), failed or undelivered never did, and
// an answer cannot mean it; a stranger's requests past the cap were still
// answerable, and listed to a bare YES (an attacker's trial, 2026-12-07).
func (in *Inbound) received(ctx context.Context, pending []data.Consent) ([]data.Consent, error) {
	var out []data.Consent
	for _, c := range pending {
		m, err := in.Store.MessageByKey(ctx, foundKey(c.MatchID))
		switch {
		case errors.Is(err, data.ErrNotFound):
		case err != nil:
			return nil, err
		case m.State == data.MsgSuppressed || m.State == data.MsgFailed || m.State == data.MsgUndelivered:
			continue
		}
		out = append(out, c)
	}
	return out, nil
}

// named keeps the requests of among that code names.
func (in *Inbound) named(code string, among []data.Consent) []data.Consent {
	var out []data.Consent
	for _, c := range among {
		if in.Composer.codeNames(code, c) {
			out = append(out, c)
		}
	}
	return out
}

// answeredBefore tells a phone that answers a request again what its
// answer was ("ДА 986" after the number went out got "no request with
// that code", and the person thought the consent failed: a new user's
// trial, 2026-12-07).
func (in *Inbound) answeredBefore(ctx context.Context, c data.Consent, code, lang string) (string, error) {
	name := map[string]string{data.ConsentYes: "yes_before", data.ConsentNo: "no_before"}[c.Answer]
	_, seek, _, err := in.parties(ctx, c.MatchID)
	if err != nil || name == "" {
		return in.text(lang, "yes_none") // the seeker's report is gone: nothing to name
	}
	return in.Composer.T.Fit(lang, name, func(level int) Vars {
		v := in.Composer.seekerVars(seek, lang, level)
		v.Code, v.Date = code, FormatDate(lang, c.AnsweredAt, in.Composer.Zone)
		return v
	})
}

// unsure answers an answer that decides nothing (Command.Unsure): it
// shares nothing and lists, with their codes, the requests it may have
// meant (those of its code, else all pending).
func (in *Inbound) unsure(ctx context.Context, from string, chosen, pending []data.Consent, lang string) (string, error) {
	if len(chosen) == 0 {
		chosen = pending
	}
	if len(chosen) == 0 {
		return in.text(lang, "yes_none")
	}
	return in.whichOne(ctx, from, chosen, chosen, lang, "answer_unsure")
}

// decide records the answer to one request and, for a YES, queues the
// seeker's SMS with the found person's number in the same transaction.
func (in *Inbound) decide(ctx context.Context, verb Verb, c data.Consent, from, lang string) (string, error) {
	m, seek, safe, err := in.parties(ctx, c.MatchID)
	if err != nil {
		return "", err
	}
	if verb == VerbYes {
		switch twins, err := Twins(ctx, in.Store, from); {
		case err != nil:
			return "", err
		case twins[c.MatchID]:
			return in.twinReply(seek, lang)
		}
	}
	err = in.record(ctx, verb, m, seek, safe, from)
	if errors.Is(err, ErrNoPendingConsent) {
		return in.text(lang, "yes_none") // answered meanwhile (a duplicate webhook)
	}
	if err != nil {
		return "", err
	}
	name := map[Verb]string{VerbYes: "yes_ok", VerbNo: "no_ok"}[verb]
	// The reply names exactly who received the number.
	return in.Composer.T.Fit(lang, name, func(level int) Vars { return in.Composer.seekerVars(seek, lang, level) })
}

// twinReply sends a YES to a twin request (Twins) to the hotline.
func (in *Inbound) twinReply(seek *data.Report, lang string) (string, error) {
	return in.Composer.T.Fit(lang, "yes_twin", func(level int) Vars {
		v := in.Composer.seekerVars(seek, lang, level)
		v.Hotline = in.Composer.hotline()
		return v
	})
}

// record stores verb as the answer phone gave to the request of match m
// and queues, in the same transaction, the seeker's SMS with the found
// person's number for a YES, then extra. ErrNoPendingConsent: the request
// was answered meanwhile (or never asked of phone).
func (in *Inbound) record(ctx context.Context, verb Verb, m *data.Match, seek, safe *data.Report, phone string, extra ...data.Message) error {
	var msgs []data.Message
	if verb == VerbYes && seek.ContactPhone != "" && seek.Status != data.StatusRemoved && safe.ContactPhone != "" {
		msg, err := in.Composer.Contact(*m, seek, safe)
		if err != nil {
			return err
		}
		msgs = append(msgs, msg)
	}
	msgs = append(msgs, extra...)
	answer := map[Verb]string{VerbYes: data.ConsentYes, VerbNo: data.ConsentNo}[verb]
	err := in.Store.AnswerConsent(ctx, m.ID, phone, answer, msgs)
	if errors.Is(err, data.ErrNotFound) {
		return ErrNoPendingConsent
	}
	if err != nil {
		return fmt.Errorf("answer consent %s: %w", m.ID, err)
	}
	if len(msgs) > 0 && in.Queued != nil {
		in.Queued()
	}
	return nil
}

// whichOne lists the pending requests, each with its code, and shares
// nothing. Past a few it names how many more: six seekers (a family filing
// again and again) made a list no SMS could hold, and the person got "try
// again later", which could never work (a new user's trial, 2026-12-07).
// The earliest seekers come first: listed newest first, strangers who
// filed after the safe report went public pushed the family, who was
// looking before it, out of the list.
//
// Twin requests (Twins) are listed without a code, to the hotline: a YES
// with a twin's code shares nothing, and a list inviting one was a reply
// promised and then refused (a new user's trial, 2026-12-07). A NO lists
// them: refusing a twin harms no one.
func (in *Inbound) whichOne(ctx context.Context, from string, pending, among []data.Consent, lang, template string) (string, error) {
	// The list gives each code with the answer asked for; answer_unsure
	// names both answers first, so its list gives codes only.
	yes, no := map[string]string{"kk": "ИӘ ", "ru": "ДА ", "en": "YES "}, map[string]string{"kk": "ЖОҚ ", "ru": "НЕТ ", "en": "NO "}
	answer := map[string]map[string]string{"yes_which": yes, "yes_code": yes, "no_which": no, "no_code": no}[template][Lang(lang)]
	type asking struct {
		code string // the request's code among the others (listedCode)
		seek *data.Report
	}
	twins := map[string]bool{}
	if template != "no_which" && template != "no_code" {
		var err error
		if twins, err = Twins(ctx, in.Store, from); err != nil {
			return "", err
		}
	}
	var all, alike []asking
	for _, c := range pending {
		_, seek, _, err := in.parties(ctx, c.MatchID)
		switch {
		case err != nil: // gone since it was asked: nothing to list
		case twins[c.MatchID]:
			alike = append(alike, asking{seek: seek})
		default:
			all = append(all, asking{in.Composer.listedCode(c, among), seek})
		}
	}
	if len(all) == 0 && len(alike) > 0 {
		return in.twinReply(alike[0].seek, lang)
	}
	slices.SortStableFunc(all, func(a, b asking) int { return a.seek.CreatedAt.Compare(b.seek.CreatedAt) })
	return in.Composer.T.Fit(lang, template, func(level int) Vars {
		shown := min(len(all), max(1, 3-level))
		var parts []string
		for _, a := range all[:shown] {
			v := in.Composer.seekerVars(a.seek, lang, level+1)
			who := v.Seeker
			if v.Relation != "" {
				who += " (" + v.Relation + ")"
			}
			parts = append(parts, who+" - "+answer+a.code)
		}
		if more := len(all) - shown; more > 0 {
			parts = append(parts, fmt.Sprintf(map[string]string{"kk": "тағы %d", "ru": "и ещё %d", "en": "%d more"}[Lang(lang)], more))
		}
		if len(alike) > 0 && level < 3 { // the verb goes first when the SMS is long, then the twins
			say := map[string]string{"kk": "аты бірдей %d - %s нөміріне хабарласыңыз", "ru": "%d одноимённых - звоните %s", "en": "%d with one name - call %s"}
			if level > 0 {
				say = map[string]string{"kk": "аты бірдей %d - %s", "ru": "%d одноимённых - %s", "en": "%d with one name - %s"}
			}
			parts = append(parts, fmt.Sprintf(say[Lang(lang)], len(alike), in.Composer.hotline()))
		}
		return Vars{Matches: strings.Join(parts, "; ")}
	})
}

// confirmSubscription takes YES <code> for "SMS me about this report".
func (in *Inbound) confirmSubscription(ctx context.Context, from, code, lang string) (string, error) {
	subs, err := in.Store.PendingSubscriptions(ctx, from)
	if err != nil {
		return "", fmt.Errorf("pending subscriptions: %w", err)
	}
	for _, sub := range subs {
		if SubscriptionCode(sub.ReportID) != code {
			continue
		}
		if err := in.Store.ConfirmSubscription(ctx, sub.ReportID, from); err != nil && !errors.Is(err, data.ErrNotFound) {
			return "", fmt.Errorf("confirm subscription: %w", err)
		}
		return in.text(lang, "sub_ok")
	}
	return in.text(lang, "yes_none")
}

// parties loads a consent's match and both reports.
func (in *Inbound) parties(ctx context.Context, matchID string) (*data.Match, *data.Report, *data.Report, error) {
	m, err := in.Store.GetMatch(ctx, matchID)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("consent match %s: %w", matchID, err)
	}
	seek, err := in.Store.GetReport(ctx, m.SeekID)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("consent seek report: %w", err)
	}
	safe, err := in.Store.GetReport(ctx, m.SafeID)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("consent safe report: %w", err)
	}
	return m, seek, safe, nil
}
