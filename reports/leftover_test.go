package reports

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"schulit-lotse/internal/leftover"
)

// A report written into a folder removes the temporary file a killed export left there, and
// its own temporary file is named so that the next run can do the same.
func TestReportRemovesLeftoverOfAKilledExport(t *testing.T) {
	dir := t.TempDir()
	dead := finishedPID(t)
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

// finishedPID is the id of a process that ran and ended (this test binary, running no test).
func finishedPID(t *testing.T) int {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	return cmd.Process.Pid
}
