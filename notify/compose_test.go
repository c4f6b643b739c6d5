package notify

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"
	"time"

	"tuys/data"
	"tuys/search"
)

func reports() (*data.Report, *data.Report) {
	seek := &data.Report{ID: "seek1", Kind: data.KindSeek, FullName: "Ахметова Гульнара", BirthYear: 1980, City: "Шымкент",
		ContactName: "Даурен Ахметов", ContactPhone: "+77019876543", Relation: "son", Language: "ru"}
	safe := &data.Report{ID: "safe1", Kind: data.KindSafe, FullName: "Akhmetova Gulnara", Sex: "F", BirthYear: 1980, City: "Shymkent",
		ContactPhone: "+905321234567", Language: "en", CreatedAt: time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC)}
	return seek, safe
}

func keys(msgs []data.Message) string {
	var k []string
	for _, m := range msgs {
		k = append(k, m.Key+"→"+m.To)
	}
	return strings.Join(k, " ")
}

func TestMatchConfirmed(t *testing.T) {
	c, err := NewComposer(Config{Hotline: "+7 727 000 00 00"}, openStore(t).PhoneTag)
	if err != nil {
		t.Fatal(err)
	}
	ctx, m := context.Background(), data.Match{ID: "M1"}
	tests := []struct {
		name     string
		edit     func(seek, safe *data.Report)
		keys     string
		consents int
	}{
		{"consent asked", func(_, _ *data.Report) {},
			"match:M1:seeker→+77019876543 match:M1:found→+905321234567", 1},
		{"share_contact alone still asks: anyone could claim a relative", func(_, s *data.Report) { s.ShareContact = true },
			"match:M1:seeker→+77019876543 match:M1:found→+905321234567", 1},
		{"share_contact, and the seeker gave that number after the safe report: sent at once", func(k, s *data.Report) {
			s.ShareContact, k.SoughtPhone, k.CreatedAt = true, s.ContactPhone, s.CreatedAt.Add(time.Hour)
		}, "match:M1:seeker→+77019876543 match:M1:found→+905321234567 match:M1:contact→+77019876543", 0},
		{"share_contact typed later with the number the seeker gave (a test of the number?): asked as usual", func(k, s *data.Report) {
			s.ShareContact, k.SoughtPhone, k.CreatedAt = true, s.ContactPhone, s.CreatedAt.Add(-time.Hour)
		}, "match:M1:seeker→+77019876543 match:M1:found→+905321234567", 1},
		{"share_contact texted by SMS from the number the seeker gave: sent at once", func(k, s *data.Report) {
			s.ShareContact, k.SoughtPhone, k.CreatedAt, s.Channel = true, s.ContactPhone, s.CreatedAt.Add(-time.Hour), data.ChannelSMS
		}, "match:M1:seeker→+77019876543 match:M1:found→+905321234567 match:M1:contact→+77019876543", 0},
		{"safe without phone tells where and whom to ask", func(_, s *data.Report) { s.ContactPhone = ""; s.SourceName = "Больница №7" },
			"match:M1:seeker→+77019876543", 0},
		{"seeker without phone: nobody to answer", func(s, _ *data.Report) { s.ContactPhone = "" }, "", 0},
		{"same phone on both reports", func(s, f *data.Report) { f.ContactPhone = s.ContactPhone },
			"match:M1:seeker→+77019876543", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			seek, safe := reports()
			tt.edit(seek, safe)
			msgs, consents, err := c.MatchConfirmed(ctx, m, seek, safe)
			if err != nil {
				t.Fatal(err)
			}
			if got := keys(msgs); got != tt.keys {
				t.Errorf("messages %s\nwant     %s", got, tt.keys)
			}
			if len(consents) != tt.consents {
				t.Errorf("%d consents, want %d", len(consents), tt.consents)
			}
			for _, x := range msgs {
				if x.MatchID != "M1" || x.State != data.MsgQueued || x.Segments < 1 || x.Segments > MaxSegments {
					t.Errorf("%s: %+v", x.Key, x)
				}
				if x.Key == "match:M1:seeker" && strings.Contains(x.Body, "5321234567") {
					t.Errorf("seeker's first SMS carries the number: %q", x.Body)
				}
			}
		})
	}
}

