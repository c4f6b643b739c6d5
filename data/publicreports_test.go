package data

import (
	"context"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// TestPublicReports: the public read gives exactly what Public shows of
// each report, and leaves what it must never hold (contact, last
// location, sought phone, tokens) empty; removed reports come back as
// their placeholders, unknown ids not at all.
func TestPublicReports(t *testing.T) {
	forEachStore(t, func(t *testing.T, st Store) {
		ctx := context.Background()
		kept := sampleReport(KindSeek, "Жумабаев Ерлан Серикович", "+77011234567")
		kept.GivenName, kept.FamilyName, kept.Patronymic, kept.Sex = "Ерлан", "Жумабаев", "Серикович", "M"
		kept.Region, kept.Country, kept.YearApprox, kept.LinkedID = "Алматинская", "KZ", true, "01J0000000000000000000000X"
		kept.LastLocation, kept.Description, kept.SoughtPhone = "ул. Абая 10, кв. 5", "в синей куртке, рост 175", "+77017654321"
		gone := sampleReport(KindSafe, "Омарова Сара", "+77021112233")
		for _, r := range []*Report{kept, gone} {
			if err := st.CreateReport(ctx, r); err != nil {
				t.Fatal(err)
			}
		}
		if err := st.RemoveReport(ctx, gone.ID); err != nil {
			t.Fatal(err)
		}
		full, err := st.GetReports(ctx, []string{kept.ID, gone.ID})
		if err != nil {
			t.Fatal(err)
		}
		got, err := st.PublicReports(ctx, []string{kept.ID, gone.ID, "01J00000000000000000NOSUCH"})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 2 {
			t.Fatalf("PublicReports: %d reports, want the 2 stored", len(got))
		}
		byID := func(rs []*Report, id string) *Report {
			i := slices.IndexFunc(rs, func(r *Report) bool { return r.ID == id })
			if i < 0 {
				t.Fatalf("report %s missing", id)
			}
			return rs[i]
		}
		for _, id := range []string{kept.ID, gone.ID} {
			pub, whole := byID(got, id), byID(full, id)
			if !reflect.DeepEqual(Public(pub), Public(whole)) {
				t.Errorf("%s: public view of the public read\n%+v\nwant that of the whole report\n%+v", id, Public(pub), Public(whole))
			}
			if pub.ContactName != "" || pub.ContactPhone != "" || pub.LastLocation != "" || pub.SoughtPhone != "" ||
				pub.PrivateHash != "" || pub.DeletionHash != "" {
				t.Errorf("%s: public read holds private fields: %+v", id, pub)
			}
		}
		if p := byID(got, kept.ID); p.Status != StatusActive || !strings.Contains(p.Description, "куртке") {
			t.Errorf("kept report read as %+v", p)
		}
		if p := byID(got, gone.ID); p.Status != StatusRemoved || p.FullName == gone.FullName {
			t.Errorf("removed report read as %+v, want its placeholder", p)
		}
		if rs, err := st.PublicReports(ctx, nil); err != nil || len(rs) != 0 {
			t.Errorf("PublicReports(nil) = %v, %v", rs, err)
		}
	})
}

// TestDigitsAcrossNameFieldsAreHidden: one digit group glued to each name
// word, or one per name field, spells a number none of the patterns reads
// alone; a list's number in a name (Пациент №12) stays.
func TestDigitsAcrossNameFieldsAreHidden(t *testing.T) {
	r := &Report{FullName: "Ахметов-8701 Арман-123 Серикович-4567", FamilyName: "Ахметов-8701", GivenName: "Арман-123", Patronymic: "Серикович-4567"}
	p := Public(r)
	for _, v := range []string{p.FullName, p.FamilyName, p.GivenName, p.Patronymic} {
		if strings.ContainsAny(v, "0123456789") {
			t.Errorf("a name field shows digits: %+v", p)
			break
		}
	}
	apart := Public(&Report{FamilyName: "Ахметов 8701", GivenName: "Арман 123", Patronymic: "4567"})
	if strings.ContainsAny(apart.FamilyName+apart.GivenName+apart.Patronymic, "0123456789") {
		t.Errorf("the name fields spell the number apart: %+v", apart)
	}
	// letters typed for digits count, and hide, with the digits
	looks := Public(&Report{FullName: "Ахметов-87O7 Арман-IЗЗ Серикович-44бT", FamilyName: "Ахметов8ТО1", GivenName: "Арман-1ЗЗ", Patronymic: "Серикович-Ч5б7"})
	for _, v := range []string{looks.FullName, looks.FamilyName, looks.GivenName, looks.Patronymic} {
		if strings.ContainsAny(v, "0123456789OЗбTТЧ") || !strings.Contains(v, "•••") {
			t.Errorf("a name field shows letters typed for digits: %+v", looks)
			break
		}
	}
	if looks.FamilyName != "Ахметов•••" {
		t.Errorf("the name around the number: %q", looks.FamilyName)
	}
	if got := Public(&Report{FullName: "Пациент №12 Неизвестный"}).FullName; got != "Пациент №12 Неизвестный" {
		t.Errorf("a list's number in a name: %q", got)
	}
}
