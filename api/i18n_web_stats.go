package api

// The dashboard's words and its labels for the store's counters, per
// language. Kept apart from the page catalogs because the labels follow
// data's constants one to one.
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
	for lang, texts := range dashboardTexts {
		addMessages(lang, texts)
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

// dashboardTexts are the dashboard's own words, per language.
var dashboardTexts = map[string]map[string]string{
	"en": {
		"dash.title":     "Today",
		"dash.reports":   "Reports by kind",
		"dash.channels":  "Reports by channel",
		"dash.matches":   "Matches by state",
		"dash.messages":  "SMS by state",
		"dash.sms_off":   "SMS is not set up on this server: the SMS counted as sent were only written to the log.",
		"dash.oldest":    "Oldest match waiting for review: %s",
		"dash.no_review": "No match is waiting for review.",
		"dash.stalled":   "Matching has stopped on this server since %s: new reports are not compared and no match SMS goes out. Tell the administrator; the server's log says why.",
	},
	"ru": {
		"dash.title":     "Сегодня",
		"dash.reports":   "Заявления по типу",
		"dash.channels":  "Заявления по каналу",
		"dash.matches":   "Совпадения по состоянию",
		"dash.messages":  "SMS по состоянию",
		"dash.sms_off":   "SMS на этом сервере не настроены: SMS, посчитанные как отправленные, только записаны в журнал.",
		"dash.oldest":    "Самое старое совпадение на проверке: %s",
		"dash.no_review": "Нет совпадений на проверке.",
		"dash.stalled":   "Сопоставление на этом сервере остановилось с %s: новые заявления не сравниваются, SMS о совпадениях не уходят. Сообщите администратору: причина в журнале сервера.",
	},
	"kk": {
		"dash.title":     "Бүгін",
		"dash.reports":   "Өтініштер түрі бойынша",
		"dash.channels":  "Өтініштер арнасы бойынша",
		"dash.matches":   "Сәйкестіктер күйі бойынша",
		"dash.messages":  "SMS күйі бойынша",
		"dash.sms_off":   "Бұл серверде SMS бапталмаған: жіберілді деп саналған SMS тек журналға жазылған.",
		"dash.oldest":    "Тексеруді күтіп тұрған ең ескі сәйкестік: %s",
		"dash.no_review": "Тексеруді күтіп тұрған сәйкестік жоқ.",
		"dash.stalled":   "Бұл серверде салыстыру тоқтап тұр (тоқтаған уақыты: %s): жаңа өтініштер салыстырылмайды, сәйкестік туралы SMS жіберілмейді. Әкімшіге хабарлаңыз: себебі сервер журналында.",
	},
}
