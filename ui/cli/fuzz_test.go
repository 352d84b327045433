package cli

import (
	"strings"
	"testing"
)

// FuzzParseArgs: any command line is either refused with an error or split so that every
// argument is accounted for exactly once.
func FuzzParseArgs(f *testing.F) {
	f.Add("FILE.lotse\x00-o\x00OUT.pdf\x00--type=full")
	f.Add("--json\x00--\x00-x")
	f.Add("-o\x00\x00--from")
	opts := []option{{names: []string{"o", "output"}, takesValue: true}, {names: []string{"type"}, takesValue: true}, {names: []string{"json"}}}
	f.Fuzz(func(t *testing.T, joined string) {
		args := strings.Split(joined, "\x00")
		p, err := parseArgs(args, opts)
		if err != nil {
			return
		}
		used := len(p.pos) + len(p.bools)
		for k, v := range p.vals {
			if v == "" {
				t.Fatalf("%q: empty value for %s", args, k)
			}
			used++
		}
		if used > len(args) {
			t.Fatalf("%q: %d parts from %d arguments", args, used, len(args))
		}
	})
}
