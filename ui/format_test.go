package ui

import (
	"math"
	"testing"
)

func TestFormatNumber(t *testing.T) {
	cases := []struct {
		v        float64
		language string
		want     string
	}{
		{4, "de", "4"},
		{18.333333, "de", "18,33"},
		{4.3333, "en", "4.33"},
		{1500, "de", "1.500"}, // read like the reports: every figure from 1000 up grouped
		{12500.5, "de", "12.500,5"},
		{12500.5, "en", "12,500.5"},
		{1234567, "de", "1.234.567"},
		{-2.5, "de", "-2,5"},
		{-0.001, "de", "0"},
		{math.NaN(), "de", "–"},
	}
	for _, c := range cases {
		if got := formatNumber(c.v, c.language); got != c.want {
			t.Errorf("formatNumber(%v, %s) = %q, want %q", c.v, c.language, got, c.want)
		}
	}
}

func TestParseNumber(t *testing.T) {
	for in, want := range map[string]float64{"7,5": 7.5, "7.5": 7.5, " 8 ": 8, "0,25": 0.25} {
		if got, ok := parseNumber(in); !ok || got != want {
			t.Errorf("parseNumber(%q) = %v, %v", in, got, ok)
		}
	}
	for _, in := range []string{"", "abc", "1,2,3", "NaN", "Inf"} {
		if _, ok := parseNumber(in); ok {
			t.Errorf("parseNumber(%q) accepted", in)
		}
	}
}

func TestFileURL(t *testing.T) {
	if got := fileURL("/tmp/Bericht – Gesamt.pdf").String(); got != "file:///tmp/Bericht%20%E2%80%93%20Gesamt.pdf" {
		t.Errorf("unix path: %s", got)
	}
	if got := fileURL(`C:/Users/Ute/Bericht.pdf`).String(); got != "file:///C:/Users/Ute/Bericht.pdf" {
		t.Errorf("windows path: %s", got)
	}
}
