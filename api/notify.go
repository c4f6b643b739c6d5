package api

import (
	"context"
	"fmt"

	"tuys/data"
	"tuys/notify"
)

// NotifyDeps are the SMS parts the HTTP layer uses.
type NotifyDeps struct {
	Service       *notify.Service
	Subscriptions *notify.Subscriptions
}

// SetNotify wires SMS into the server before Handler is called: volunteer
// confirmations compose the match SMS, web subscriptions ask for a YES, and
// inbound SAFE/FIND texts file reports through the same intake as the forms.
func (s *Server) SetNotify(d NotifyDeps) {
	s.ntf = d
	svc := d.Service
	svc.SetIntake(s, s)
	confirm := svc.Composer.ForMatch(s.store)
	s.SetConfirmHook(func(ctx context.Context, m data.Match) ([]data.Message, []data.Consent, error) {
		defer svc.Dispatcher.Wake() // the messages commit with the decision, right after this returns
		return confirm(ctx, m)
	})
	if d.Subscriptions != nil {
		s.SetSubscribeHook(d.Subscriptions.Subscribe)
	}
}

// FileSMSReport files a SAFE or FIND text through the same validation as the
// web form; the sender's number is the contact. A year that makes no sense
// is dropped rather than losing the report.
func (s *Server) FileSMSReport(ctx context.Context, kind data.Kind, from, name string, year int, city, lang string) (*data.Report, error) {
	in := ReportInput{Kind: string(kind), Person: PersonInput{FullName: name, BirthYear: year, City: city},
		Contact: ContactInput{Phone: from, Language: lang}}
	r, fe := in.toReport(s.now(), lang, data.ChannelSMS, s.parse)
	if _, badYear := fe["person.birth_year"]; badYear && len(fe) == 1 {
		in.Person.BirthYear = 0
		r, fe = in.toReport(s.now(), lang, data.ChannelSMS, s.parse)
	}
	if fe != nil {
		return nil, fmt.Errorf("sms report: invalid %v", fe)
	}
	if err := s.store.CreateReport(ctx, r); err != nil {
		return nil, err
	}
	s.log.InfoContext(ctx, "report filed", "id", r.ID, "kind", r.Kind, "channel", data.ChannelSMS, "phone", data.MaskPhone(r.ContactPhone))
	s.wake()
	return r, nil
}

// PublicMatches returns the best reports of the other kind for r: names,
// years and cities only reach the SMS reply.
func (s *Server) PublicMatches(ctx context.Context, r *data.Report, limit int) ([]*data.Report, error) {
	kind := data.KindSafe
	if r.Kind == data.KindSafe {
		kind = data.KindSeek
	}
	hits, err := s.searchReports(ctx, SearchQuery{Name: r.FullName, Kind: kind, BirthYear: r.BirthYear, City: r.City, Limit: limit})
	if err != nil {
		return nil, err
	}
	out := make([]*data.Report, 0, len(hits))
	for _, h := range hits {
		if h.Decision != "" { // only candidates a volunteer would at least review
			out = append(out, h.Report)
		}
	}
	return out, nil
}
