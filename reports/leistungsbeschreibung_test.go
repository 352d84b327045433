package reports

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"schulit-lotse/internal/sample"
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
	p, err := sample.Project()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteServiceSpec(&buf, p, Options{Date: fixedDate}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "lb.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	text := squash(strings.Join(pageTexts(t, path, false), "\n"))
	for _, k := range specHintKeys {
		hint := squash(tr(k))
		if hint == k || hint == "" {
			t.Errorf("hint key %q has no translation", k)
			continue
		}
		if strings.Contains(text, hint) {
			t.Errorf("the Leistungsbeschreibung carries the hint %q", k)
		}
	}
	for _, s := range specForbiddenPhrases {
		if strings.Contains(text, s) {
			t.Errorf("the Leistungsbeschreibung carries %q", s)
		}
	}
	// The sample's contract runs from 1 January 2027 for 24 months.
	for _, w := range []string{"Vertragslaufzeit 24 Monate, vom 01.01.2027 bis 31.12.2028",
		"Gesetzliche Feiertage Niedersachsen (2027, 2028)", "Fr 01.01.2027 Neujahrstag", "Di 26.12.2028 Zweiter Weihnachtsfeiertag",
		"Sommerferien Niedersachsen 2027",
		// The term is stated, so the points left to the procurement office no longer ask for it.
		"Vertragsart (z. B. EVB-IT Service) und Kündigung."} {
		if !strings.Contains(text, w) {
			t.Errorf("the Leistungsbeschreibung lacks %q", w)
		}
	}
	for _, w := range []string{"01.01.2026", "2026, 2027", "Sommerferien Niedersachsen 2026", "01.01.2029"} {
		if strings.Contains(text, w) {
			t.Errorf("the Leistungsbeschreibung covers a year outside the contract: %q", w)
		}
	}
	// The same in the Markdown.
	var md bytes.Buffer
	if err := WriteServiceSpecText(&md, p, Options{Date: fixedDate}); err != nil {
		t.Fatal(err)
	}
	for _, s := range specForbiddenPhrases {
		if strings.Contains(md.String(), s) {
			t.Errorf("the Markdown carries %q", s)
		}
	}
}
