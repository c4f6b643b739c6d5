package data

import (
	"context"
	"fmt"
	"strings"
)

// Config chooses and opens a store.
type Config struct {
	Dir         string // data directory for the SQLite file (embedded default)
	DatabaseURL string // postgres://… selects PostgreSQL
	SecretKey   []byte // 32 bytes; encrypts phone numbers at rest
}

// Open returns the PostgreSQL store when DatabaseURL is set, else SQLite in Dir.
func Open(ctx context.Context, cfg Config) (Store, error) {
	sealer, err := NewSealer(cfg.SecretKey)
	if err != nil {
		return nil, err
	}
	if strings.HasPrefix(cfg.DatabaseURL, "postgres://") || strings.HasPrefix(cfg.DatabaseURL, "postgresql://") {
		return OpenPostgres(ctx, cfg.DatabaseURL, sealer)
	}
	if cfg.DatabaseURL != "" {
		return nil, fmt.Errorf("open store: unsupported database URL scheme (want postgres://)")
	}
	return OpenSQLite(ctx, cfg.Dir, sealer)
}
