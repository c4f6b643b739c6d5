package intake

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"tuys/data"
)

// Store is the part of data.Store filing needs.
type Store interface {
	CreateReport(ctx context.Context, r *data.Report) error
}

// Filer validates and stores reports. It is the only way a report enters
// tuys: the JSON API, the web forms, the console and SMS all call it.
type Filer struct {
	Store Store
	Log   *slog.Logger
	Now   func() time.Time
	Filed func() // after a commit (wakes the matcher); may be nil
}

// Filed is a stored report and the two secrets its author gets once: the
// deletion code and the token of their private page (/p/TOKEN).
type Filed struct {
	Report       *data.Report
	DeletionCode string
	PrivateToken string
}

// PrivateTokenLength is the private-page token's size in bytes (hex in URLs).
const PrivateTokenLength = 16

// File validates in and stores the report. Callers acknowledge only after
// it returns, i.e. after the commit. Field errors come back as FieldErrors
// with a nil error.
func (f *Filer) File(ctx context.Context, in *ReportInput, lang, channel string) (*Filed, FieldErrors, error) {
	r, fe := in.ToReport(f.Now(), lang, channel)
	if fe != nil {
		return nil, fe, nil
	}
	done := withSecrets(r)
	if err := f.store(ctx, r); err != nil {
		return nil, nil, err
	}
	return done, nil, nil
}

// withSecrets gives r a deletion code and a private-page token; only their
// hashes are stored.
func withSecrets(r *data.Report) *Filed {
	done := &Filed{Report: r, DeletionCode: data.NewCode(DeletionCodeLength), PrivateToken: data.NewCode(PrivateTokenLength)}
	r.DeletionHash, r.PrivateHash = data.HashCode(done.DeletionCode), data.HashCode(done.PrivateToken)
	return done
}

// FileSMS files a SAFE or FIND text; the sender's number is the contact.
// A year that makes no sense is dropped rather than losing the report.
func (f *Filer) FileSMS(ctx context.Context, kind data.Kind, from, name string, year int, city, lang string) (*Filed, error) {
	in := ReportInput{Kind: string(kind), Person: PersonInput{FullName: name, BirthYear: year, City: city},
		Contact: ContactInput{Phone: from, Language: lang}}
	r, fe := in.ToReport(f.Now(), lang, data.ChannelSMS)
	if _, badYear := fe["person.birth_year"]; badYear && len(fe) == 1 {
		in.Person.BirthYear = 0
		r, fe = in.ToReport(f.Now(), lang, data.ChannelSMS)
	}
	if fe != nil {
		return nil, fmt.Errorf("sms report: invalid %v", fe)
	}
	done := withSecrets(r)
	return done, f.store(ctx, r)
}

func (f *Filer) store(ctx context.Context, r *data.Report) error {
	if err := f.Store.CreateReport(ctx, r); err != nil {
		return fmt.Errorf("file report: %w", err)
	}
	f.Log.InfoContext(ctx, "report filed", "id", r.ID, "kind", r.Kind, "channel", r.Channel, "phone", data.MaskPhone(r.ContactPhone))
	if f.Filed != nil {
		f.Filed()
	}
	return nil
}
