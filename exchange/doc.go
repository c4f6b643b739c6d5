// Package exchange brings lists that already exist into tuys and takes
// tuys's public records out: CSV and XLSX tables (a hospital's admission
// list, a shelter's spreadsheet) with their headers recognized in kk, ru
// and en, and PFIF 1.4 (exchange/pfif), Person Finder's interchange format.
// Every imported row is validated and filed by api/intake like any other
// report, through the "import" channel, so it is matched like any other.
package exchange
