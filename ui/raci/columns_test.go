package raci

import (
	"testing"
	"unicode/utf8"
)

// Every character is 7 wide in these tests.
func mono(s string) float32 { return float32(7 * utf8.RuneCountInString(s)) }

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
