package reports

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"schulit-lotse/internal/leftover"
	"schulit-lotse/internal/leftover/leftovertest"
)

// A report written into a folder removes the temporary file a killed export left there, and
// its own temporary file is named so that the next run can do the same.
func TestReportRemovesLeftoverOfAKilledExport(t *testing.T) {
	dir := t.TempDir()
	dead := leftovertest.FinishedPID(t)
	stale := filepath.Join(dir, fmt.Sprintf(".lotse-export-%s-%d-7.tmp", leftover.Host(), dead))
	if err := os.WriteFile(stale, []byte("%PDF-1.4 halb"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := WriteGesamtberichtFile(filepath.Join(dir, "Bericht.pdf"), seedProject(), Options{Date: fixedDate}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Lstat(stale); err == nil {
		t.Fatal("the leftover of the killed export is still there")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || entries[0].Name() != "Bericht.pdf" {
		t.Fatalf("folder holds %v", entries)
	}
}
