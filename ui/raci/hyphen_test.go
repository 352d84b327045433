package raci

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// Every character is 7 wide in these tests.
func mono(s string) float32 { return float32(7 * utf8.RuneCountInString(s)) }

func TestWrapHeaderBreaksOnlyAtWordsAndSyllables(t *testing.T) {
	cases := []struct {
		name  string
		width float32
		want  string
	}{
		{"Service Desk", 70, "Service|Desk"},
		{"Schulleitung", 70, "Schul-|leitung"},
		{"Medienbeauftragte:r", 70, "Medien-|beauftrag-|te:r"},
		{"Fachbereichsleitung Schule (Schulträger)", 70, "Fach-|bereichs-|leitung|Schule|(Schul-|träger)"},
		{"Datenschutzbeauftragte:r (Stadt)", 84, "Datenschutz-|beauftrag-|te:r (Stadt)"},
		{"IT-Koordination Schulträger", 70, "IT-|Koordina-|tion|Schul-|träger"},
		{"Second-Level-Support", 70, "Second-|Level-|Support"},
		{"Vor-Ort-Techniker:in", 70, "Vor-Ort-|Techni-|ker:in"},
		{"Serviceverantwortliche:r", 84, "Service-|verantwort-|liche:r"},
		// Unknown words stay whole, wider than asked.
		{"Begleiterzimmer", 70, "Begleiterzimmer"},
		// A soft hyphen the user typed.
		{"Zweck\u00adverband", 56, "Zweck-|verband"},
	}
	for _, c := range cases {
		lines, _ := wrapHeader(c.name, c.width, mono)
		if got := strings.Join(lines, "|"); got != c.want {
			t.Errorf("%q at %v: %q, want %q", c.name, c.width, got, c.want)
		}
	}
}

// The role columns share the width beside the activity column so that eight fit; a column
// whose header has a long unbreakable word is wider, and the others give way.
func TestPlanColumnsFitsEightRoles(t *testing.T) {
	names := []string{"IT-Koordination Schulträger", "Fachbereichsleitung Schule (Schulträger)", "Schulleitung",
		"Medienbeauftragte:r", "Service Desk", "Second-Level-Support", "Vor-Ort-Techniker:in",
		"Serviceverantwortliche:r", "Geschäftsleitung Dienstleister", "Datenschutzbeauftragte:r (Stadt)"}
	const width, gap = 780, 4
	p := planColumns(width, gap, names, mono)
	used := p.activity + gap
	for i := 0; i < 8; i++ {
		used += p.roles[i] + gap
	}
	if used > width {
		t.Errorf("the first eight roles need %v of %v: %v", used, width, p.roles)
	}
	for i, lines := range p.headers {
		if len(lines) > maxHeaderLines {
			t.Errorf("%q on %d lines", names[i], len(lines))
		}
		for _, l := range lines {
			if mono(l) > p.roles[i]-2*headerPad {
				t.Errorf("%q: line %q wider than its column %v", names[i], l, p.roles[i])
			}
		}
	}
	long := planColumns(width, gap, append([]string{"Begleiterzimmerverwaltung"}, names...), mono)
	if w := long.roles[0]; w < mono("Begleiterzimmerverwaltung")+2*headerPad {
		t.Errorf("a word without break points got a column of %v", w)
	}
}
