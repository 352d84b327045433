package importers

import (
	"errors"
	"strings"
	"testing"
	"time"

	"schulit-lotse/domain"
)

func TestCallList(t *testing.T) {
	tab := readFixture(t, "calls.csv")
	f, err := ReadCalls(tab, CallOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Calls) != 4 || f.Outbound != 1 {
		t.Fatalf("%d calls, %d outbound", len(f.Calls), f.Outbound)
	}
	c := f.Calls[0]
	if !c.At.Equal(time.Date(2027, 3, 1, 7, 2, 11, 0, time.UTC)) || !c.Answered || c.WaitSeconds != 18 || c.TalkSeconds != 220 {
		t.Errorf("first call = %+v", c)
	}
	if m := f.Calls[1]; m.Answered || m.WaitSeconds != 65 || m.TalkSeconds != 0 {
		t.Errorf("missed call = %+v", m)
	}
	if !f.First.Equal(c.At) || !f.Last.Equal(time.Date(2027, 3, 2, 12, 1, 0, 0, time.UTC)) {
		t.Errorf("span %v – %v", f.First, f.Last)
	}
}

func TestCallListVariants(t *testing.T) {
	cases := []struct {
		name, content   string
		calls           int
		answered        int
		wait, talk      int // of the first call
		key             string
		line, col       int
		withUserMapping map[string]string
	}{
		{name: "one stamp, yes/no, seconds", content: "Zeitpunkt,Angenommen,Wartezeit,Gesprächsdauer\n2027-03-01 08:00:00,ja,12,300\n2027-03-01 08:05:00,nein,40,0\n",
			calls: 2, answered: 1, wait: 12, talk: 300},
		{name: "no answered column: talk time decides", content: "Call Time;Ringing;Talking\n01.03.2027 08:00;0:05;2:00\n01.03.2027 08:01;0:30;0:00\n",
			calls: 2, answered: 1, wait: 5, talk: 120},
		{name: "user mapping", content: "A;B;C\n2027-03-01 08:00;x;7\n", calls: 1, answered: 1, wait: 7,
			withUserMapping: map[string]string{CallAt: "A", CallAnswered: "B", CallWait: "C"}},
		{name: "unknown status", content: "Zeitpunkt;Status\n01.03.2027 08:00;vielleicht\n", key: ErrAnswered, line: 2, col: 2},
		{name: "broken wait", content: "Zeitpunkt;Status;Wartezeit\n01.03.2027 08:00;ja;lange\n", key: ErrNumber, line: 2, col: 3},
		{name: "broken date", content: "Zeitpunkt;Status\n32.03.2027 08:00;ja\n", key: ErrDate, line: 2, col: 1},
		{name: "tickets are no calls", content: "ID;Eröffnungsdatum;Priorität\n1;01-03-2027 08:00;Hoch\n", key: ErrNoHeader},
		{name: "only outbound", content: "Zeitpunkt;Richtung;Status\n01.03.2027 08:00;ausgehend;ja\n", key: ErrNoRows},
	}
	for _, c := range cases {
		tab, err := ReadBytes("anrufe.csv", []byte(c.content))
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		f, err := ReadCalls(tab, CallOptions{Columns: c.withUserMapping})
		if c.key != "" {
			var e *Error
			if !errors.As(err, &e) || e.Key != c.key || (c.line > 0 && (e.Line != c.line || e.Column != c.col)) {
				t.Errorf("%s: %#v, want %s at %d:%d", c.name, err, c.key, c.line, c.col)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		answered := 0
		for _, x := range f.Calls {
			if x.Answered {
				answered++
			}
		}
		if len(f.Calls) != c.calls || answered != c.answered || f.Calls[0].WaitSeconds != c.wait || f.Calls[0].TalkSeconds != c.talk {
			t.Errorf("%s: %+v", c.name, f.Calls)
		}
	}
}

func TestLimeSurvey(t *testing.T) {
	tab := readFixture(t, "limesurvey.csv")
	if tab.Encoding != EncodingUTF8BOM || tab.Delimiter != ';' {
		t.Errorf("encoding %s, delimiter %q", tab.Encoding, tab.Delimiter)
	}
	// Guessed, only the numeric Q1 counts: the matrix answers are answer codes (A1 …), which
	// count only when the user chooses the matrix as the satisfaction scale.
	f, err := ReadSurvey(tab, SurveyOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(f.Questions, "|") != "Q1" || f.School != "SCHULE" || f.Incomplete != 1 || len(f.Answers) != 3 {
		t.Fatalf("guessed: questions %v, school %q, incomplete %d, %d answers", f.Questions, f.School, f.Incomplete, len(f.Answers))
	}
	chosen := domain.SurveyMapping{Questions: []string{"Q1", "QMATRIX[SQ001]", "QMATRIX[SQ002]"}}
	f, err = ReadSurvey(tab, SurveyOptions{Mapping: chosen})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(f.Questions, "|") != "Q1|QMATRIX[SQ001]|QMATRIX[SQ002]" || f.School != "SCHULE" || f.Incomplete != 1 {
		t.Fatalf("questions %v, school %q, incomplete %d", f.Questions, f.School, f.Incomplete)
	}
	// Responses 1 (5, A4, A5), 3 (2, A3, A1) and 4 (4, A4, no answer): eight answers.
	want := []struct {
		q      string
		score  int
		school string
	}{{"Q1", 5, "GS Am Markt"}, {"QMATRIX[SQ001]", 4, "GS Am Markt"}, {"QMATRIX[SQ002]", 5, "GS Am Markt"},
		{"Q1", 2, "IGS Nord"}, {"QMATRIX[SQ001]", 3, "IGS Nord"}, {"QMATRIX[SQ002]", 1, "IGS Nord"},
		{"Q1", 4, "Realschule Süd"}, {"QMATRIX[SQ001]", 4, "Realschule Süd"}}
	if len(f.Answers) != len(want) {
		t.Fatalf("answers = %+v", f.Answers)
	}
	for i, w := range want {
		a := f.Answers[i]
		if a.Question != w.q || a.Score != w.score || a.School != w.school {
			t.Errorf("answer %d = %+v, want %+v", i, a, w)
		}
	}
	if !f.Answers[0].At.Equal(time.Date(2027, 3, 10, 9, 15, 0, 0, time.UTC)) || !f.Last.Equal(time.Date(2027, 3, 12, 11, 30, 0, 0, time.UTC)) {
		t.Errorf("times %v, last %v", f.Answers[0].At, f.Last)
	}
	for _, a := range f.Answers {
		if strings.Contains(a.Question+a.School, "192.0.2") || strings.Contains(a.Question+a.School, "Hotline") {
			t.Errorf("personal data or free text stored: %+v", a)
		}
	}
	// School grades (1 best) reverse the scale; a chosen question list is strict.
	f, err = ReadSurvey(tab, SurveyOptions{Mapping: domain.SurveyMapping{Questions: []string{"Q1"}, Reverse: true}})
	if err != nil || len(f.Answers) != 3 || f.Answers[0].Score != 1 || f.Answers[1].Score != 4 {
		t.Errorf("reversed: %v %+v", err, f)
	}
	_, err = ReadSurvey(tab, SurveyOptions{Mapping: domain.SurveyMapping{Questions: []string{"KOMMENTAR"}}})
	var e *Error
	if !errors.As(err, &e) || e.Key != ErrScore || e.Line != 2 || e.Column != 13 {
		t.Errorf("free text as a question: %#v", err)
	}
}

func TestSurveyLongFormat(t *testing.T) {
	tab, _ := ReadBytes("umfrage.csv", []byte("Datum;Schule;Frage;Bewertung\n03.03.2027;GS Am Markt;Zufriedenheit;sehr zufrieden\n04.03.2027;IGS Nord;Zufriedenheit;2\n04.03.2027;IGS Nord;Erreichbarkeit;keine Angabe\n"))
	f, err := ReadSurvey(tab, SurveyOptions{})
	if err != nil || len(f.Answers) != 2 || f.Answers[0].Score != 5 || f.Answers[1].Score != 2 || f.Answers[1].School != "IGS Nord" {
		t.Errorf("%v %+v", err, f)
	}
	tab, _ = ReadBytes("umfrage.csv", []byte("Datum;Frage;Bewertung\n03.03.2027;Zufriedenheit;7\n"))
	if _, err := ReadSurvey(tab, SurveyOptions{}); !isKey(err, ErrScore) {
		t.Errorf("score 7: %v", err)
	}
	tab, _ = ReadBytes("umfrage.csv", []byte("Datum;Kommentar\n03.03.2027;alles bestens\n"))
	if _, err := ReadSurvey(tab, SurveyOptions{}); !isKey(err, ErrNoQuestions) {
		t.Errorf("no questions: %v", err)
	}
}

func TestDates(t *testing.T) {
	p := &timeParser{loc: berlin}
	ok := map[string]time.Time{
		"2027-03-01 08:15:00":       local(2027, 3, 1, 8, 15),
		"2027-03-01T08:15":          local(2027, 3, 1, 8, 15),
		"01.03.2027 08:15:59":       local(2027, 3, 1, 8, 15).Add(59 * time.Second),
		"1.3.2027 8:15":             local(2027, 3, 1, 8, 15),
		"01-03-2027 08:15":          local(2027, 3, 1, 8, 15),
		"01/03/2027 08:15":          local(2027, 3, 1, 8, 15),
		"01.03.27 08:15":            local(2027, 3, 1, 8, 15),
		"01.03.2027":                local(2027, 3, 1, 0, 0),
		"2027-03-01T08:15:00Z":      time.Date(2027, 3, 1, 8, 15, 0, 0, time.UTC),
		"2027-03-01T08:15:00+02:00": time.Date(2027, 3, 1, 6, 15, 0, 0, time.UTC),
		"2027-03-01 08:15:00.734":   local(2027, 3, 1, 8, 15),
		"1803964500":                time.Unix(1803964500, 0).UTC(),
	}
	for s, want := range ok {
		if got, good := p.parse(s); !good || !got.Equal(want) {
			t.Errorf("%q = %v %v, want %v", s, got, good, want)
		}
	}
	for _, s := range []string{"", "31.02.2027", "2027-13-01", "01.03.2027 25:00", "gestern", "01.03.2027 8", "2027-03-01 08:15 Uhr", "46421.5", "1.2.3.4"} {
		if got, good := p.parse(s); good {
			t.Errorf("%q parsed as %v", s, got)
		}
	}
	x := &timeParser{loc: berlin, xlsx: true}
	// 46447.34375 is 2027-03-01 08:15 in Excel's count of days.
	if got, good := x.parse("46447.34375"); !good || !got.Equal(local(2027, 3, 1, 8, 15)) {
		t.Errorf("serial = %v %v", got, good)
	}
	for s, want := range map[string]int{"83": 83, "83,4": 83, "00:01:23": 83, "1:23": 83, "": 0} {
		if got, good := parseSeconds(s); !good || got != want {
			t.Errorf("seconds %q = %d %v", s, got, good)
		}
	}
	for _, s := range []string{"-3", "lange", "1:2:3:4", "999999999"} {
		if _, good := parseSeconds(s); good {
			t.Errorf("seconds %q accepted", s)
		}
	}
}

func TestDecode(t *testing.T) {
	cases := []struct {
		in   []byte
		text string
		enc  string
	}{
		{[]byte("Gr\xfc\xdfe"), "Grüße", Encoding1252},
		{[]byte("Grüße"), "Grüße", EncodingUTF8},
		{append([]byte{0xEF, 0xBB, 0xBF}, "Grüße"...), "Grüße", EncodingUTF8BOM},
		{[]byte{0xFF, 0xFE, 'G', 0, 0xFC, 0}, "Gü", EncodingUTF16},
		{[]byte("\x80 Euro"), "€ Euro", Encoding1252},
		// Issue 13, 1.7: two valid umlauts outweigh one stray byte: UTF-8, the byte becomes U+FFFD.
		{[]byte("Mühle\nCaf\xe9\nSüd"), "Mühle\nCaf\uFFFD\nSüd", EncodingUTF8},
		// One umlaut against two stray bytes: Windows-1252 (Ã¼ is what UTF-8 ü looks like there).
		{[]byte("M\xc3\xbchle \xe4\xf6"), "MÃ¼hle äö", Encoding1252},
	}
	for _, c := range cases {
		got, enc, _, err := decodeText(c.in)
		if err != nil || got != c.text || enc != c.enc {
			t.Errorf("%q → %q %s %v, want %q %s", c.in, got, enc, err, c.text, c.enc)
		}
	}
	if _, _, lines, _ := decodeText([]byte("Mühle\nCaf\xe9\nSüd")); len(lines) != 1 || lines[0] != 2 {
		t.Errorf("stray lines %v, want [2]", lines)
	}
}