func TestMatchConfirmedTexts(t *testing.T) {
	c := &Composer{T: MustTemplates(), Hotline: "+7 727 000 00 00"}
	seek, safe := reports()
	safe.ContactPhone, safe.SourceName = "", "Больница №7"
	msgs, _, err := c.MatchConfirmed(context.Background(), data.Match{ID: "M1"}, seek, safe)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Akhmetova G.", "1980", "Больница №7", "+7 727 000 00 00", "14.03.2026"} {
		if !strings.Contains(msgs[0].Body, want) {
			t.Errorf("%q lacks %q", msgs[0].Body, want)
		}
	}
	seek, safe = reports()
	msgs, _, _ = c.MatchConfirmed(context.Background(), data.Match{ID: "M1"}, seek, safe)
	if found := msgs[1]; found.Language != "en" || !strings.Contains(found.Body, "Даурен (your son)") || !strings.Contains(found.Body, "YES") {
		t.Errorf("found person's SMS: %+v", found)
	}
}

func TestMatchConfirmedNeedsID(t *testing.T) {
	seek, safe := reports()
	if _, _, err := (&Composer{T: MustTemplates()}).MatchConfirmed(context.Background(), data.Match{}, seek, safe); err == nil {
		t.Fatal("a match without ID composed messages with shared keys")
	}
}

// TestSubscriptionKeysHideThePhone: message keys are stored in the clear,
// so the number in them is a tag keyed with the secret: another key gives
// another tag, and the unkeyed hash of issue 13 (sha256 of "tuys-key:" and
// the number, reversible by hashing every number) appears nowhere.
func TestSubscriptionKeysHideThePhone(t *testing.T) {
	const phone = "+77011234567"
	unkeyed := sha256.Sum256([]byte("tuys-key:" + phone))
	other, err := data.Open(context.Background(), data.Config{Dir: t.TempDir(), SecretKey: []byte("another key, 32 bytes long......")})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	var confirms []string
	for _, st := range []data.Store{openStore(t), other} {
		c, err := NewComposer(Config{Hotline: "1414"}, st.PhoneTag)
		if err != nil {
			t.Fatal(err)
		}
		_, safe := reports()
		safe.ID = "R1"
		a, err := c.SubscribeConfirm(safe, phone, "kk")
		if err != nil {
			t.Fatal(err)
		}
		b, err := c.StatusChanged(safe, phone, "kk", data.StatusFound, "")
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range []data.Message{a, b} {
			if strings.Contains(m.Key, "7011234567") || strings.Contains(m.Key, hex.EncodeToString(unkeyed[:6])) ||
				!strings.HasPrefix(m.Key, "sub:R1:") {
				t.Errorf("key %q shows the number or its unkeyed hash", m.Key)
			}
		}
		if !strings.Contains(b.Body, "табылды") {
			t.Errorf("status SMS %q", b.Body)
		}
		confirms = append(confirms, a.Key)
	}
	if confirms[0] == confirms[1] {
		t.Errorf("two secrets gave the same key %q: the tag is not keyed", confirms[0])
	}
	if _, err := NewComposer(Config{}, nil); err == nil {
		t.Error("a composer without a keyed tag was built")
	}
}

