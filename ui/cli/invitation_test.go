package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// The invitation is written for any day, recorded meeting or not; without --date it is refused.
func TestJourFixeInvitationReport(t *testing.T) {
	dir, path := sample(t)
	for _, day := range []string{"2027-07-13", "2027-10-12"} {
		pdf := filepath.Join(dir, "Einladung "+day+".pdf")
		run(t, "report", path, "--type", "einladung", "--date", day, "-o", pdf).want(t, 0)
		if b, err := os.ReadFile(pdf); err != nil || !bytes.HasPrefix(b, []byte("%PDF-")) {
			t.Fatalf("no PDF for %s: %v", day, err)
		}
	}
	r := run(t, "report", path, "--type", "einladung", "-o", filepath.Join(dir, "x.pdf")).want(t, 2)
	contains(t, "error", r.err, "--date JJJJ-MM-TT")
	if _, err := os.Stat(filepath.Join(dir, "x.pdf")); err == nil {
		t.Error("a refused invitation left a file")
	}
}
