package api

// fieldError is a translatable message for one input field.
type fieldError struct {
	Key  string
	Args []any
}

// FieldErrors maps a field path ("person.full_name") to what is wrong with it.
type FieldErrors map[string]fieldError

func (fe FieldErrors) add(field, key string, args ...any) {
	if _, exists := fe[field]; !exists { // the first problem is the one to fix first
		fe[field] = fieldError{Key: key, Args: args}
	}
}

// translate renders the errors in lang.
func (fe FieldErrors) translate(lang string) map[string]string {
	out := make(map[string]string, len(fe))
	for f, e := range fe {
		out[f] = T(lang, e.Key, e.Args...)
	}
	return out
}
