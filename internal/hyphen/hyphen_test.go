package hyphen

import (
	"strings"
	"testing"
)

func TestGermanWordsDivideAtTheirSyllables(t *testing.T) {
	for word, want := range map[string]string{
		// Expected divisions as a German dictionary gives them.
		"Vorzeitraum":            "Vor-zeit-raum",
		"Medienentwicklungsplan": "Me-di-en-ent-wick-lungs-plan",
		"Schulträger":            "Schul-trä-ger",
		"Leistungsbeschreibung":  "Leis-tungs-be-schrei-bung",
		"Personentage":           "Per-so-nen-ta-ge",
	} {
		if got := Hyphenate(word, "-"); got != want {
			t.Errorf("%s: got %s, want %s", word, got, want)
		}
	}
}

func TestNoDivisionOfNumbersCodesOrShortEnds(t *testing.T) {
	for _, w := range []string{"3.421.656,80", "13.04.2027", "IT-2027", "A4", "ab", "abc1def"} {
		if p := Points(w); len(p) != 0 {
			t.Errorf("%s: divided at %v", w, p)
		}
	}
	// Never fewer than two letters before or after a division.
	for _, w := range []string{"Abend", "Oase", "Eulen", "Amtsgericht", "Ecke"} {
		rs := []rune(w)
		for _, p := range Points(w) {
			if p < 2 || len(rs)-p < 2 {
				t.Errorf("%s: division at %d leaves a single letter", w, p)
			}
		}
	}
	if !strings.Contains(License, "Permission is hereby granted") || !strings.Contains(License, "Copyright") {
		t.Error("the patterns' licence text is missing")
	}
}
