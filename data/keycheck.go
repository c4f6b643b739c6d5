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
