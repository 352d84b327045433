package persistence

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"schulit-lotse/internal/leftover/leftovertest"
)

// leftoverFixture puts temporary files beside path: of a killed write on this machine (removed),
// of a write still running, of another machine and of another program (all kept).
func leftoverFixture(t *testing.T, dir string) (gone, kept []string) {
	t.Helper()
	dead, host := leftovertest.FinishedPID(t), hostTag()
	gone = []string{
		fmt.Sprintf(".lotse-copy-%s-%d-123.tmp", host, dead),
		fmt.Sprintf(".lotse-share-%s-%d-456.tmp", host, dead),
		fmt.Sprintf(".lotse-share-%s-%d-456.tmp-journal", host, dead),
		fmt.Sprintf(".lotse-new-%s-%d-789.tmp", host, dead),
		fmt.Sprintf(".lotse-bak-%s-%d-1.tmp", host, dead),
		fmt.Sprintf(".lotse-export-%s-%d-2.tmp", host, dead), // a CSV, XLSX or PDF export
	}
	kept = []string{
		fmt.Sprintf(".lotse-copy-%s-%d-123.tmp", host, os.Getppid()),  // its writer still runs
		fmt.Sprintf(".lotse-copy-%s-%d-123.tmp", "schulamtpc7", dead), // another machine's
		".Aufgaben.xlsx.123.tmp", // an older program's export: its writer cannot be told
		"Notizen.tmp",
	}
	for _, n := range append(append([]string(nil), gone...), kept...) {
		if err := os.WriteFile(filepath.Join(dir, n), []byte("halb geschrieben"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return gone, kept
}

func assertLeftovers(t *testing.T, what, dir string, gone, kept []string) {
	t.Helper()
	for _, n := range gone {
		if _, err := os.Lstat(filepath.Join(dir, n)); err == nil {
			t.Errorf("%s: %s is still there", what, n)
		}
	}
	for _, n := range kept {
		if _, err := os.Lstat(filepath.Join(dir, n)); err != nil {
			t.Errorf("%s: %s was removed", what, n)
		}
	}
}

func TestOpenForEditingRemovesLeftoversOfKilledWrites(t *testing.T) {
	path := newProjectFile(t, "Planung.lotse")
	dir := filepath.Dir(path)
	gone, kept := leftoverFixture(t, dir)
	// Reading leaves the folder alone.
	ro, err := Open(path, OpenOptions{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	ro.Close()
	assertLeftovers(t, "read-only open", dir, nil, append(gone, kept...))
	f, err := Open(path, OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	assertLeftovers(t, "open for editing", dir, gone, kept)
}

func TestWritesIntoAFolderRemoveItsLeftovers(t *testing.T) {
	path := newProjectFile(t, "Planung.lotse")
	f, err := Open(path, OpenOptions{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for name, write := range map[string]func(target string) error{
		"copy": f.WriteCopy,
		"share": func(target string) error {
			_, err := f.WriteShareCopy(target, ShareOptions{Anonymize: true})
			return err
		},
		"new": func(target string) error {
			nf, err := Create(target, fullProject(), OpenOptions{})
			if err == nil {
				nf.Close()
			}
			return err
		},
	} {
		dir := t.TempDir()
		gone, kept := leftoverFixture(t, dir)
		if err := write(filepath.Join(dir, "Ziel.lotse")); err != nil {
			t.Fatal(err)
		}
		assertLeftovers(t, name, dir, gone, kept)
	}
}

// A kill leaves temporary files under names the next run recognises.
func TestTemporaryNamesAreRecognised(t *testing.T) {
	var names []string
	for _, kind := range []string{"new", "copy", "share", "bak", "export"} {
		f, err := os.CreateTemp(t.TempDir(), tempPattern(kind))
		if err != nil {
			t.Fatal(err)
		}
		f.Close()
		names = append(names, filepath.Base(f.Name()), filepath.Base(f.Name())+"-journal")
	}
	sort.Strings(names)
	for _, n := range names {
		if !leftoverName.MatchString(n) {
			t.Errorf("%s is not recognised as a leftover", n)
		}
	}
}
