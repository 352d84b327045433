package sheetcell

import "testing"

func TestNeutralise(t *testing.T) {
	cases := map[string]string{
		"":            "",
		"Server":      "Server",
		"=SUM(A1)":    "'=SUM(A1)",
		"+49 30 1234": "'+49 30 1234",
		"-5 Grad":     "'-5 Grad",
		"@home":       "'@home",
		"\tTab":       "'\tTab",
		"\rCR":        "'\rCR",
		"'quoted":     "'quoted",
		"'=already":   "''=already",
		"''+twice":    "'''+twice",
		"a=b":         "a=b",
		"'":           "'",
	}
	for in, want := range cases {
		if got := Neutralise(in); got != want {
			t.Errorf("Neutralise(%q) = %q, want %q", in, got, want)
		}
		if back := Restore(Neutralise(in)); back != in {
			t.Errorf("Restore(Neutralise(%q)) = %q", in, back)
		}
	}
}

func TestRestoreRemovesExactlyOneApostrophe(t *testing.T) {
	cases := map[string]string{
		"'=x":    "=x",
		"''=x":   "'=x",
		"'abc":   "'abc",
		"'-1":    "-1",
		"=x":     "=x",
		"'\tTab": "\tTab",
	}
	for in, want := range cases {
		if got := Restore(in); got != want {
			t.Errorf("Restore(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzRoundTrip(f *testing.F) {
	for _, s := range []string{"", "=1", "'=1", "''", "'a", "\t", "-"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got := Restore(Neutralise(s)); got != s {
			t.Fatalf("Restore(Neutralise(%q)) = %q", s, got)
		}
	})
}
