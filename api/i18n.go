package api

import (
	"fmt"
	"strings"

	"github.com/gin-gonic/gin"

	"tuys/data"
)

// catalog holds user-facing strings per language; each language's file adds
// its messages in init so no string lives in a template or handler.
var catalog = map[string]map[string]string{}

func addMessages(lang string, msgs map[string]string) {
	if catalog[lang] == nil {
		catalog[lang] = map[string]string{}
	}
	for k, v := range msgs {
		catalog[lang][k] = v
	}
}

// T translates key into lang, falling back to English, then to the key.
func T(lang, key string, args ...any) string {
	msg, ok := catalog[lang][key]
	if !ok {
		if msg, ok = catalog["en"][key]; !ok {
			msg = key
		}
	}
	if len(args) > 0 {
		said := make([]any, len(args)) // the caller's args stay as given: an error may be said in two languages
		for i, a := range args {
			said[i] = a
			if m, ok := a.(message); ok {
				said[i] = T(lang, m.key, m.args...)
			}
		}
		return fmt.Sprintf(msg, said...)
	}
	return msg
}

// message is a catalog message given as another message's argument, so
// that a detail is said in the same language as the sentence around it
// (err.bad_json's "it ends too early"), not in the English of its cause.
type message struct {
	key  string
	args []any
}

// supported reports whether lang is one of data.Languages.
func supported(lang string) bool { return data.SupportedLanguage(lang) }

// negotiate picks kk, ru or en from an Accept-Language header; "kz" is
// accepted as the common mistake for Kazakh. Defaults to Russian, the
// language most users of a Kazakhstan hotline share.
func negotiate(header string) string {
	for _, part := range strings.Split(header, ",") {
		tag := strings.ToLower(strings.TrimSpace(strings.SplitN(part, ";", 2)[0]))
		base := strings.SplitN(tag, "-", 2)[0]
		if base == "kz" {
			base = "kk"
		}
		if supported(base) {
			return base
		}
	}
	return "ru"
}

// langKey is where the request's language is kept in the Gin context.
const langKey = "tuys.lang"

// language middleware: ?lang=, then the lang cookie, then Accept-Language.
func language() gin.HandlerFunc {
	return func(c *gin.Context) {
		lang := c.Query("lang")
		if !supported(lang) {
			lang, _ = c.Cookie("lang")
		}
		if !supported(lang) {
			lang = negotiate(c.GetHeader("Accept-Language"))
			if c.GetHeader("Accept-Language") == "" && strings.HasPrefix(c.Request.URL.Path, "/api/") {
				lang = "en" // a script that names no language reads English errors
			}
		}
		c.Set(langKey, lang)
		c.Next()
	}
}

// lang returns the request's language as chosen by the language middleware.
func lang(c *gin.Context) string {
	if l := c.GetString(langKey); l != "" {
		return l
	}
	return negotiate(c.GetHeader("Accept-Language"))
}