// TestNoSMSCarriesTheSeekersNumber composes every message a match can send,
// in every language, shared or asked, verified or not, and with a seeker
// whose free text tries to smuggle a number or an order in: no body may
// carry the seeker's number, and every body about the match warns that
// tuys never asks for money.
func TestNoSMSCarriesTheSeekersNumber(t *testing.T) {
	c, err := NewComposer(Config{Hotline: "1414"}, openStore(t).PhoneTag)
	if err != nil {
		t.Fatal(err)
	}
	warning := map[string]string{"kk": "ақша сұрамайды", "ru": "не просит денег", "en": "never asks for money"}
	for _, lang := range data.Languages {
		for _, share := range []bool{false, true} {
			for _, knows := range []bool{false, true} {
				seek, safe := reports()
				seek.Language, safe.Language, safe.ShareContact = lang, lang, share
				seek.ContactName = "ПОЛИЦИЯ перезвоните 8 701 987 65 43"
				seek.Relation = "позвоните +77019876543"
				if knows {
					seek.SoughtPhone = safe.ContactPhone
				}
				msgs, _, err := c.MatchConfirmed(context.Background(), data.Match{ID: "M9"}, seek, safe)
				if err != nil {
					t.Fatal(err)
				}
				contact, err := c.Contact(data.Match{ID: "M9"}, seek, safe)
				if err != nil {
					t.Fatal(err)
				}
				for _, m := range append(msgs, contact) {
					if strings.Contains(digitsOf(m.Body), "7019876543") || strings.Contains(m.Body, "ПОЛИЦИЯ") {
						t.Errorf("%s share=%v knows=%v %s: %q", lang, share, knows, m.Key, m.Body)
					}
					if !strings.Contains(m.Body, warning[lang]) {
						t.Errorf("%s %s lacks the warning: %q", lang, m.Key, m.Body)
					}
				}
			}
		}
	}
}

