package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"

	"tuys/data"
)

func TestImportAndExportCommands(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("TUYS_DATA_DIR", filepath.Join(dir, "data"))
	t.Setenv("TUYS_LOG_LEVEL", "error")
	list, _ := charmap.Windows1251.NewEncoder().String("Фамилия;Имя;Отчество;Год рождения;Населённый пункт;Телефон\r\n" +
		"Жумабаев;Ерлан;Серикович;1985;Алматы;8 701 123 45 67\r\nНурланов;Тимур;;3000;Актобе;123\r\n")
	csvPath, fixedPath := filepath.Join(dir, "list.csv"), filepath.Join(dir, "fixed.csv")
	if err := os.WriteFile(csvPath, []byte(list), 0o600); err != nil {
		t.Fatal(err)
	}
	emptyPath := filepath.Join(dir, "empty.csv")
	if err := os.WriteFile(emptyPath, []byte("ФИО;Год рождения\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	fixed := strings.Replace(strings.Replace(list, ";3000;", ";1990;", 1), ";123\r\n", ";\r\n", 1)
	if err := os.WriteFile(fixedPath, []byte(fixed), 0o600); err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		cmd        command
		args       []string
		code       int
		want, not  string
		wantStderr string
	}{
		{importCmd, []string{csvPath}, 2, "", "", "-kind safe (список больницы или пункта размещения) или -kind seek"},
		{importCmd, []string{"-kind", "safe", "-lang", "kk", filepath.Join(dir, "nope.csv")}, 1, "", "", "nope.csv файлы жоқ"},
		{importCmd, []string{"-kind", "found", csvPath}, 2, "", "", `-kind "found": пишите -kind safe`},
		{importCmd, []string{"-kind", "safe", "-dry-run", "-map", "99=city,Телефон=phone", csvPath}, 2, "", "", "в -map указано 99, но такого столбца нет"},
		{importCmd, []string{"-kind", "safe", "-source-date", "2099-01-07", csvPath}, 2, "", "", "не позже сегодняшнего"},
		{importCmd, []string{"-kind", "safe", "-lang", "en", "-map", "Тел=telephone", csvPath}, 2, "", "", `-map "Тел=telephone": write Header=role`},
		{importCmd, []string{"-kind", "safe", "-lang", "en", "-dry-run", csvPath}, 1,
			"row 3 (Нурланов Тимур), «Год рождения»: «3000» — Enter a year between 1900", "filed 1,", "1 rows would be rejected (listed above"},
		{exportCmd, []string{"-format", "csv"}, 0, "id,kind,full_name", "Жумабаев", ""},
		{importCmd, []string{"-kind", "safe", "-source", "Больница №7", "-lang", "kk", csvPath}, 1, "тіркелді 1, қайталау өткізілді 0, қабылданбады 1", "", "қабылданбаған жол: 1"},
		{importCmd, []string{"-kind", "safe", "-source", "Больница №7", csvPath}, 1, "подано 0, повторов пропущено 1, отклонено 1", "", "отклонено строк: 1"},
		{importCmd, []string{"-kind", "safe", "-source", "Больница №7", fixedPath}, 0, "подано 1, повторов пропущено 1, отклонено 0", "", ""},
		{importCmd, []string{"-kind", "safe", "-source", "Больница №7", emptyPath}, 1, "подано 0", "", "в списке нет строк под заголовком"},
		{exportCmd, []string{"-format", "csv"}, 0, "Жумабаев Ерлан Серикович", "+77011234567", ""},
		{exportCmd, []string{"-format", "pfif", "-public-url", "https://tuys.example.kz"}, 0, "tuys.tuys.example.kz/person.", "701", ""},
		{exportCmd, []string{"-format", "csv", "-contacts"}, 0, "+77011234567", "", ""},
		{exportCmd, []string{"-format", "docx"}, 2, "", "", "Usage: tuys export"},
	}
	for i, s := range steps {
		code, out, errs := runCmd(t, s.cmd, s.args...)
		if code != s.code || !strings.Contains(out, s.want) || (s.not != "" && strings.Contains(out, s.not)) || !strings.Contains(errs, s.wantStderr) ||
			strings.Contains(errs, "usage:") { // a mistake is said in the chosen language, with no English prefix

			t.Fatalf("step %d %v: code %d\nstdout: %s\nstderr: %s", i, s.args, code, out, errs)
		}
	}
	st, err := data.Open(context.Background(), data.Config{Dir: filepath.Join(dir, "data"), SecretKey: mustKey(t, dir)})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	audit, err := st.ListAudit(context.Background(), 10)
	if err != nil || len(audit) != 1 || audit[0].Action != "export.contacts" || !strings.HasPrefix(audit[0].Actor, "cli:") {
		t.Fatalf("contact export not audited: %+v %v", audit, err)
	}
}

func mustKey(t *testing.T, dir string) []byte {
	t.Helper()
	key, err := loadSecretKey("", filepath.Join(dir, "data", "secret.key"), "", false, nil)
	if err != nil || key == nil {
		t.Fatalf("secret key: %v", err)
	}
	return key
}
