package reports

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"time"

	"schulit-lotse/domain"
	"schulit-lotse/reports/internal/pdftest"
)

func TestJourFixeProtocolOfTheSample(t *testing.T) {
	p := pdftest.Sample(t)
	// The protocol shows the KPIs as frozen in the meeting: without any tickets or calls left,
	// the figures of 13 July 2027 stay.
	p.Tickets, p.Calls = nil, nil
	text := pdftest.PDFText(t, func(w io.Writer) error {
		return WriteJourFixeProtocol(w, p, domain.NewDate(2027, time.July, 13), Options{Date: fixedDate})
	})
	pdftest.HasAll(t, "the protocol", text, []string{
		"Protokoll Jour fixe vom 13.07.2027", "Teilnehmende Anna Berger, Maren Ohlsen, Lars Claassen, Jens Wübbena", "Berichtszeitraum 01.04.2027 – 30.06.2027",
		"1 Kennzahlen (Stand der Sitzung)", "Reaktion im Ziel 93 %", "Tickets 329",
		"2 Notizen und Beschlüsse", "Austauschplan WLAN liegt im Entwurf vor",
		"3 Vereinbarte Maßnahmen", "Servicezeiten in den Sommerferien mit den Schulen abstimmen Anna Berger 20.07.2027",
		"4 Übernommene offene Maßnahmen", "Grundschule am Park vorlegen Lars Claassen 30.06.2027 13.04.2027",
	})
	// A measure agreed in this meeting is not also carried over into it.
	if n := strings.Count(text, "Lesezugang zur Wissensdatenbank"); n != 1 {
		t.Errorf("the measure agreed on 13.07.2027 appears %d times", n)
	}
}

func TestJourFixeProtocolNeedsAMeeting(t *testing.T) {
	p := pdftest.Sample(t)
	err := WriteJourFixeProtocol(&bytes.Buffer{}, p, domain.NewDate(2027, time.July, 14), Options{Date: fixedDate})
	if err == nil || err.Error() != "Am 14.07.2027 fand kein Jour fixe statt." {
		t.Errorf("error = %v", err)
	}
}

func invitationText(t *testing.T, p *domain.Project, day domain.Date) string {
	t.Helper()
	path := pdftest.WritePDF(t, func(w io.Writer) error { return WriteJourFixeInvitation(w, p, day, Options{Date: fixedDate}) })
	return pdftest.AllText(t, path)
}

// The invitation's agenda: the minutes of the last meeting, the KPIs of the quarter before the
// meeting as the data stand, the measures open before it, the milestones due and the notice date.
func TestJourFixeInvitationOfTheSample(t *testing.T) {
	p := pdftest.Sample(t)
	text := invitationText(t, p, domain.NewDate(2027, time.July, 13))
	pdftest.HasAll(t, "the invitation", text, []string{
		"Einladung zum Jour fixe am 13.07.2027", "Eingeladen Anna Berger", "Berichtszeitraum 01.04.2027 – 30.06.2027",
		"1 Protokoll der letzten Sitzung", "Abstimmung des Protokolls vom 13.04.2027",
		"2 Kennzahlen 01.04.2027 – 30.06.2027", "Reaktion im Ziel 93 %", "Tickets 329",
		"3 Offene Maßnahmen", "Grundschule am Park vorlegen Lars Claassen 30.06.2027 13.04.2027",
		// No milestone is due up to 24.08.2027 (13.07. + 42 days): the next one is named.
		"4 Fällige Meilensteine", "14.12.2027 Bilanz nach einem Jahr Dr. Thomas Hahn nächster",
		// 24 months from 01.01.2027 end on 31.12.2028; 3 months to the month's end: 30.09.2028,
		// 445 days after 13.07.2027 (171 days to the year's end + 274 in 2028 to 30.09.).
		"5 Vertrag", "Kündigungsfrist 3 Monate zum Monatsende. Kündigung muss spätestens am 30.09.2028 eingehen (noch 445 Tage)",
		"6 Verschiedenes",
	})
	// It goes to the provider: the footer does not name the program.
	if strings.Contains(text, tr("app.name")) {
		t.Error("the invitation names the program")
	}
	// A meeting not recorded yet: those of the last one are invited, its measures are open, and
	// July – September 2027 has no data yet.
	text = invitationText(t, p, domain.NewDate(2027, time.October, 12))
	pdftest.HasAll(t, "the invitation to 12.10.2027", text, []string{"Einladung zum Jour fixe am 12.10.2027", "Eingeladen Anna Berger", "Abstimmung des Protokolls vom 13.07.2027",
		"Für den Zeitraum liegen keine Daten", "Servicezeiten in den Sommerferien mit den Schulen abstimmen Anna Berger 20.07.2027 13.07.2027"})
}
