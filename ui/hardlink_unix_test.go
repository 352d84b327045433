//go:build !windows

package ui

import (
	"os"
	"path/filepath"
	"testing"

	"schulit-lotse/persistence"
)

// A project with a second name opens read-only, and the banner says why and how to go on.
func TestHardLinkedProjectOpensReadOnlyWithTheReason(t *testing.T) {
	ts := newTestShell(t)
	path := filepath.Join(ts.docsDir, "Planung.lotse")
	writeProject(t, path, "Planung", overviewTasks()...)
	if err := os.Link(path, filepath.Join(t.TempDir(), "Zweitname.lotse")); err != nil {
		t.Skipf("no hard links here: %v", err)
	}
	ts.openPath(path, persistence.OpenOptions{})
	if ts.sess == nil || !ts.sess.ReadOnly() {
		t.Fatal("the project is not open read-only")
	}
	assertText(t, ts.content(), "mehrere Namen")
	if _, err := os.Lstat(persistence.LockPath(path)); err == nil {
		t.Fatal("a read-only project took the lock")
	}
}
