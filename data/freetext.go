package data

import "strings"

// openFreeText opens a sealed description or note text. People type phone
// numbers into free text ("звоните сестре +7 701 …"), so it is sealed at
// rest like the contact fields; the public view masks such runs on display.
// Rows written before free text was sealed hold plaintext and are returned
// as they are.
func (s *sqlStore) openFreeText(v string) (string, error) {
	if !strings.HasPrefix(v, sealedPrefix) {
		return v, nil
	}
	return s.seal.Open(v)
}
