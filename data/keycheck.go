package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// VerifyKey opens one sealed value of every sealed column with the store's
// key and returns how many it opened. An error means the key is not the one
// the data was sealed under: a node started with it could read no phone
// number and would send no SMS, so a restore checks before anyone serves.
func VerifyKey(ctx context.Context, st Store) (int, error) {
	s, ok := st.(*sqlStore)
	if !ok {
		return 0, errors.New("verify key: not a SQL store")
	}
	checked := 0
	for _, t := range rotateTables { // the one list of sealed columns
		for _, c := range t.enc {
			var v string
			err := s.r.QueryRowContext(ctx, `SELECT `+c+` FROM `+t.name+` WHERE `+c+` LIKE $1 LIMIT 1`, sealedPrefix+"%").Scan(&v)
			if errors.Is(err, sql.ErrNoRows) {
				continue
			}
			if err != nil {
				return checked, fmt.Errorf("verify key: %s.%s: %w", t.name, c, err)
			}
			if _, err := s.seal.Open(v); err != nil {
				return checked, fmt.Errorf("verify key: %s.%s: %w", t.name, c, err)
			}
			checked++
		}
	}
	return checked, nil
}

// ErrWrongKey says the secret key given does not open what the store
// already holds sealed.
var ErrWrongKey = errors.New("the secret key does not open this database's sealed data: give every command " +
	"the key tuys serve uses (TUYS_SECRET_KEY, TUYS_SECRET_KEY_FILE, or the data directory's secret.key)")

// checkKey opens one of the latest sealed values the store holds, if it
// holds any. `tuys user add` run without the key serve was given made a
// new one, `tuys import` then filed reports under it, and from then on
// the matcher stopped at them while /readyz said ready (a new user's
// trial, 2026-12-07). Only the latest rows are read: opening stays quick
// at a million reports, and they are what a wrong key would have written.
func (s *sqlStore) checkKey(ctx context.Context) error {
	for _, col := range []string{"contact_phone_enc", "contact_name_enc", "last_location_enc"} {
		var sealed string
		err := s.r.QueryRowContext(ctx, `SELECT v FROM (SELECT `+col+` AS v FROM reports ORDER BY id DESC LIMIT 1000) AS latest
			WHERE v <> '' LIMIT 1`).Scan(&sealed)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		}
		if err != nil {
			return fmt.Errorf("check the secret key: %w", err)
		}
		if _, err := s.seal.Open(sealed); err != nil {
			return fmt.Errorf("%w (%v)", ErrWrongKey, err)
		}
		return nil
	}
	return nil
}
