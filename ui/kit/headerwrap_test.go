package kit

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
		lines, _ := WrapHeaderWidest(c.name, c.width, mono)
		if got := strings.Join(lines, "|"); got != c.want {
			t.Errorf("%q at %v: %q, want %q", c.name, c.width, got, c.want)
		}
	}
}
