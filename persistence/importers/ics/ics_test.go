package ics

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"schulit-lotse/domain"
)

func d(y, m, day int) domain.Date { return domain.NewDate(y, time.Month(m), day) }

// The Ferien of the fixture as the published list gives them (first and last day).
var wantNI = []struct {
	first, last domain.Date
	name        string
}{
	{d(2026, 10, 12), d(2026, 10, 24), "Herbstferien Niedersachsen 2026"},
	{d(2026, 12, 23), d(2027, 1, 9), "Weihnachtsferien Niedersachsen 2026/2027"},
	{d(2027, 2, 1), d(2027, 2, 2), "Winterferien (Zeugnisferien) Niedersachsen 2027"},
	{d(2027, 3, 22), d(2027, 4, 3), "Osterferien Niedersachsen 2027"},
	{d(2027, 5, 7), d(2027, 5, 7), "Pfingstferien Niedersachsen 2027, Brückentag nach Christi Himmelfahrt"},
	{d(2027, 5, 18), d(2027, 5, 18), "Pfingstferien Niedersachsen 2027, Dienstag nach Pfingsten"},
	{d(2027, 7, 8), d(2027, 8, 18), "Sommerferien Niedersachsen 2027"},
}

func read(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func checkNI(t *testing.T, hs []domain.SchoolHoliday) {
	t.Helper()
	if len(hs) != len(wantNI) {
		t.Fatalf("%d periods, want %d", len(hs), len(wantNI))
	}
	for i, w := range wantNI {
		h := hs[i]
		if !h.First.Equal(w.first.Time) || !h.Last.Equal(w.last.Time) || h.Name != w.name || h.Source != "src" {
			t.Errorf("period %d: %s–%s %q (%s), want %s–%s %q", i, h.First, h.Last, h.Name, h.Source, w.first, w.last, w.name)
		}
	}
}

// RFC 5545 file (CRLF, folded lines, escaped commas): DTEND on Sundays, the day after the
// Saturday that ends the published periods, so the RFC reading is detected.
func TestRFCFileIsDetectedAsExclusive(t *testing.T) {
	r, err := Parse(read(t, "ferien-ni-2026-2027.ics"))
	if err != nil {
		t.Fatal(err)
	}
	if r.Detected != Exclusive || r.Reason != ReasonPatternRFC {
		t.Errorf("detected %s (%s)", r.Detected, r.Reason)
	}
	// Herbst, Weihnachten, Ostern end on a Saturday → DTEND Sunday (3 × 2 votes); Winter
	// (DTEND Wed), Brückentag (Sat), Pfingstdienstag (Wed), Sommer (Thu) fit both.
	want := Evidence{Ambiguous: 7, EndsSunday: 3, EndsOther: 4, Exclusive: 6}
	if r.Evidence != want {
		t.Errorf("evidence %+v, want %+v", r.Evidence, want)
	}
	if r.Calendar != "Schulferien Niedersachsen 2026/2027 (Beispieldaten, ohne Gewähr)" {
		t.Errorf("calendar name %q (folding across ä?)", r.Calendar)
	}
	checkNI(t, r.Holidays(r.Detected, "Ferien", "src"))
	// The other reading is one day longer everywhere.
	other := r.Holidays(Inclusive, "Ferien", "src")
	if !other[0].Last.Equal(d(2026, 10, 25).Time) {
		t.Errorf("inclusive reading of the RFC file: %s", other[0].Last)
	}
}

// The same periods with DTEND = last day (LF, BOM): the one-day Pfingst periods have
// DTEND = DTSTART, which only that reading allows.
func TestLastDayFileIsDetectedAsInclusive(t *testing.T) {
	r, err := Parse(read(t, "ferien-ni-2026-2027-letzter-tag.ics"))
	if err != nil {
		t.Fatal(err)
	}
	if r.Detected != Inclusive || r.Reason != ReasonSameDay || r.Evidence.SameDay != 2 {
		t.Errorf("detected %s (%s) %+v", r.Detected, r.Reason, r.Evidence)
	}
	checkNI(t, r.Holidays(r.Detected, "Ferien", "src"))
	// Read the RFC way, one-day periods stay one day (never end before they start).
	rfc := r.Holidays(Exclusive, "Ferien", "src")
	if !rfc[4].Last.Equal(d(2027, 5, 7).Time) || !rfc[0].Last.Equal(d(2026, 10, 23).Time) {
		t.Errorf("RFC reading of the last-day file: %s %s", rfc[4].Last, rfc[0].Last)
	}
}

const head = "BEGIN:VCALENDAR\nVERSION:2.0\n"

func ev(lines ...string) string {
	return "BEGIN:VEVENT\n" + strings.Join(lines, "\n") + "\nEND:VEVENT\n"
}

func cal(events ...string) []byte { return []byte(head + strings.Join(events, "") + "END:VCALENDAR\n") }

func TestWeekdayPatterns(t *testing.T) {
	// Lists that end on Fridays, stored with DTEND = last day: DTEND on Fridays → inclusive.
	fridays := cal(
		ev("DTSTART;VALUE=DATE:20261102", "DTEND;VALUE=DATE:20261106", "SUMMARY:Herbstferien"),
		ev("DTSTART;VALUE=DATE:20270215", "DTEND;VALUE=DATE:20270219", "SUMMARY:Frühjahrsferien"))
	r, err := Parse(fridays)
	if err != nil {
		t.Fatal(err)
	}
	if r.Detected != Inclusive || r.Reason != ReasonPatternIncl || r.Evidence.EndsFriday != 2 {
		t.Errorf("fridays: %s %s %+v", r.Detected, r.Reason, r.Evidence)
	}
	if h := r.Holidays(r.Detected, "", ""); !h[0].Last.Equal(d(2026, 11, 6).Time) {
		t.Errorf("last day %s", h[0].Last)
	}
	// Saturdays only fit both readings: nothing decides, the RFC rule stands and says so.
	saturdays := cal(ev("DTSTART;VALUE=DATE:20261102", "DTEND;VALUE=DATE:20261107", "SUMMARY:Herbstferien"))
	if r, _ := Parse(saturdays); r.Detected != Exclusive || r.Reason != ReasonNoEvidence {
		t.Errorf("saturdays: %s %s", r.Detected, r.Reason)
	}
	// One Sunday (2 for RFC) against one Monday (1 for inclusive): RFC.
	mixed := cal(
		ev("DTSTART;VALUE=DATE:20261012", "DTEND;VALUE=DATE:20261025", "SUMMARY:A"),
		ev("DTSTART:20270301", "DTEND:20270308", "SUMMARY:B"))
	if r, _ := Parse(mixed); r.Detected != Exclusive || r.Evidence.EndsMonday != 1 || r.Evidence.Exclusive != 2 || r.Evidence.Inclusive != 1 {
		t.Errorf("mixed: %s %+v", r.Detected, r.Evidence)
	}
}

func TestTimedEventsAndDurations(t *testing.T) {
	data := cal(
		// Timed in Berlin time: ends at midnight of the 24th → last day is the 23rd.
		ev("DTSTART;TZID=Europe/Berlin:20261012T000000", "DTEND;TZID=Europe/Berlin:20261024T000000", "SUMMARY:Herbst"),
		// UTC: 22:00Z on 22 Dec is 23:00 in Berlin, still the 22nd; end 23:00Z on 9 Jan = 00:00 on 10 Jan.
		ev("DTSTART:20261222T230000Z", "DTEND:20270109T230000Z", "SUMMARY:Weihnachten"),
		// Outlook's zone name.
		ev(`DTSTART;TZID="W. Europe Standard Time":20270201T080000`, "DTEND;TZID=\"W. Europe Standard Time\":20270202T180000", "SUMMARY:Zeugnis"),
		// DURATION of two weeks.
		ev("DTSTART;VALUE=DATE:20270322", "DURATION:P2W", "SUMMARY:Ostern"),
		// A date without end is one day.
		ev("DTSTART;VALUE=DATE:20270507", "SUMMARY:Brückentag"),
		// Cancelled events are left out.
		ev("DTSTART;VALUE=DATE:20270601", "STATUS:CANCELLED", "SUMMARY:Abgesagt"))
	r, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	if r.Reason != ReasonNotAmbiguous || r.Evidence.Unambiguous != 5 || r.Skipped != 1 {
		t.Errorf("%s %+v skipped %d", r.Reason, r.Evidence, r.Skipped)
	}
	hs := r.Holidays(Inclusive, "Ferien", "")
	want := [][2]domain.Date{
		{d(2026, 10, 12), d(2026, 10, 23)},
		{d(2026, 12, 23), d(2027, 1, 9)},
		{d(2027, 2, 1), d(2027, 2, 2)},
		{d(2027, 3, 22), d(2027, 4, 4)},
		{d(2027, 5, 7), d(2027, 5, 7)},
	}
	for i, w := range want {
		if !hs[i].First.Equal(w[0].Time) || !hs[i].Last.Equal(w[1].Time) {
			t.Errorf("%s: %s–%s, want %s–%s", hs[i].Name, hs[i].First, hs[i].Last, w[0], w[1])
		}
	}
	// Both readings agree when nothing is ambiguous.
	if ex := r.Holidays(Exclusive, "Ferien", ""); !ex[0].Last.Equal(hs[0].Last.Time) {
		t.Error("readings differ for timed events")
	}
}

func TestEscapesFoldingAndLineEnds(t *testing.T) {
	// CR-only line ends, a tab continuation, escaped comma, semicolon, backslash and newline,
	// a quoted parameter holding a colon, no SUMMARY (→ fallback name).
	data := "BEGIN:VCALENDAR\rVERSION:2.0\rBEGIN:VEVENT\rDTSTART;VALUE=DATE:20261012\rDTEND;VALUE=DATE:20261025\r" +
		"SUMMARY;X-PARAM=\"a:b;c\":Herbst\\, Nord\\;\r\t Süd\\\\West\\nEnde\rEND:VEVENT\rBEGIN:VEVENT\rDTSTART;VALUE=DATE:20270507\r" +
		"END:VEVENT\rEND:VCALENDAR"
	r, err := Parse([]byte(data))
	if err != nil {
		t.Fatal(err)
	}
	hs := r.Holidays(Exclusive, "Ferien", "x.ics")
	if hs[0].Name != `Herbst, Nord; Süd\West Ende` {
		t.Errorf("summary %q", hs[0].Name)
	}
	if hs[1].Name != "Ferien" || hs[1].Source != "x.ics" {
		t.Errorf("fallback %+v", hs[1])
	}
	// A fold inside a UTF-8 sequence is joined before decoding.
	split := cal(ev("DTSTART;VALUE=DATE:20270507", "SUMMARY:Br\xc3\n \xbcckentag"))
	if r, err := Parse(split); err != nil || r.Events[0].Summary != "Brückentag" {
		t.Errorf("fold inside ü: %v %+v", err, r)
	}
	// Latin-1 bytes (not UTF-8) are read as Latin-1.
	latin := cal(ev("DTSTART;VALUE=DATE:20261012", "DTEND;VALUE=DATE:20261025", "SUMMARY:Herbstferien Gr\xfcnberg"))
	if r, err := Parse(latin); err != nil || r.Events[0].Summary != "Herbstferien Grünberg" {
		t.Errorf("latin-1: %v %+v", err, r)
	}
	// Duplicates within a file are kept once.
	dup := cal(ev("DTSTART;VALUE=DATE:20261012", "DTEND;VALUE=DATE:20261025", "SUMMARY:Herbst"),
		ev("DTSTART;VALUE=DATE:20261012", "DTEND;VALUE=DATE:20261025", "SUMMARY:herbst"))
	if r, _ := Parse(dup); len(r.Holidays(Exclusive, "", "")) != 1 {
		t.Error("duplicate kept")
	}
}

func TestBrokenFilesNameTheLine(t *testing.T) {
	cases := []struct {
		name string
		data string
		line int
		key  string
	}{
		{"no colon", head + "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20261012\nSUMMARY Herbst\nEND:VEVENT\nEND:VCALENDAR\n", 5, ErrNoColon},
		{"bad date", head + "BEGIN:VEVENT\nDTSTART;VALUE=DATE:2026-10-12\nEND:VEVENT\nEND:VCALENDAR\n", 4, ErrDate},
		{"month 13", head + "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20261312\nEND:VEVENT\nEND:VCALENDAR\n", 4, ErrDate},
		{"end before start", head + "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20261012\nDTEND;VALUE=DATE:20261001\nEND:VEVENT\nEND:VCALENDAR\n", 5, ErrEndBefore},
		{"no start", head + "BEGIN:VEVENT\nSUMMARY:Herbst\nEND:VEVENT\nEND:VCALENDAR\n", 3, ErrNoStart},
		{"unclosed event", head + "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20261012\nEND:VCALENDAR\n", 5, ErrEndMismatch},
		{"unclosed calendar", head + "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20261012\nEND:VEVENT\n", 1, ErrUnclosed},
		{"not a calendar", "\nDatum;Ferien\n2026-10-12;Herbst\n", 2, ErrNoCalendar},
		{"other component first", "BEGIN:VCARD\nEND:VCARD\n", 1, ErrNoCalendar},
		{"continuation first", " BEGIN:VCALENDAR\n", 1, ErrContinuation},
		{"html", "<!DOCTYPE html><html>", 1, ErrNoCalendar},
		{"mixed types", head + "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20261012\nDTEND:20261025T000000\nEND:VEVENT\nEND:VCALENDAR\n", 5, ErrMixedTypes},
		{"bad EXDATE", head + "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20261012\nRRULE:FREQ=YEARLY\nEXDATE;VALUE=DATE:2027-10-12\nEND:VEVENT\nEND:VCALENDAR\n", 6, ErrDate},
		{"unknown zone", head + "BEGIN:VEVENT\nDTSTART;TZID=Mars/Olympus:20261012T080000\nEND:VEVENT\nEND:VCALENDAR\n", 4, ErrTimeZone},
		{"two years long", head + "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20261012\nDTEND;VALUE=DATE:20291012\nEND:VEVENT\nEND:VCALENDAR\n", 5, ErrTooLong},
		{"bad duration", head + "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20261012\nDURATION:PT4H\nEND:VEVENT\nEND:VCALENDAR\n", 5, ErrDuration},
		{"unterminated quote", head + "BEGIN:VEVENT\nSUMMARY;X=\"abc:Herbst\nEND:VEVENT\nEND:VCALENDAR\n", 4, ErrBadParam},
		{"no events", head + "END:VCALENDAR\n", 3, ErrNoEvents},
		{"empty", "\r\n\r\n", 1, ErrEmpty},
		{"stray END", head + "END:VCALENDAR\nEND:VCALENDAR\n", 4, ErrOutside},
		{"year 1066", head + "BEGIN:VEVENT\nDTSTART;VALUE=DATE:10661014\nEND:VEVENT\nEND:VCALENDAR\n", 4, ErrDate},
	}
	for _, c := range cases {
		r, err := Parse([]byte(c.data))
		var pe *ParseError
		if !errors.As(err, &pe) {
			t.Errorf("%s: got %v, %+v; want a ParseError", c.name, err, r)
			continue
		}
		if pe.Line != c.line || pe.Key != c.key {
			t.Errorf("%s: line %d %s, want line %d %s", c.name, pe.Line, pe.Key, c.line, c.key)
		}
	}
	// Folded lines count from where the logical line starts: the broken DTSTART on line 4 spans 4–5.
	folded := head + "BEGIN:VEVENT\nDTSTART;VALUE=DATE:2026\n 1312\nEND:VEVENT\nEND:VCALENDAR\n"
	var pe *ParseError
	if _, err := Parse([]byte(folded)); !errors.As(err, &pe) || pe.Line != 4 || pe.Key != ErrDate {
		t.Errorf("folded: %v", err)
	}
	if _, err := Parse(make([]byte, MaxBytes+1)); !errors.As(err, &pe) || pe.Key != ErrTooLarge {
		t.Errorf("too large: %v", err)
	}
}

// FuzzICS: whatever the bytes, Parse returns an error or periods whose last day is not before
// their first and which the domain accepts.
func FuzzICS(f *testing.F) {
	for _, name := range []string{"ferien-ni-2026-2027.ics", "ferien-ni-2026-2027-letzter-tag.ics"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add(cal(ev("DTSTART;TZID=Europe/Berlin:20261012T000000", "DTEND;TZID=Europe/Berlin:20261024T000000")))
	f.Add(cal(ev("DTSTART;VALUE=DATE:20270322", "DURATION:P2W", "SUMMARY:Ostern\\, Nord")))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := Parse(data)
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) || pe.Key == "" {
				t.Fatalf("error without line and key: %v", err)
			}
			return
		}
		if len(r.Events) == 0 || (r.Detected != Exclusive && r.Detected != Inclusive) {
			t.Fatalf("result without events or reading: %+v", r)
		}
		for _, i := range []Interpretation{Exclusive, Inclusive} {
			for _, h := range r.Holidays(i, "Ferien", "f") {
				if err := domain.ValidateHoliday(h); err != nil {
					t.Fatalf("%s: %+v: %v", i, h, err)
				}
			}
		}
	})
}

