package data

import (
	"context"
	"errors"
	"strconv"
	"testing"
)

func TestTokenStore(t *testing.T) {
	forEachStore(t, func(t *testing.T, s Store) {
		ctx := context.Background()
		ts := s.(TokenStore)
		a := &APIToken{Name: "redcross", Hash: HashCode("secret-a"), Scopes: []string{ScopeRead, ScopeReadContacts}}
		b := &APIToken{Name: "ministry", Hash: HashCode("secret-b"), Scopes: []string{ScopeStats}}
		for _, tok := range []*APIToken{a, b} {
			if err := ts.CreateToken(ctx, tok); err != nil {
				t.Fatal(err)
			}
		}
		got, err := ts.TokenByHash(ctx, HashCode("secret-a"))
		if err != nil || got.ID != a.ID || !got.Has(ScopeReadContacts) || got.Has(ScopeWrite) || !got.Active {
			t.Fatalf("token by hash: %+v, %v", got, err)
		}
		if _, err := ts.TokenByHash(ctx, HashCode("guess")); !errors.Is(err, ErrNotFound) {
			t.Errorf("unknown token: %v", err)
		}
		if n, err := ts.RevokeToken(ctx, "redcross"); err != nil || n != 1 {
			t.Fatalf("revoke by name: %d, %v", n, err)
		}
		if _, err := ts.TokenByHash(ctx, HashCode("secret-a")); !errors.Is(err, ErrNotFound) {
			t.Errorf("revoked token still found: %v", err)
		}
		if _, err := ts.RevokeToken(ctx, "redcross"); !errors.Is(err, ErrNotFound) {
			t.Errorf("second revoke: %v", err)
		}
		if n, err := ts.RevokeToken(ctx, strconv.FormatInt(b.ID, 10)); err != nil || n != 1 {
			t.Errorf("revoke by id: %d, %v", n, err)
		}
		list, err := ts.ListTokens(ctx)
		if err != nil || len(list) != 2 || list[0].Active || list[1].Active {
			t.Errorf("list: %+v, %v", list, err)
		}
	})
}
