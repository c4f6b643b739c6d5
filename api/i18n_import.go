package api

// Messages of `tuys import` and the PFIF routes: row errors and summaries.
func init() {
	addMessages("en", map[string]string{
		"err.bad_pfif":      "The body is not a PFIF 1.4 XML document.",
		"import.date":       "Cannot read the date: write it as 15.03.1985 or 1985-03-15.",
		"import.no_header":  "No header row names a name column (Full name, ФИО, Аты-жөні): name the columns with --map.",
		"import.row_error":  "row %d: «%s» — %s",
		"import.row_plain":  "row %d: %s",
		"import.would_file": "row %d: would file: %s",
		"import.summary":    "filed %d, duplicates skipped %d, rejected %d (of %d rows; %.0f rows/s)",
		"import.dry":        "dry run: would file %d, rejected %d (of %d rows); nothing was filed",
		"import.pfif":       "PFIF: persons filed %d, duplicates skipped %d, rejected %d, removed %d; notes added %d; links %d",
		"import.pfif_error": "%s: %s",
	})
	addMessages("ru", map[string]string{
		"err.bad_pfif":      "Тело запроса — не документ PFIF 1.4 (XML).",
		"import.date":       "Не удаётся прочитать дату: напишите 15.03.1985 или 1985-03-15.",
		"import.no_header":  "Нет строки заголовков со столбцом имени (ФИО, Аты-жөні, Full name): укажите столбцы через --map.",
		"import.row_error":  "строка %d: «%s» — %s",
		"import.row_plain":  "строка %d: %s",
		"import.would_file": "строка %d: будет подано: %s",
		"import.summary":    "подано %d, повторов пропущено %d, отклонено %d (из %d строк; %.0f строк/с)",
		"import.dry":        "пробный запуск: будет подано %d, отклонено %d (из %d строк); ничего не подано",
		"import.pfif":       "PFIF: подано людей %d, повторов пропущено %d, отклонено %d, удалено %d; заметок добавлено %d; связей %d",
		"import.pfif_error": "%s: %s",
	})
	addMessages("kk", map[string]string{
		"err.bad_pfif":      "Сұраныс денесі PFIF 1.4 (XML) құжаты емес.",
		"import.date":       "Күнді оқу мүмкін емес: 15.03.1985 немесе 1985-03-15 деп жазыңыз.",
		"import.no_header":  "Аты бағаны бар тақырып жолы жоқ (Аты-жөні, ФИО, Full name): бағандарды --map арқылы көрсетіңіз.",
		"import.row_error":  "%d-жол: «%s» — %s",
		"import.row_plain":  "%d-жол: %s",
		"import.would_file": "%d-жол: тіркеледі: %s",
		"import.summary":    "тіркелді %d, қайталау өткізілді %d, қабылданбады %d (%d жолдан; %.0f жол/с)",
		"import.dry":        "сынақ: тіркеледі %d, қабылданбады %d (%d жолдан); ештеңе тіркелмеді",
		"import.pfif":       "PFIF: адамдар тіркелді %d, қайталау өткізілді %d, қабылданбады %d, жойылды %d; жазба қосылды %d; байланыс %d",
		"import.pfif_error": "%s: %s",
	})
}
