package persistence

import (
	"errors"
	"io"
	"os"
)

// openReadOnlyRecovered opens a read-only view of a file that a crashed editor left with a hot
// journal. A read-only connection cannot roll the journal back (SQLite reports
// SQLITE_READONLY_ROLLBACK), and the original must not be written, so the file and its journal
// are copied to a private place, rolled back there, validated and opened like an older version.
func openReadOnlyRecovered(path string) (*File, error) {
	tmp, err := recoveredCopy(path)
	if err != nil {
		return nil, err
	}
	fail := func(err error) (*File, error) {
		os.Remove(tmp)
		if r, ok := IsRefused(err); ok {
			return nil, refuse(path, r.Reason, r.Detail)
		}
		return nil, refuse(path, ReasonUnreadable, err.Error())
	}
	version, err := Validate(tmp)
	if err != nil {
		return fail(err)
	}
	db, err := openGorm(fileURI(tmp, modeRW, connPragmas))
	if err != nil {
		return fail(err)
	}
	if version < SchemaVersion {
		if err := migrate(db, version); err != nil {
			closeGorm(db)
			return fail(refuse(path, ReasonSchema, "migration: %v", err))
		}
	}
	return &File{path: path, db: db, readOnly: true, tempCopy: tmp}, nil
}

// checkRecovered validates and loads a private, rolled-back copy of a file with a hot journal.
func checkRecovered(path string) error {
	f, err := openReadOnlyRecovered(path)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = f.Load()
	return err
}

// recoveredCopy copies a file and its hot journal to a private place and rolls the journal back
// there; the original and its journal stay as they are. The caller removes the copy.
func recoveredCopy(path string) (string, error) {
	if _, err := checkHeader(path); err != nil {
		return "", err
	}
	tmp, err := copyToTemp(path)
	if err != nil {
		return "", refuse(path, ReasonUnreadable, err.Error())
	}
	fail := func(err error) (string, error) {
		os.Remove(tmp + "-journal")
		os.Remove(tmp)
		if r, ok := IsRefused(err); ok {
			return "", refuse(path, r.Reason, r.Detail)
		}
		return "", refuse(path, ReasonUnreadable, err.Error())
	}
	if err := copyFileTo(path+"-journal", tmp+"-journal"); err != nil {
		return fail(err)
	}
	if err := recoverJournal(tmp); err != nil {
		return fail(err)
	}
	// A journal SQLite did not consider hot (a zeroed header) is left behind; it is ours to drop.
	if err := os.Remove(tmp + "-journal"); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fail(err)
	}
	return tmp, nil
}

// validateRecovered validates what the file holds once its hot journal is rolled back, without
// writing to it: what a crash left behind is checked as the editor will see it.
func validateRecovered(path string) (int, error) {
	tmp, err := recoveredCopy(path)
	if err != nil {
		return 0, err
	}
	defer os.Remove(tmp)
	v, err := Validate(tmp)
	if r, ok := IsRefused(err); ok {
		return 0, refuse(path, r.Reason, r.Detail)
	}
	return v, err
}

func copyFileTo(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
