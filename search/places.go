package search

// KnownPlace reports whether s names a place of the gazetteer, in any
// script or historic form ("Тараз", "Dzhambul", "Алма-Ата").
func KnownPlace(s string) bool {
	k := placeKey(s)
	_, ok := cityByKey[k]
	return k != "" && ok
}
