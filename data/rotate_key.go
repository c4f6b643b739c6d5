package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// sealedTable lists a table's sealed columns and the keyed hashes derived
// from them. rotateTables must name every *_enc and keyed *_hash column
// (TestRotationCoversEverySealedColumn reads the migrations to make sure).
type sealedTable struct {
	name string
	key  []string          // columns that identify a row
	enc  []string          // sealed columns
	hash map[string]string // keyed-hash column → the sealed column it hashes
}

var rotateTables = []sealedTable{
	{"reports", []string{"id"}, []string{"last_location_enc", "contact_name_enc", "contact_phone_enc", "description", "sought_phone_enc"},
		map[string]string{"contact_phone_hash": "contact_phone_enc", "sought_phone_hash": "sought_phone_enc"}},
	{"notes", []string{"id"}, []string{"text"}, nil},
	{"messages", []string{"id"}, []string{"to_enc", "body_enc"}, map[string]string{"to_hash": "to_enc"}},
	{"consents", []string{"match_id", "phone_hash"}, []string{"phone_enc"}, map[string]string{"phone_hash": "phone_enc"}},
	{"subscriptions", []string{"report_id", "phone_hash"}, []string{"phone_enc"}, map[string]string{"phone_hash": "phone_enc"}},
}

// RotateResult counts what a rotation rewrote.
type RotateResult struct {
	Rows           int // rows re-sealed
	OptOuts        int // opt-outs carried over to the new key
	OptOutsUnknown int // opt-outs whose number appears nowhere else: kept, but they no longer match
}

// RotateKey re-seals every sealed value and recomputes every keyed hash
// under newKey in one transaction: either all of the store uses the new key
// or none of it does. Run it with every node stopped. Opt-outs keep only a
// keyed hash, so they are carried over through the numbers found in the
// other tables; the count of those that could not be is returned.
func RotateKey(ctx context.Context, st Store, newKey []byte) (RotateResult, error) {
	var res RotateResult
	s, ok := st.(*sqlStore)
	if !ok {
		return res, errors.New("rotate key: not a SQL store")
	}
	next, err := NewSealer(newKey)
	if err != nil {
		return res, fmt.Errorf("rotate key: new %w", err)
	}
	oldToNew := map[string]string{} // old keyed hash → new keyed hash, from every plaintext seen
	err = s.inTx(ctx, "rotate key", func(tx *sql.Tx) error {
		for _, t := range rotateTables {
			n, err := s.resealTable(ctx, tx, t, next, oldToNew)
			if err != nil {
				return fmt.Errorf("%s: %w", t.name, err)
			}
			res.Rows += n
		}
		res.OptOuts, res.OptOutsUnknown, err = rehashOptOuts(ctx, tx, oldToNew)
		return err
	})
	if err != nil {
		return RotateResult{}, err
	}
	s.seal = next
	return res, nil
}

// resealTable reads the whole table first (one connection cannot update
// while a cursor is open on SQLite), then rewrites each row.
func (s *sqlStore) resealTable(ctx context.Context, tx *sql.Tx, t sealedTable, next *Sealer, oldToNew map[string]string) (int, error) {
	rows, err := readColumns(ctx, tx, t.name, append(append([]string{}, t.key...), t.enc...))
	if err != nil {
		return 0, err
	}
	hashCols := make([]string, 0, len(t.hash))
	for h := range t.hash {
		hashCols = append(hashCols, h)
	}
	set := make([]string, 0, len(t.enc)+len(hashCols))
	for i, c := range append(append([]string{}, t.enc...), hashCols...) {
		set = append(set, fmt.Sprintf("%s = $%d", c, i+1))
	}
	where := make([]string, len(t.key))
	for i, k := range t.key {
		where[i] = fmt.Sprintf("%s = $%d", k, len(set)+i+1)
	}
	stmt, err := tx.PrepareContext(ctx, `UPDATE `+t.name+` SET `+strings.Join(set, ", ")+` WHERE `+strings.Join(where, " AND "))
	if err != nil {
		return 0, err
	}
	defer stmt.Close()
	for _, row := range rows {
		args, err := s.resealRow(t, row, hashCols, next, oldToNew)
		if err != nil {
			return 0, err
		}
		if _, err := stmt.ExecContext(ctx, args...); err != nil {
			return 0, err
		}
	}
	return len(rows), nil
}

// resealRow returns the UPDATE arguments: new sealed values, new hashes, then the row's key.
func (s *sqlStore) resealRow(t sealedTable, row []string, hashCols []string, next *Sealer, oldToNew map[string]string) ([]any, error) {
	plain := map[string]string{}
	args := make([]any, 0, len(t.enc)+len(hashCols)+len(t.key))
	for i, c := range t.enc {
		p, err := s.openFreeText(row[len(t.key)+i]) // also reads free text written before it was sealed
		if err != nil {
			return nil, fmt.Errorf("row %v: %w", row[:len(t.key)], err)
		}
		plain[c] = p
		args = append(args, next.Seal(p))
	}
	for _, h := range hashCols {
		p := plain[t.hash[h]]
		args = append(args, next.Hash(p))
		if p != "" {
			oldToNew[s.seal.Hash(p)] = next.Hash(p)
		}
	}
	for _, k := range row[:len(t.key)] {
		args = append(args, k)
	}
	return args, nil
}

func readColumns(ctx context.Context, tx *sql.Tx, table string, cols []string) ([][]string, error) {
	rs, err := tx.QueryContext(ctx, `SELECT `+strings.Join(cols, ", ")+` FROM `+table)
	if err != nil {
		return nil, err
	}
	defer rs.Close()
	var out [][]string
	for rs.Next() {
		row := make([]string, len(cols))
		ptrs := make([]any, len(cols))
		for i := range row {
			ptrs[i] = &row[i]
		}
		if err := rs.Scan(ptrs...); err != nil {
			return nil, err
		}
		out = append(out, row)
	}
	return out, rs.Err()
}

// rehashOptOuts maps each opt-out's old hash to the new one where the number
// is known from another table. Unknown ones stay as they are (harmless, but
// they no longer stop anything) and are counted so the operator can tell.
func rehashOptOuts(ctx context.Context, tx *sql.Tx, oldToNew map[string]string) (moved, unknown int, err error) {
	rows, err := readColumns(ctx, tx, "optouts", []string{"phone_hash"})
	if err != nil {
		return 0, 0, fmt.Errorf("optouts: %w", err)
	}
	for _, r := range rows {
		nh, ok := oldToNew[r[0]]
		if !ok {
			unknown++
			continue
		}
		if _, err := tx.ExecContext(ctx, `UPDATE optouts SET phone_hash = $1 WHERE phone_hash = $2`, nh, r[0]); err != nil {
			return moved, unknown, fmt.Errorf("optouts: %w", err)
		}
		moved++
	}
	return moved, unknown, nil
}