func BenchmarkParseNI(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("testdata", "ferien-ni-2026-2027.ics"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for i := 0; i < b.N; i++ {
		if _, err := Parse(data); err != nil {
			b.Fatal(err)
		}
	}
}

// Section 2: a public-holiday feed repeats its days with yearly rules. Tag der Deutschen
// Einheit from 2026 without an end, over the project's years up to 2029: 2026, 2027, 2028,
// 2029 = 4 days. Neujahr with COUNT=3 and EXDATE 2028: 2027, 2029 (2028 excluded; COUNT counts
// it) = 2. Reformationstag weekly (sic) 3 times: 31.10., 07.11., 14.11. A rule with BYSETPOS is
// not expanded: its first day stays and the rule is named.
func TestRecurringEventsAreExpanded(t *testing.T) {
	data := head +
		"BEGIN:VEVENT\nSUMMARY:Tag der Deutschen Einheit\nDTSTART;VALUE=DATE:20261003\nDTEND;VALUE=DATE:20261004\nRRULE:FREQ=YEARLY\nEND:VEVENT\n" +
		"BEGIN:VEVENT\nSUMMARY:Neujahr\nDTSTART;VALUE=DATE:20270101\nDTEND;VALUE=DATE:20270102\nRRULE:FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=1;COUNT=3\nEXDATE;VALUE=DATE:20280101\nEND:VEVENT\n" +
		"BEGIN:VEVENT\nSUMMARY:Wochenrhythmus\nDTSTART;VALUE=DATE:20261031\nDTEND;VALUE=DATE:20261101\nRRULE:FREQ=WEEKLY;UNTIL=20261114\nEND:VEVENT\n" +
		"BEGIN:VEVENT\nSUMMARY:Monatlich\nDTSTART;VALUE=DATE:20261201\nDTEND;VALUE=DATE:20261202\nRRULE:FREQ=MONTHLY;BYSETPOS=1\nEND:VEVENT\n" +
		"END:VCALENDAR\n"
	r, err := ParseWith([]byte(data), Options{Until: domain.NewDate(2029, 12, 31)})
	if err != nil {
		t.Fatal(err)
	}
	count := map[string][]string{}
	for _, e := range r.Events {
		count[e.Summary] = append(count[e.Summary], e.Start.String()+"/"+e.LastDay(Exclusive).String())
	}
	if got := strings.Join(count["Tag der Deutschen Einheit"], " "); got != "2026-10-03/2026-10-03 2027-10-03/2027-10-03 2028-10-03/2028-10-03 2029-10-03/2029-10-03" {
		t.Errorf("Einheit: %s", got)
	}
	if got := strings.Join(count["Neujahr"], " "); got != "2027-01-01/2027-01-01 2029-01-01/2029-01-01" {
		t.Errorf("Neujahr: %s", got)
	}
	if got := strings.Join(count["Wochenrhythmus"], " "); got != "2026-10-31/2026-10-31 2026-11-07/2026-11-07 2026-11-14/2026-11-14" {
		t.Errorf("weekly: %s", got)
	}
	// The BYSETPOS rule's line: 2 lines of head, 6 + 7 + 6 of the events before, then BEGIN,
	// SUMMARY, DTSTART, DTEND: line 2 + 19 + 5 = 26.
	if len(count["Monatlich"]) != 1 || len(r.Unsupported) != 1 || r.Unsupported[0].Line != 26 || !strings.Contains(r.Unsupported[0].Rule, "BYSETPOS") {
		t.Errorf("monthly: %v, unsupported %+v", count["Monatlich"], r.Unsupported)
	}
	// 4 + 2 + 3 events from three rules: 9 − 3 first occurrences = 6 made by the rules.
	if r.Expanded != 6 {
		t.Errorf("expanded %d", r.Expanded)
	}
}

// Section 2: MONTHLY and BYDAY rules and RDATE, in a feed of the usual shape (CRLF, PRODID,
// UID, DTSTAMP), expanded up to the end of 2029. By hand:
//
//	Muttertag, 2nd Sunday in May: 1 May 2027 is a Saturday → Sundays 2, 9 → 9 May; 2028 starts
//	May on a Monday → 7, 14 → 14 May; 2029 on a Tuesday → 6, 13 → 13 May.
//	Last Monday in May: 2027 Mondays 3 … 31 → 31 May; 2028 1 … 29 → 29 May; 2029 7 … 28 → 28 May.
//	Buß- und Bettag, the Wednesday among 16–22 November: 16 Nov 2027 is a Tuesday → 17; 2028 a
//	Thursday → 22; 2029 a Friday → 21.
//	Elternsprechtag, 1st Tuesday, COUNT=3: 1 Jan 2027 Friday → 5 Jan; 1 Feb Monday → 2 Feb;
//	1 Mar Monday → 2 Mar.
//	Beweglicher Ferientag: DTSTART 7 May plus RDATE 28 May and 4 October 2027.
//
// The BYSETPOS rule (last working day) is named, its first day kept. 3 + 3 + 3 + 3 + 3 + 1 = 16
// events, 16 − 6 first days = 10 made by the rules.
func TestMonthlyByDayAndRDATE(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "termine-regeln.ics"))
	if err != nil {
		t.Fatal(err)
	}
	r, err := ParseWith(data, Options{Until: domain.NewDate(2029, 12, 31)})
	if err != nil {
		t.Fatal(err)
	}
	days := map[string]string{}
	for _, e := range r.Events {
		days[e.Summary] = strings.TrimSpace(days[e.Summary] + " " + e.Start.String())
	}
	for name, want := range map[string]string{
		"Muttertag":                           "2027-05-09 2028-05-14 2029-05-13",
		"Spring Bank Holiday (Partnerschule)": "2027-05-31 2028-05-29 2029-05-28",
		"Buß- und Bettag":                     "2027-11-17 2028-11-22 2029-11-21",
		"Elternsprechtag":                     "2027-01-05 2027-02-02 2027-03-02",
		"Beweglicher Ferientag":               "2027-05-07 2027-05-28 2027-10-04",
		"Letzter Werktag im Monat":            "2027-01-29",
	} {
		if days[name] != want {
			t.Errorf("%s: %s, want %s", name, days[name], want)
		}
	}
	if len(r.Unsupported) != 1 || r.Unsupported[0].Line != 55 || !strings.Contains(r.Unsupported[0].Rule, "BYSETPOS") {
		t.Errorf("unsupported %+v", r.Unsupported)
	}
	if len(r.Events) != 16 || r.Expanded != 10 {
		t.Errorf("%d events, %d expanded", len(r.Events), r.Expanded)
	}
}

// Rule forms: what is expanded and what is refused (and then named).
func TestParseRuleForms(t *testing.T) {
	start := domain.NewDate(2027, 1, 5)
	for _, v := range []string{"FREQ=MONTHLY;BYDAY=1TU", "FREQ=YEARLY;BYMONTH=5;BYDAY=-1MO", "FREQ=WEEKLY;BYDAY=MO,WE;WKST=SU",
		"FREQ=MONTHLY;BYMONTHDAY=-1", "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR"} {
		if _, ok := parseRule(v, start); !ok {
			t.Errorf("%s refused", v)
		}
	}
	for _, v := range []string{"FREQ=YEARLY;BYDAY=20MO", "FREQ=WEEKLY;BYDAY=1MO", "FREQ=YEARLY;BYDAY=MO", "FREQ=MONTHLY;BYSETPOS=-1",
		"FREQ=YEARLY;BYWEEKNO=20", "FREQ=HOURLY", "FREQ=MONTHLY;BYMONTHDAY=32", "FREQ=MONTHLY;BYDAY=XX"} {
		if _, ok := parseRule(v, start); ok {
			t.Errorf("%s accepted", v)
		}
	}
}
