//go:build !windows

package persistence

import (
	"path/filepath"
	"reflect"
	"testing"
)

// '#', '?' and '%' have a meaning in SQLite URIs; a file named with them must still open the
// right file (Windows does not allow '?' in names).
func TestRoundTripURICharactersInPath(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "Ordner #1?x=%41")
	if err := mkdir(dir); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "Planung #2?mode=ro&a=%20.lotse")
	got := roundTrip(t, path, fullProject())
	if !reflect.DeepEqual(got, fullProject()) {
		t.Fatalf("project changed:\n%s", diffProjects(fullProject(), got))
	}
	ents, err := readDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(ents) != 1 || ents[0] != "Planung #2?mode=ro&a=%20.lotse" {
		t.Fatalf("directory holds %v, want only the project file", ents)
	}
}

// A copy into a folder and under a name with URI characters lands where it was asked to.
func TestWriteCopyURICharactersInPath(t *testing.T) {
	f, _ := openFixture(t, t.TempDir(), "Quelle.lotse")
	dir := filepath.Join(t.TempDir(), "Versand #3?a=%41")
	if err := mkdir(dir); err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(dir, "Kopie #1?mode=ro.lotse")
	if err := f.WriteCopy(target); err != nil {
		t.Fatal(err)
	}
	if got := loadFile(t, target); !reflect.DeepEqual(got, fullProject()) {
		t.Fatalf("copy differs:\n%s", diffProjects(fullProject(), got))
	}
	if names, _ := readDir(dir); len(names) != 1 || names[0] != "Kopie #1?mode=ro.lotse" {
		t.Fatalf("folder holds %v", names)
	}
}
