package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// API token scopes (the Person Finder model): read is the public view at a
// partner's rate, read_contacts adds phone numbers, write files reports,
// import loads batches, stats reads the dashboard figures.
const (
	ScopeRead         = "read"
	ScopeReadContacts = "read_contacts"
	ScopeWrite        = "write"
	ScopeImport       = "import"
	ScopeStats        = "stats"
)

// Scopes lists every valid scope.
var Scopes = []string{ScopeRead, ScopeReadContacts, ScopeWrite, ScopeImport, ScopeStats}

// APIToken is a partner system's credential. Only the hash of the token is
// stored, so a stolen database file holds no usable token.
type APIToken struct {
	ID        int64
	Name      string
	Hash      string
	Scopes    []string
	Active    bool
	CreatedAt time.Time
}

// Has reports whether the token carries scope.
func (t *APIToken) Has(scope string) bool { return t != nil && slices.Contains(t.Scopes, scope) }

// ParseScopes reads "read,write" and refuses unknown scopes.
func ParseScopes(s string) ([]string, error) {
	var out []string
	for _, p := range strings.Split(s, ",") {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		if !slices.Contains(Scopes, p) {
			return nil, fmt.Errorf("unknown scope %q (want %s)", p, strings.Join(Scopes, ", "))
		}
		if !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	if len(out) == 0 {
		return nil, errors.New("no scope given")
	}
	return out, nil
}

// TokenStore keeps API tokens. Both SQL stores implement it; callers reach it
// with a type assertion so the Store interface stays unchanged.
type TokenStore interface {
	CreateToken(ctx context.Context, t *APIToken) error
	// TokenByHash returns the active token with this hash, or ErrNotFound.
	TokenByHash(ctx context.Context, hash string) (*APIToken, error)
	ListTokens(ctx context.Context) ([]APIToken, error)
	// RevokeToken deactivates the tokens with this id or name; ErrNotFound if none.
	RevokeToken(ctx context.Context, idOrName string) (int, error)
}

var _ TokenStore = (*sqlStore)(nil)

func (s *sqlStore) CreateToken(ctx context.Context, t *APIToken) error {
	if t.CreatedAt.IsZero() {
		t.CreatedAt = s.now()
	}
	t.Active = true
	err := s.w.QueryRowContext(ctx, `INSERT INTO api_tokens (name, token_hash, scopes, active, created_at)
		VALUES ($1,$2,$3,$4,$5) RETURNING id`, t.Name, t.Hash, strings.Join(t.Scopes, ","), true, ms(t.CreatedAt)).Scan(&t.ID)
	if err != nil {
		return fmt.Errorf("create token: %w", err)
	}
	return nil
}

const tokenColumns = `id, name, token_hash, scopes, active, created_at`

func scanToken(row scanner) (*APIToken, error) {
	var t APIToken
	var scopes string
	var created int64
	if err := row.Scan(&t.ID, &t.Name, &t.Hash, &scopes, &t.Active, &created); err != nil {
		return nil, err
	}
	t.Scopes = strings.Split(scopes, ",")
	t.CreatedAt = fromMS(created)
	return &t, nil
}

func (s *sqlStore) TokenByHash(ctx context.Context, hash string) (*APIToken, error) {
	t, err := scanToken(s.r.QueryRowContext(ctx, `SELECT `+tokenColumns+` FROM api_tokens WHERE token_hash = $1 AND active`, hash))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("token by hash: %w", err)
	}
	return t, nil
}

func (s *sqlStore) ListTokens(ctx context.Context) ([]APIToken, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT `+tokenColumns+` FROM api_tokens ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("list tokens: %w", err)
	}
	defer rows.Close()
	var out []APIToken
	for rows.Next() {
		t, err := scanToken(rows)
		if err != nil {
			return nil, fmt.Errorf("list tokens: %w", err)
		}
		out = append(out, *t)
	}
	return out, rows.Err()
}

func (s *sqlStore) RevokeToken(ctx context.Context, idOrName string) (int, error) {
	res, err := s.w.ExecContext(ctx, `UPDATE api_tokens SET active = $1 WHERE active AND (name = $2 OR CAST(id AS TEXT) = $2)`,
		false, idOrName)
	if err != nil {
		return 0, fmt.Errorf("revoke token: %w", err)
	}
	n, _ := res.RowsAffected()
	if n == 0 {
		return 0, fmt.Errorf("revoke token %q: %w", idOrName, ErrNotFound)
	}
	return int(n), nil
}
