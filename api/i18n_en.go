package api

func init() {
	addMessages("en", map[string]string{
		"err.validation":       "Some fields need attention.",
		"err.bad_json":         "The request body is not valid JSON: %s",
		"err.too_large":        "The request is too large.",
		"err.not_found":        "Not found.",
		"err.internal":         "Something went wrong on our side. Your data is safe; please try again.",
		"err.rate_limited":     "Too many requests. Please wait %d seconds and try again.",
		"err.forbidden":        "You are not allowed to do this.",
		"err.unauthorized":     "Please sign in.",
		"err.wrong_code":       "The deletion code is not right.",
		"err.unavailable":      "The service is starting up. Please try again in a moment.",
		"err.search_off":       "Public search is turned off. Please call the hotline.",
		"field.required":       "This field is required.",
		"field.too_long":       "Too long: at most %d characters.",
		"field.kind":           "Choose \"seek\" (looking for someone) or \"safe\" (I am safe).",
		"field.name_letters":   "Write the name with letters.",
		"field.birth_year":     "Enter a year between %d and %d.",
		"field.age":            "Enter an age between 0 and 120.",
		"field.age_and_year":   "Give the birth year or the age, not both.",
		"field.sex":            "Choose M or F, or leave empty.",
		"field.phone":          "This is not a valid phone number. Include the country code for numbers outside Kazakhstan, e.g. +90 532 123 45 67.",
		"field.phone_required": "A phone number is needed so we can tell you when we find them.",
		"field.language":       "Choose kk, ru or en.",
		"field.expires":        "Choose between 30 and 360 days.",
		"field.note_status":    "Unknown status.",
		"field.deletion_code":  "Enter the deletion code you were given.",
		"field.query":          "Enter a name to search for.",
		"field.unknown":        "Unknown field.",
		"field.type":           "Wrong type of value.",
	})
}
