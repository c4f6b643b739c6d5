package api

// Dashboard labels for the store's counters, per language. Kept apart from
// the page catalogs because they follow data's constants one to one.
func init() {
	names := []string{"seek", "safe", "web", "api", "sms", "volunteer", "import", "auto_confirmed", "review",
		"confirmed", "rejected", "queued", "sending", "sent", "delivered", "undelivered", "failed", "suppressed"}
	labels := map[string][]string{
		"en": {"looking for someone", "safe", "web form", "API", "SMS", "volunteer (call)", "import", "confirmed automatically", "waiting for review",
			"confirmed by a volunteer", "rejected", "queued", "sending", "sent", "delivered", "not delivered", "failed", "not sent (STOP, country, limit)"},
		"ru": {"ищут человека", "в безопасности", "веб-форма", "API", "SMS", "волонтёр (звонок)", "импорт", "подтверждено автоматически", "ждут проверки",
			"подтверждено волонтёром", "отклонено", "в очереди", "отправляется", "отправлено", "доставлено", "не доставлено", "ошибка", "не отправлено (STOP, страна, лимит)"},
		"kk": {"адам іздеуде", "аман", "веб-форма", "API", "SMS", "ерікті (қоңырау)", "импорт", "автоматты түрде расталды", "тексеруді күтуде",
			"ерікті растады", "қабылданбады", "кезекте", "жіберілуде", "жіберілді", "жеткізілді", "жеткізілмеді", "қате", "жіберілмеді (STOP, ел, лимит)"},
	}
	for lang, ls := range labels {
		m := make(map[string]string, len(names))
		for i, n := range names {
			m["stat."+n] = ls[i]
		}
		addMessages(lang, m)
	}
}

// statLabel names a counter in lang, or shows the raw name for a counter
// added to the store later.
func statLabel(lang, name string) string {
	if _, ok := catalog[lang]["stat."+name]; ok {
		return T(lang, "stat."+name)
	}
	return name
}
