package persistence

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// writeHotJournal writes path+"-journal" as SQLite writes a rollback journal before it changes
// a file: its rollback turns the file at path into target (same page size). This is what a
// crashed editor leaves – or what a crafted pair of files sent together holds.
func writeHotJournal(t *testing.T, path string, target []byte) {
	t.Helper()
	cur, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	ps := int(binary.BigEndian.Uint16(cur[16:18]))
	if ps != int(binary.BigEndian.Uint16(target[16:18])) {
		t.Fatal("page sizes differ")
	}
	const sector = 512
	nonce := uint32(0x5EED1234)
	var recs bytes.Buffer
	n := 0
	for pg := 0; pg*ps < len(target); pg++ {
		page := target[pg*ps : (pg+1)*ps]
		if (pg+1)*ps <= len(cur) && bytes.Equal(cur[pg*ps:(pg+1)*ps], page) {
			continue
		}
		binary.Write(&recs, binary.BigEndian, uint32(pg+1))
		recs.Write(page)
		sum := nonce
		for i := ps - 200; i > 0; i -= 200 {
			sum += uint32(page[i])
		}
		binary.Write(&recs, binary.BigEndian, sum)
		n++
	}
	if n == 0 {
		t.Fatal("the journal would restore nothing")
	}
	head := make([]byte, sector)
	copy(head, []byte{0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7})
	binary.BigEndian.PutUint32(head[8:], uint32(n))
	binary.BigEndian.PutUint32(head[12:], nonce)
	binary.BigEndian.PutUint32(head[16:], uint32(len(target)/ps))
	binary.BigEndian.PutUint32(head[20:], sector)
	binary.BigEndian.PutUint32(head[24:], uint32(ps))
	if err := os.WriteFile(path+"-journal", append(head, recs.Bytes()...), 0o644); err != nil {
		t.Fatal(err)
	}
}

// dirState is every file of a directory with its content.
func dirState(t *testing.T, dir string) map[string]string {
	t.Helper()
	names, err := readDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, n := range names {
		b, _ := os.ReadFile(filepath.Join(dir, n))
		out[n] = string(b)
	}
	return out
}

func sameDir(t *testing.T, what string, before, after map[string]string) {
	t.Helper()
	var diff []string
	for n, b := range before {
		if a, ok := after[n]; !ok {
			diff = append(diff, n+" removed")
		} else if a != b {
			diff = append(diff, n+" changed")
		}
	}
	for n := range after {
		if _, ok := before[n]; !ok {
			diff = append(diff, n+" created")
		}
	}
	sort.Strings(diff)
	if len(diff) > 0 {
		t.Errorf("%s: %s", what, strings.Join(diff, ", "))
	}
}

// crafted files whose hot journal rolls a valid file back into one that must be refused.
func TestHotJournalIntoRefusedFileChangesNothing(t *testing.T) {
	valid := smallValidFile(t)
	for _, c := range []struct {
		name   string
		reason Reason
		edit   func(t *testing.T, valid []byte, path string)
	}{
		{"trigger", ReasonForeignObj, sqlEdit("CREATE TRIGGER wipe AFTER INSERT ON tasks BEGIN DELETE FROM tasks; END")},
		{"check-behind-comment", ReasonSchema, sqlEdit("PRAGMA writable_schema = ON",
			"UPDATE sqlite_master SET sql = replace(sql, '`name` text NOT NULL,', '`name` text NOT NULL -- it''s\n CHECK (id < 1000),') WHERE name = 'tasks'")},
		{"foreign-key", ReasonForeignKey, sqlEdit("PRAGMA foreign_keys = OFF", "UPDATE tasks SET package_id = 999999 WHERE id = (SELECT min(id) FROM tasks)")},
		{"invalid-task", ReasonContent, sqlEdit("UPDATE tasks SET priority_rank = 9, effort_value = -3 WHERE id = 3")},
	} {
		t.Run(c.name, func(t *testing.T) {
			src := filepath.Join(t.TempDir(), "bad.lotse")
			c.edit(t, valid, src)
			target, _ := os.ReadFile(src)
			dir := t.TempDir()
			path := filepath.Join(dir, "Planung.lotse")
			os.WriteFile(path, valid, 0o644)
			writeHotJournal(t, path, target)
			os.Chtimes(path, fixedMtime, fixedMtime)
			before := dirState(t, dir)
			for _, ro := range []bool{true, false} {
				f, err := Open(path, OpenOptions{ReadOnly: ro})
				if err == nil {
					_, err = f.Load()
					f.Close()
				}
				wantRefused(t, "Open", err, c.reason)
				sameDir(t, "after a refused open", before, dirState(t, dir))
			}
			if st, _ := os.Stat(path); !st.ModTime().Equal(fixedMtime) {
				t.Error("the modification time changed")
			}
		})
	}
}

// The harmless case: a crash during an ordinary edit is rolled back on the next open.
func TestHotJournalOfAnEditIsRolledBack(t *testing.T) {
	valid := smallValidFile(t)
	src := filepath.Join(t.TempDir(), "before.lotse")
	sqlEdit("UPDATE tasks SET name = 'Vor dem Absturz' WHERE id = 3")(t, valid, src)
	before, _ := os.ReadFile(src)
	dir := t.TempDir()
	path := filepath.Join(dir, "Planung.lotse")
	os.WriteFile(path, valid, 0o644)
	writeHotJournal(t, path, before)
	p := openAndLoad(t, path)
	found := false
	for _, task := range p.Tasks {
		found = found || task.Name == "Vor dem Absturz"
	}
	if !found {
		t.Fatal("the journal was not rolled back")
	}
	if _, err := os.Lstat(path + "-journal"); err == nil {
		t.Fatal("the journal stays after the rollback")
	}
}

func TestStrayWALIsRefusedAndNothingIsCreated(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "Planung.lotse")
	os.WriteFile(path, smallValidFile(t), 0o644)
	// Any -wal: SQLite would read it even though the file is in rollback mode.
	os.WriteFile(path+"-wal", []byte("\x37\x7f\x06\x82 kein Teil der Projektdatei"), 0o644)
	os.Chtimes(path, fixedMtime, fixedMtime)
	before := dirState(t, dir)
	wantRefusedOnOpen(t, path, ReasonStrayWAL)
	sameDir(t, "after the refusals", before, dirState(t, dir))
	// Once it is moved away, the file opens.
	os.Remove(path + "-wal")
	f, err := Open(path, OpenOptions{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
}

// Reading a project – checks, reports, summaries – leaves its folder as it was.
func TestReadOnlyOpenCreatesNoFiles(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "Planung.lotse")
	os.WriteFile(path, smallValidFile(t), 0o644)
	os.Chtimes(path, fixedMtime, fixedMtime)
	before := dirState(t, dir)
	for i := 0; i < 2; i++ {
		f, err := Open(path, OpenOptions{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.Load(); err != nil {
			t.Fatal(err)
		}
		if _, err := Validate(path); err != nil {
			t.Fatal(err)
		}
		f.Close()
	}
	sameDir(t, "after read-only opens", before, dirState(t, dir))
}