func digitsOf(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// TestVolunteerConfirmsASecondSafeReport: the same person reported safe
// twice; the first match was confirmed and the seeker told. A volunteer
// confirming the second tells the seeker nothing new (the found person is
// still asked: the second phone may be theirs).
func TestVolunteerConfirmsASecondSafeReport(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	c, _ := NewComposer(Config{Hotline: "1414"}, st.PhoneTag)
	seek, safe := reports()
	safe2 := *safe
	safe2.ID, safe2.ContactPhone = "safe2", "+77055550000"
	for _, r := range []*data.Report{seek, safe, &safe2} {
		if err := st.CreateReport(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	first := &data.Match{ID: data.PairID(seek.ID, safe.ID), SeekID: seek.ID, SafeID: safe.ID, State: data.MatchAutoConfirmed}
	second := data.Match{ID: data.PairID(seek.ID, safe2.ID), SeekID: seek.ID, SafeID: safe2.ID, State: data.MatchReview}
	for _, m := range []*data.Match{first, &second} {
		if _, err := st.SaveMatch(ctx, m, nil, nil); err != nil {
			t.Fatal(err)
		}
	}
	msgs, _, err := c.ForMatch(st)(ctx, second)
	if err != nil {
		t.Fatal(err)
	}
	if got := keys(msgs); got != "match:"+second.ID+":found→+77055550000" {
		t.Errorf("second confirmation sends %q", got)
	}
}

func TestMatchConfirmedSeekerAlreadyKnows(t *testing.T) {
	c, _ := NewComposer(Config{Hotline: "1414"}, openStore(t).PhoneTag)
	seek, safe := reports()
	msgs, consents, err := c.MatchConfirmed(context.Background(), data.Match{ID: "M2", SeekerKnows: true}, seek, safe)
	if err != nil {
		t.Fatal(err)
	}
	if got := keys(msgs); got != "match:M2:found→+905321234567" || len(consents) != 1 {
		t.Errorf("a seeker who already heard got %q (consents %d)", got, len(consents))
	}
}

func TestSourceName(t *testing.T) {
	for in, want := range map[string]string{"Городская больница №7": "Городская больница №7",
		"Shelter (call +7 701 123 45 67!)": "Shelter call", "Школа-лицей №12, Алматы": "Школа-лицей №12 Алматы"} {
		if got := SourceName(in); got != want {
			t.Errorf("SourceName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSMSPlace(t *testing.T) {
	for in, want := range map[string]string{"Алматы": "Алматы", "Усть-Каменогорск": "Усть-Каменогорск", "Нур-Султан (Астана)": "Нур-Султан Астана",
		"Полиция просит срочно позвонить в отдел номер восемь": "", "Абая десять": "Абая", "Абай көшесі он бес": "Абай Көшесі"} {
		if got := smsPlaceTyped(in); got != want {
			t.Errorf("smsPlaceTyped(%q) = %q, want %q", in, got, want)
		}
	}
	// With the gazetteer: a known place by its name, a stranger's words
	// after it gone (an attacker's trial, 2026-12-07), an unknown place
	// only as a place.
	c := &Composer{Places: search.PlaceName}
	for _, tc := range []struct{ in, lang, want string }{
		{"Алматы Kaspi", "ru", "Алматы"},
		{"Алматы Звоните", "ru", "Алматы"},
		{"Алма-Ата", "en", "Almaty"},
		{"Нур-Султан (Астана)", "ru", "Астана"},
		{"Бесагаш", "ru", "Бесагаш"},
		{"село Бесагаш", "ru", "Село Бесагаш"},
		{"Бесагаш Звоните", "ru", ""},
		{"Kaspi перевод", "kk", ""},
	} {
		if got := c.smsPlace(tc.in, tc.lang); got != tc.want {
			t.Errorf("smsPlace(%q, %s) = %q, want %q", tc.in, tc.lang, got, tc.want)
		}
	}
}

// A found person's number reaches the family with "ask what only he would
// know" unless tuys knows it is theirs (the safe report came by SMS from
// the number the family gave): a stranger can read a name off the public
// search, file "I am safe" with it and agree to be called (attacker
// trial, 2026-12-06).
func TestContactSaysHowToCheckAStranger(t *testing.T) {
	c := &Composer{T: MustTemplates(), Hotline: "1414"}
	at := time.Date(2026, 1, 5, 10, 0, 0, 0, time.UTC)
	seek := &data.Report{ID: "S", Kind: data.KindSeek, ContactPhone: "+77011112233", Language: "ru", CreatedAt: at}
	safe := &data.Report{ID: "F", Kind: data.KindSafe, FullName: "Абенов Арман Серикович", Sex: "M", BirthYear: 1995, City: "Алматы",
		ContactPhone: "+77776665544", Channel: data.ChannelAPI, CreatedAt: at.Add(time.Hour)}
	m, err := c.Contact(data.Match{ID: "M1"}, seek, safe)
	if err != nil || !strings.Contains(m.Body, "Спросите, что знает лишь он") {
		t.Errorf("a stranger's number: %q %v", m.Body, err)
	}
	seek.SoughtPhone, safe.Channel = safe.ContactPhone, data.ChannelSMS // the number the family gave, texting us
	if m, err = c.Contact(data.Match{ID: "M1"}, seek, safe); err != nil || strings.Contains(m.Body, "Спросите") {
		t.Errorf("the number the family gave: %q %v", m.Body, err)
	}
}

// TestSMSNeverCarriesAStoredDoor: the found person's place and name reach
// an SMS as public as on the record's page: a seeker's "found" SMS and the
// reply to FIND sent the city as typed (attacker trial, 2026-12-07:
// "Абая дом десять кв пять", a phone number, an e-mail).
func TestSMSNeverCarriesAStoredDoor(t *testing.T) {
	c := &Composer{T: MustTemplates(), Hotline: "1414"}
	at := time.Date(2026, 1, 5, 10, 0, 0, 0, time.UTC)
	seek := &data.Report{ID: "S", Kind: data.KindSeek, ContactPhone: "+77011112233", Language: "ru", CreatedAt: at}
	for _, city := range []string{"Абая дом десять кв пять", "87015554433", "olzhas.t@mail.ru", "erlan85 майл ру"} {
		safe := &data.Report{ID: "F", Kind: data.KindSafe, FullName: "Абенов Серик tg erlan_zh", BirthYear: 1970, City: city, CreatedAt: at}
		found, err := c.seekerFound(seek, safe)
		if err != nil {
			t.Fatal(err)
		}
		reply, err := c.FiledReply("ru", seek, []*data.Report{safe})
		if err != nil {
			t.Fatal(err)
		}
		for _, body := range []string{found, reply} {
			low := strings.ToLower(body)
			for _, leak := range []string{"десять", "пять", "5554433", "olzhas", "erlan"} {
				if strings.Contains(low, leak) {
					t.Errorf("city %q: the SMS shows %q: %q", city, leak, body)
				}
			}
		}
	}
}

// A seeker who gave no name (SMS FIND, the API) is not called "your
// relative": the found person is told the name is unknown, in their
// language, and decides on that (an attacker's trial, 2026-12-07).
func TestNamelessSeekerIsNotVouchedFor(t *testing.T) {
	c := &Composer{T: MustTemplates(), Hotline: "1414"}
	for lang, want := range map[string]string{"kk": "атын көрсетпеген", "ru": "не указавший имени", "en": "gave no name"} {
		seek, safe := reports()
		seek.ContactName, seek.Relation, safe.Language = "", "", lang
		msgs, _, err := c.MatchConfirmed(context.Background(), data.Match{ID: "M1"}, seek, safe)
		if err != nil {
			t.Fatal(err)
		}
		ask := msgs[len(msgs)-1].Body
		if !strings.Contains(ask, want) || strings.Contains(ask, "близкий") || strings.Contains(ask, "жақын") {
			t.Errorf("%s: %q; want the seeker named as nameless (%q)", lang, ask, want)
		}
	}
}

// TestPrivateLinkSaysRecordedOnlyFirst: the link SMS says "recorded" to a
// caller whose report a volunteer typed (the first SMS they get); a report
// filed by SMS was told so in the reply already, and a new link comes long
// after: both get the page's link alone.
func TestPrivateLinkSaysRecordedOnlyFirst(t *testing.T) {
	c := &Composer{T: MustTemplates()}
	for _, tc := range []struct {
		channel, again string
		recorded       bool
	}{
		{data.ChannelVolunteer, "", true},
		{data.ChannelSMS, "", false},
		{data.ChannelVolunteer, "0123456789abcdef", false},
	} {
		r := &data.Report{ID: "R1", ContactPhone: "+77011234567", Language: "ru", Channel: tc.channel}
		msg, err := c.PrivateLink(r, "https://tuys.example.kz/p/0123456789abcdef0123456789abcdef", tc.again)
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(msg.Body, "Записано"); got != tc.recorded || !strings.Contains(msg.Body, "/p/0123") {
			t.Errorf("%s, again %q: %q", tc.channel, tc.again, msg.Body)
		}
	}
}

// TestContactKeepsTheSurname: the SMS that gives a family the number
// names who agreed by surname, also when the person's sex is unknown and
// the Russian text is longest; it was cut to "S. N." (a new user's trial,
// 2026-12-07).
func TestContactKeepsTheSurname(t *testing.T) {
	c := &Composer{T: MustTemplates(), Hotline: "1414"}
	seek := &data.Report{ID: "s1", Kind: data.KindSeek, ContactPhone: "+77011112233", Language: "ru"}
	for _, lang := range []string{"ru", "kk", "en"} {
		seek.Language = lang
		safe := &data.Report{ID: "f1", Kind: data.KindSafe, FullName: "Serikov Nurlan Bolatovich", BirthYear: 1990, City: "Shymkent",
			ContactPhone: "+77025554433"}
		msg, err := c.Contact(data.Match{ID: "m1"}, seek, safe)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(msg.Body, "Serikov") {
			t.Errorf("%s: %q does not name Serikov", lang, msg.Body)
		}
	}
}
