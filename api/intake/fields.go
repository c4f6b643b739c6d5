package intake

// FieldError is a translatable message for one input field: a catalog key
// and its arguments (the api renders it in the user's language).
type FieldError struct {
	Key  string
	Args []any
}

// FieldErrors maps a field path ("person.full_name") to what is wrong with it.
type FieldErrors map[string]FieldError

// Add records the first problem of field: it is the one to fix first.
func (fe FieldErrors) Add(field, key string, args ...any) {
	if _, exists := fe[field]; !exists {
		fe[field] = FieldError{Key: key, Args: args}
	}
}

// Merge adds other's errors to fe's own, fe's first, and returns fe.
func (fe FieldErrors) Merge(other FieldErrors) FieldErrors {
	for k, v := range other {
		if _, ok := fe[k]; !ok {
			fe[k] = v
		}
	}
	return fe
}
