package sheetcell

import "testing"

// Neutralise puts an apostrophe before what a spreadsheet would run as a formula; Restore takes
// exactly one apostrophe off again. Each case also goes there and back unchanged.
func TestNeutraliseAndRestore(t *testing.T) {
	for _, fn := range []struct {
		name  string
		fn    func(string) string
		cases map[string]string
	}{
		{"Neutralise", Neutralise, map[string]string{
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
		}},
		{"Restore", Restore, map[string]string{
			"'=x":    "=x",
			"''=x":   "'=x",
			"'abc":   "'abc",
			"'-1":    "-1",
			"=x":     "=x",
			"'\tTab": "\tTab",
		}},
	} {
		for in, want := range fn.cases {
			if got := fn.fn(in); got != want {
				t.Errorf("%s(%q) = %q, want %q", fn.name, in, got, want)
			}
			if back := Restore(Neutralise(in)); back != in {
				t.Errorf("Restore(Neutralise(%q)) = %q", in, back)
			}
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
