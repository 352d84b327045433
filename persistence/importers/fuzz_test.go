package importers

import (
	"errors"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"schulit-lotse/domain"
)

// The committed fixtures are the seeds of every fuzzer; go test runs the seeds, `make fuzz`
// (go test -fuzz) explores from them.
func addFixtures(f *testing.F, names ...string) {
	for _, n := range names {
		b, err := os.ReadFile(fixture(n))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
}

var allFixtures = []string{"zammad.xlsx", "glpi_de.csv", "glpi_fr.csv", "glpi_en.csv", "itop.csv", "znuny.csv", "generic_1252.csv",
	"calls.csv", "limesurvey.csv"}

// checkErr: a failure must be one of ours (with a key), never a bare library error.
func checkErr(t *testing.T, err error) {
	var e *Error
	if !errors.As(err, &e) || e.Key == "" {
		t.Fatalf("not an import error: %v", err)
	}
}

// fuzzRead reads data as a CSV table and the table with read. A refusal must be an import
// error (checkErr); ok is false when the data was refused.
func fuzzRead[T any](t *testing.T, data []byte, read func(*Table) (T, error)) (out T, ok bool) {
	tab, err := ReadBytes("fuzz.csv", data)
	if err == nil {
		if out, err = read(tab); err == nil {
			return out, true
		}
	}
	checkErr(t, err)
	return out, false
}

func checkText(t *testing.T, what, s string) {
	if !utf8.ValidString(s) || strings.ContainsAny(s, "\r\n") || utf8.RuneCountInString(s) > maxText {
		t.Fatalf("%s %q stored", what, s)
	}
}

func FuzzReadTickets(f *testing.F) {
	addFixtures(f, allFixtures...)
	f.Add([]byte("ID;Erstellt;Priorität\n1;01.03.2027 08:00;hoch\n"))
	f.Add([]byte("\"ID\";\"Eröffnungsdatum\";\"Priorität\";\n\"1\u00a0001\";\"01-03-2027 08:00\";\"Hoch\";\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		tf, ok := fuzzRead(t, data, func(tab *Table) (*TicketFile, error) { return ReadTickets(tab, TicketOptions{}) })
		if !ok {
			return
		}
		seen := map[string]bool{}
		for _, r := range tf.Rows {
			if r.ExternalID == "" || seen[r.ExternalID] || strings.ContainsFunc(r.ExternalID, func(c rune) bool { return c == ' ' || c == '\u00a0' }) {
				t.Fatalf("id %q", r.ExternalID)
			}
			seen[r.ExternalID] = true
			if y := r.Created.In(domain.Berlin).Year(); y < minYear || y > maxYear {
				t.Fatalf("year %d", y)
			}
			if r.FirstResponse != nil && r.FirstResponse.Before(r.Created) || r.Resolved != nil && r.Resolved.Before(r.Created) {
				t.Fatalf("before creation: %+v", r)
			}
			for _, s := range []string{r.Priority, r.Category, r.School, r.Status} {
				checkText(t, "text", s)
			}
		}
		m, _ := DetectMapping(tf, domain.TicketMapping{}, classes, packages)
		ts, err := tf.Tickets(m, classes, packages)
		if err != nil {
			checkErr(t, err)
			return
		}
		for _, tk := range ts {
			if !validCode(tk.Priority, classes) {
				t.Fatalf("priority %q", tk.Priority)
			}
		}
	})
}

func FuzzReadCalls(f *testing.F) {
	addFixtures(f, "calls.csv", "zammad.xlsx")
	f.Add([]byte("Zeitpunkt,Angenommen,Wartezeit,Gesprächsdauer\n2027-03-01 08:00:00,ja,12,300\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		cf, ok := fuzzRead(t, data, func(tab *Table) (*CallFile, error) { return ReadCalls(tab, CallOptions{}) })
		if !ok {
			return
		}
		for _, c := range cf.Calls {
			if c.WaitSeconds < 0 || c.TalkSeconds < 0 || c.At.Before(cf.First) || c.At.After(cf.Last) {
				t.Fatalf("call %+v outside %v–%v", c, cf.First, cf.Last)
			}
		}
	})
}

func FuzzReadSurvey(f *testing.F) {
	addFixtures(f, "limesurvey.csv")
	f.Add([]byte("Datum;Schule;Frage;Bewertung\n03.03.2027;GS;Zufriedenheit;sehr zufrieden\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		sf, ok := fuzzRead(t, data, func(tab *Table) (*SurveyFile, error) { return ReadSurvey(tab, SurveyOptions{}) })
		if !ok {
			return
		}
		for _, a := range sf.Answers {
			if a.Score < 1 || a.Score > 5 {
				t.Fatalf("score %d", a.Score)
			}
			checkText(t, "question", a.Question)
			checkText(t, "school", a.School)
		}
	})
}

// FuzzReadSheet starts from the workbook: whatever the zip holds, reading ends in rows or in a
// message, never in a panic.
func FuzzReadSheet(f *testing.F) {
	addFixtures(f, "zammad.xlsx")
	f.Fuzz(func(t *testing.T, data []byte) {
		tab, err := ReadBytes("fuzz.xlsx", data)
		if err != nil {
			checkErr(t, err)
			return
		}
		if len(tab.Rows) != len(tab.Lines) {
			t.Fatal("rows and lines differ")
		}
		if _, err := ReadTickets(tab, TicketOptions{Format: FormatZammad}); err != nil {
			checkErr(t, err)
		}
	})
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2027-03-01 08:15:00", "01.03.2027 08:15", "01-03-2027 08:15", "2027-03-01T08:15:00+02:00", "46447.34375", "1803964500"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, p := range []*timeParser{{loc: domain.Berlin}, {loc: domain.Berlin, xlsx: true}} {
			if tm, ok := p.parse(s); ok && tm.Location() != nil && tm.Nanosecond() != 0 && !strings.ContainsAny(s, ".,") {
				t.Fatalf("%q gave a fraction of a second: %v", s, tm)
			}
		}
		parseSeconds(s)
	})
}
