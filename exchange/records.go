package exchange

import (
	"context"
	"errors"
	"net/url"
	"strings"

	"tuys/data"
)

// DomainOf is the <domain> of this instance's PFIF record ids: the host of
// its public URL ("localhost" when it has none).
func DomainOf(publicURL string) string {
	if u, err := url.Parse(publicURL); err == nil && u.Hostname() != "" {
		return u.Hostname()
	}
	return "localhost"
}

// personPrefix and notePrefix begin this instance's PFIF record ids:
// tuys.<domain>/person.<id> and tuys.<domain>/note.<id>.
func personPrefix(domain string) string { return "tuys." + domain + "/person." }
func notePrefix(domain string) string   { return "tuys." + domain + "/note." }

// records finds the report a PFIF record id stands for: the one imported
// with it or, for this instance's own ids (a partner mirror may post our
// records back to us), the report itself.
type records struct {
	st     data.Store
	is     data.ImportStore
	domain string // "" = unknown: no id is taken for our own
}

// ours returns the id of our own report that recordID names ("" if none).
func (rs records) ours(ctx context.Context, recordID string) (string, error) {
	if rs.domain == "" || !strings.HasPrefix(recordID, personPrefix(rs.domain)) {
		return "", nil
	}
	id := strings.TrimPrefix(recordID, personPrefix(rs.domain))
	if _, err := rs.st.GetReport(ctx, id); err != nil {
		if errors.Is(err, data.ErrNotFound) {
			return "", nil
		}
		return "", err
	}
	return id, nil
}

// report returns the report recordID stands for, or data.ErrNotFound.
func (rs records) report(ctx context.Context, recordID string) (string, error) {
	if id, err := rs.ours(ctx, recordID); id != "" || err != nil {
		return id, err
	}
	return rs.is.ReportForRecord(ctx, recordID)
}

// ourNote reports whether a note record id is one we wrote (kind, link or
// a stored note): we have it already.
func (rs records) ourNote(recordID string) bool {
	return rs.domain != "" && strings.HasPrefix(recordID, notePrefix(rs.domain))
}
