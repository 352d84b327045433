package award

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"schulit-lotse/reports/internal/pdftest"
	"schulit-lotse/reports/pdfkit"
)

// specHintKeys are the program's hints and guidance around the tender steps: they belong in
// the program and in `lotse check`, never in the document bidders receive.
var specHintKeys = []string{
	"award.levels.hint", "award.sla.none_hint", "award.targets.hotline_pct_hint", "award.targets.hotline_wait_hint",
	"award.targets.satisfaction_hint", "award.targets.cadence_hint", "award.tender.fluctuation_hint", "award.tender.tie_hint",
	"award.method.help.simple", "award.method.help.extended", "award.criterion.weight_hint", "award.criterion.min_hint",
	"award.bid.price_hint", "award.contract.term_hint", "award.contract.renewal_hint", "award.contract.notice_hint",
}

// specForbiddenPhrases are sample disclaimers and references to the program's steps.
var specForbiddenPhrases = []string{"Beispieldaten", "ohne Gewähr", "Schritt ", "Schul-IT Lotse prüfen", "in Schritt"}

func TestServiceSpecOfTheSampleIsForBidders(t *testing.T) {
	p := pdftest.Sample(t)
	text := pdftest.PDFText(t, func(w io.Writer) error { return WriteServiceSpec(w, p, pdfkit.Options{Date: fixedDate}) })
	for _, k := range specHintKeys {
		hint := pdftest.Squash(tr(k))
		if hint == k || hint == "" {
			t.Errorf("hint key %q has no translation", k)
			continue
		}
		if strings.Contains(text, hint) {
			t.Errorf("the Leistungsbeschreibung carries the hint %q", k)
		}
	}
	// Neither the pages nor the shared footer name the program.
	for _, s := range append(specForbiddenPhrases, tr("app.name")) {
		if strings.Contains(text, s) {
			t.Errorf("the Leistungsbeschreibung carries %q", s)
		}
	}
	// The Mengengerüst from the sample's 597 tickets and 882 calls, January to June 2027
	// (as of 14.07.2027 the window is July 2026 – June 2027, the data start in January):
	// means 27/6 = 4,5 P1, 129/6 = 21,5 P2, 309/6 = 51,5 P3, 132/6 = 22 P4, 597/6 = 99,5
	// tickets and 882/6 = 147 calls a month; hours 2 + 4 + 10 + 6,5 = 22,5 a month, 270 a year.
	pdftest.HasAll(t, "the Leistungsbeschreibung", text, []string{"4 Mengengerüst", "Summe 4 22,5 270", "Jan 2027 3 16 41 19 79 117", "Jun 2027 10 23 55 32 120 195",
		"Summe 27 129 309 132 597 882", "Ø je Monat 4,5 21,5 51,5 22 99,5 147", "Jan 2027 bis Jun 2027 (6 Monate)",
		// Schools named in the tickets; the handover from the milestones up to 01.04.2027, the exit from the contract.
		"6", "18.12.2026 Übergabe von Dokumentation und", "01.03.2027 Regelbetrieb", "Vertragsende 31.12.2028",
		"Nach Ablauf verlängert sich jeweils um 12 Monate, sofern keine Seite kündigt", "6 Vertragsstrafen und Bonus-Malus", "Zu ergänzen: Folgen verfehlter Servicelevel"})
	if strings.Contains(text, "Bilanz nach einem Jahr") {
		t.Error("a milestone of the running contract is in the handover schedule")
	}
	// The sample's contract runs from 1 January 2027 for 24 months.
	pdftest.HasAll(t, "the Leistungsbeschreibung", text, []string{"Vertragslaufzeit 24 Monate, vom 01.01.2027 bis 31.12.2028",
		"Gesetzliche Feiertage Niedersachsen (2027, 2028)", "Fr 01.01.2027 Neujahrstag", "Di 26.12.2028 Zweiter Weihnachtsfeiertag",
		"Sommerferien Niedersachsen 2027",
		// The term is stated, so the points left to the procurement office no longer ask for it.
		"Vertragsart (z. B. EVB-IT Service) und Kündigung."})
	for _, w := range []string{"01.01.2026", "2026, 2027", "Sommerferien Niedersachsen 2026", "01.01.2029"} {
		if strings.Contains(text, w) {
			t.Errorf("the Leistungsbeschreibung covers a year outside the contract: %q", w)
		}
	}
	// The same in the Markdown.
	var md bytes.Buffer
	if err := WriteServiceSpecText(&md, p, pdfkit.Options{Date: fixedDate}); err != nil {
		t.Fatal(err)
	}
	for _, s := range specForbiddenPhrases {
		if strings.Contains(md.String(), s) {
			t.Errorf("the Markdown carries %q", s)
		}
	}
	for _, w := range []string{"- **Kündigungsfrist:** 3 Monate zum Monatsende", "| Ø je Monat | 4,5 | 21,5 | 51,5 | 22 | 99,5 | 147 |",
		"- **Schulen mit Störungsmeldungen:** 6"} {
		if !strings.Contains(md.String(), w) {
			t.Errorf("the Markdown lacks %q", w)
		}
	}
}

func TestMarkdownEscapesUserText(t *testing.T) {
	if got := mdText("a|b *c* _d_ #e\n<f>"); got != `a\|b \*c\* \_d\_ \#e &lt;f&gt;` {
		t.Errorf("mdText = %q", got)
	}
}
