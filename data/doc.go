// Package data holds tuys's records and the stores that keep them: SQLite by
// default, PostgreSQL for several nodes. It imports no other tuys package.
//
// Where things are: model.go (records and typed states), store.go (the
// Store interface both implementations satisfy), sqlstore*.go (the one SQL
// implementation over database/sql), sqlite.go and postgres.go (dialects,
// migrations/), seal.go (AES-GCM for contact data, keyed hashes), phone.go
// (E.164, masking, the one phone-in-text pattern), groupcommit.go (one
// fsync per batch), pglead.go and pgnotify.go (PostgreSQL: one matcher,
// LISTEN/NOTIFY), retention.go (purge), datatest/ (stores for other
// packages' tests).
package data
