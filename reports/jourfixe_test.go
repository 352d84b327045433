package reports

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"schulit-lotse/domain"
	"schulit-lotse/internal/sample"
)

func TestJourFixeProtocolOfTheSample(t *testing.T) {
	p, err := sample.Project()
	if err != nil {
		t.Fatal(err)
	}
	// The protocol shows the KPIs as frozen in the meeting: without any tickets or calls left,
	// the figures of 13 July 2027 stay.
	p.Tickets, p.Calls = nil, nil
	var buf bytes.Buffer
	if err := WriteJourFixeProtocol(&buf, p, domain.NewDate(2027, time.July, 13), Options{Date: fixedDate}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "jf.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	text := squash(strings.Join(pageTexts(t, path, false), "\n"))
	for _, w := range []string{
		"Protokoll Jour fixe vom 13.07.2027", "Maren Ohlsen (Schulträger)", "Berichtszeitraum 01.04.2027 – 30.06.2027",
		"1 Kennzahlen (Stand der Sitzung)", "Reaktion im Ziel 93 %", "Tickets 329",
		"2 Notizen und Beschlüsse", "Austauschplan WLAN liegt im Entwurf vor",
		"3 Vereinbarte Maßnahmen", "Servicezeiten in den Sommerferien mit den Schulen abstimmen Anna Berger 20.07.2027",
		"4 Übernommene offene Maßnahmen", "Grundschule am Park vorlegen Jens Wübbena (Nordlicht) 30.06.2027 13.04.2027",
	} {
		if !strings.Contains(text, w) {
			t.Errorf("the protocol lacks %q", w)
		}
	}
	// A measure agreed in this meeting is not also carried over into it.
	if n := strings.Count(text, "Lesezugang zur Wissensdatenbank"); n != 1 {
		t.Errorf("the measure agreed on 13.07.2027 appears %d times", n)
	}
}

func TestJourFixeProtocolNeedsAMeeting(t *testing.T) {
	p, err := sample.Project()
	if err != nil {
		t.Fatal(err)
	}
	err = WriteJourFixeProtocol(&bytes.Buffer{}, p, domain.NewDate(2027, time.July, 14), Options{Date: fixedDate})
	if err == nil || err.Error() != "Am 14.07.2027 fand kein Jour fixe statt." {
		t.Errorf("error = %v", err)
	}
}
