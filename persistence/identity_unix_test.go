//go:build !windows

package persistence

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// A symbolic link to a held project leads to the same lock.
func TestLockHoldsThroughASymlink(t *testing.T) {
	path := newProjectFile(t, "Planung.lotse")
	openFile(t, path) // holds the lock
	other := t.TempDir()
	link := filepath.Join(other, "Verknüpfung.lotse")
	if err := os.Symlink(path, link); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(link, OpenOptions{}); err == nil {
		t.Fatal("the project opened a second time for editing through a symbolic link")
	} else if _, ok := IsLocked(err); !ok {
		t.Fatalf("through the link: %v, want the holder's lock", err)
	}
	if names, _ := readDir(other); len(names) != 1 {
		t.Fatalf("a lock was made beside the link: %q", names)
	}
	// Read-only stays possible, and a directory link on the way is resolved as well.
	dirLink := filepath.Join(other, "Ordner")
	if err := os.Symlink(filepath.Dir(path), dirLink); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(filepath.Join(dirLink, "Planung.lotse"), OpenOptions{}); err == nil {
		t.Fatal("opened for editing through a linked folder")
	}
	ro, err := Open(link, OpenOptions{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	ro.Close()
}

// A file with a second name (hard link) is opened read-only and says why.
func TestHardLinkedFileOpensReadOnly(t *testing.T) {
	path := newProjectFile(t, "Planung.lotse")
	second := filepath.Join(t.TempDir(), "Zweitname.lotse")
	if err := os.Link(path, second); err != nil {
		t.Skipf("no hard links here: %v", err)
	}
	for _, p := range []string{path, second} {
		f, err := Open(p, OpenOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if !f.ReadOnly() || f.ReadOnlyReason() != ReadOnlyHardLinks {
			t.Fatalf("%s: read-only %v, reason %q", p, f.ReadOnly(), f.ReadOnlyReason())
		}
		p2, _ := f.Load()
		err = f.SaveTasks(p2.Tasks)
		if !errors.Is(err, ErrReadOnly) || ReadOnlyKey(err) != ReadOnlyHardLinks {
			t.Fatalf("a write: %v, want read-only with the reason", err)
		}
		f.Close()
		if _, err := os.Lstat(LockPath(p)); err == nil {
			t.Fatalf("%s: a lock was taken", p)
		}
	}
	// Once the second name is gone, it is an ordinary file again.
	os.Remove(second)
	f := openFile(t, path)
	if f.ReadOnly() {
		t.Fatal("still read-only with one name")
	}
}
