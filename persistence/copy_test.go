package persistence

import (
	"bytes"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"schulit-lotse/domain"
)

func headerIDs(t *testing.T, path string) (appID, userVersion uint32) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil || len(b) < 100 {
		t.Fatalf("%s: %v (%d bytes)", path, err, len(b))
	}
	return binary.BigEndian.Uint32(b[68:72]), binary.BigEndian.Uint32(b[60:64])
}

// openFixture creates the full fixture at dir/name, sets the fixed modification time on it and
// returns it open; it is closed when the test ends.
func openFixture(t *testing.T, dir, name string) (*File, string) {
	t.Helper()
	path := filepath.Join(dir, name)
	f, err := Create(path, fullProject(), OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	if err := os.Chtimes(path, fixedMtime, fixedMtime); err != nil {
		t.Fatal(err)
	}
	return f, path
}

func TestWriteCopy(t *testing.T) {
	dir := t.TempDir()
	f, path := openFixture(t, dir, "Schul-IT Planung Jürgen.lotse")
	orig, _ := os.ReadFile(path)
	outDir := filepath.Join(t.TempDir(), "zum Versenden")
	mkdir(outDir)
	target := filepath.Join(outDir, "Kopie für Schulamt.lotse")

	if err := f.WriteCopy(target); err != nil {
		t.Fatal(err)
	}
	if app, ver := headerIDs(t, target); app != ApplicationID || ver != SchemaVersion {
		t.Fatalf("copy has application_id %#x, user_version %d", app, ver)
	}
	if v, err := Validate(target); err != nil || v != SchemaVersion {
		t.Fatalf("copy: Validate = %d, %v", v, err)
	}
	if got := loadFile(t, target); !reflect.DeepEqual(got, fullProject()) {
		t.Fatalf("copy differs:\n%s", diffProjects(fullProject(), got))
	}
	if names, _ := readDir(outDir); !reflect.DeepEqual(names, []string{"Kopie für Schulamt.lotse"}) {
		t.Fatalf("target folder holds %v", names)
	}
	assertUntouchedOpen(t, f, path, orig)

	// Writing again replaces the earlier copy completely.
	task := fullProject().Tasks[0]
	task.Name = "nach der ersten Kopie geändert"
	if err := f.SaveTask(&task); err != nil {
		t.Fatal(err)
	}
	if err := f.WriteCopy(target); err != nil {
		t.Fatal(err)
	}
	if got := loadFile(t, target); got.Tasks[0].Name != task.Name {
		t.Fatalf("second copy holds %q", got.Tasks[0].Name)
	}
}

// assertUntouchedOpen checks the open original: same bytes, same modification time, our lock.
func assertUntouchedOpen(t *testing.T, f *File, path string, orig []byte) {
	t.Helper()
	if b, _ := os.ReadFile(path); !bytes.Equal(b, orig) {
		t.Fatal("the original changed")
	}
	if st, _ := os.Stat(path); !st.ModTime().Equal(fixedMtime) {
		t.Fatalf("the original's modification time changed to %v", st.ModTime())
	}
	if info, ok := ReadLock(path); !ok || info.PID != os.Getpid() {
		t.Fatal("the original lost its lock")
	}
	if _, err := f.Load(); err != nil {
		t.Fatalf("the original no longer loads: %v", err)
	}
}

func TestWriteCopyOntoItselfRefused(t *testing.T) {
	dir := t.TempDir()
	f, path := openFixture(t, dir, "Planung.lotse")
	orig, _ := os.ReadFile(path)
	spellings := map[string]string{
		"same path":     path,
		"dotted path":   filepath.Join(dir, ".", "sub", "..", "Planung.lotse"),
		"relative":      relTo(t, path),
		"hard link":     filepath.Join(dir, "Verweis.lotse"),
		"symbolic link": filepath.Join(dir, "Kurzname.lotse"),
	}
	if err := os.Link(path, spellings["hard link"]); err != nil {
		delete(spellings, "hard link") // not every file system has them
	}
	if err := os.Symlink(path, spellings["symbolic link"]); err != nil {
		delete(spellings, "symbolic link")
	}
	for name, target := range spellings {
		err := f.WriteCopy(target)
		if !errors.Is(err, os.ErrExist) {
			t.Errorf("%s: WriteCopy(%q) = %v, want ErrExist", name, target, err)
		}
		if nf, err := f.SaveAs(target); err == nil {
			nf.Close()
			t.Fatalf("%s: SaveAs onto the open file succeeded", name)
		}
	}
	assertUntouchedOpen(t, f, path, orig)
	if names, _ := readDir(dir); len(names) != 2+len(spellings)-3 {
		t.Fatalf("folder holds %v", names)
	}
}

func relTo(t *testing.T, path string) string {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	r, err := filepath.Rel(wd, path)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// A copy must not replace a project that someone else has open.
func TestWriteCopyOntoHeldProjectRefused(t *testing.T) {
	dir := t.TempDir()
	f, _ := openFixture(t, dir, "meins.lotse")
	other := filepath.Join(dir, "Kollegin.lotse")
	p := domain.NewProject("Kollegin", time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	g, err := Create(other, p, OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	before, _ := os.ReadFile(other)
	err = f.WriteCopy(other)
	if le, ok := IsLocked(err); !ok || le.Stale {
		t.Fatalf("WriteCopy onto a held project: %v, want a live LockedError", err)
	}
	if _, err := f.SaveAs(other); err == nil {
		t.Fatal("SaveAs onto a held project succeeded")
	}
	if after, _ := os.ReadFile(other); !bytes.Equal(after, before) {
		t.Fatal("the held project was replaced")
	}
	if q, err := g.Load(); err != nil || q.Meta.Name != "Kollegin" {
		t.Fatalf("the other editor's project: %v %v", q, err)
	}
}

func TestSaveAsContinuesOnTheNewFile(t *testing.T) {
	dir := t.TempDir()
	f, path := openFixture(t, dir, "alt.lotse")
	orig, _ := os.ReadFile(path)
	target := filepath.Join(dir, "Schul-IT Planung Jürgen 2027.lotse")
	nf, err := f.SaveAs(target)
	if err != nil {
		t.Fatal(err)
	}
	defer nf.Close()
	if nf.Path() != target || nf.ReadOnly() {
		t.Fatalf("SaveAs returned %q read-only=%v", nf.Path(), nf.ReadOnly())
	}
	if _, err := os.Stat(LockPath(path)); !os.IsNotExist(err) {
		t.Fatal("the old file is still locked")
	}
	if info, ok := ReadLock(target); !ok || info.PID != os.Getpid() {
		t.Fatal("the new file is not locked")
	}
	task := domain.Task{Name: "nur in der neuen Datei", SortOrder: 99}
	if err := nf.SaveTask(&task); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); !bytes.Equal(b, orig) {
		t.Fatal("an edit after SaveAs reached the old file")
	}
	got := mustLoad(t, nf)
	if len(got.Tasks) != len(fullProject().Tasks)+1 {
		t.Fatalf("new file holds %d tasks", len(got.Tasks))
	}
	if app, ver := headerIDs(t, target); app != ApplicationID || ver != SchemaVersion {
		t.Fatalf("new file has application_id %#x, user_version %d", app, ver)
	}
}

// "Speichern unter" from a read-only view gives an editable copy and leaves the original alone.
func TestSaveAsFromReadOnly(t *testing.T) {
	dir := t.TempDir()
	f, path := openFixture(t, dir, "fremd.lotse")
	orig, _ := os.ReadFile(path)
	ro, err := Open(path, OpenOptions{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	nf, err := ro.SaveAs(filepath.Join(dir, "eigene Kopie.lotse"))
	if err != nil {
		t.Fatal(err)
	}
	defer nf.Close()
	if nf.ReadOnly() {
		t.Fatal("copy of a read-only view is read-only")
	}
	task := domain.Task{Name: "eigene Ergänzung"}
	if err := nf.SaveTask(&task); err != nil {
		t.Fatal(err)
	}
	assertUntouchedOpen(t, f, path, orig)
}
