package persistence

import (
	"database/sql"
	"encoding/binary"
	"errors"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	_ "github.com/glebarez/go-sqlite" // registers the "sqlite" database/sql driver

	"schulit-lotse/persistence/schema"
)

// SchemaVersion is the user_version this build writes.
const SchemaVersion = 8

const sqliteMagic = "SQLite format 3\x00"

// header is what the first 100 bytes of an SQLite file say.
type header struct {
	pageSize    int64
	pageCount   int64
	countValid  bool
	userVersion uint32
	appID       uint32
	// rollbackJournal is false for a WAL file: opening one, even read-only, creates -wal and
	// -shm files beside it, and its committed data may sit in a -wal file that was not sent.
	rollbackJournal bool
}

func readHeader(path string) (header, int64, error) {
	var h header
	st, err := os.Stat(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return h, 0, refuse(path, ReasonMissing, "")
		}
		return h, 0, refuse(path, ReasonUnreadable, err.Error())
	}
	if st.IsDir() {
		return h, 0, refuse(path, ReasonNotSQLite, "directory")
	}
	if st.Size() == 0 {
		return h, 0, refuse(path, ReasonEmpty, "")
	}
	f, err := os.Open(path)
	if err != nil {
		return h, 0, refuse(path, ReasonUnreadable, err.Error())
	}
	defer f.Close()
	buf := make([]byte, 100)
	if _, err := io.ReadFull(f, buf); err != nil || string(buf[:16]) != sqliteMagic {
		return h, 0, refuse(path, ReasonNotSQLite, "")
	}
	ps := int64(binary.BigEndian.Uint16(buf[16:18]))
	if ps == 1 {
		ps = 65536
	}
	h.pageSize = ps
	h.pageCount = int64(binary.BigEndian.Uint32(buf[28:32]))
	h.countValid = binary.BigEndian.Uint32(buf[24:28]) == binary.BigEndian.Uint32(buf[92:96])
	h.userVersion = binary.BigEndian.Uint32(buf[60:64])
	h.appID = binary.BigEndian.Uint32(buf[68:72])
	h.rollbackJournal = buf[18] == 1 && buf[19] == 1
	return h, st.Size(), nil
}

// checkHeader refuses files that are not ours, are from a newer version or are cut short,
// reading only bytes — nothing that could change the file.
func checkHeader(path string) (header, error) {
	h, size, err := readHeader(path)
	if err != nil {
		return h, err
	}
	if h.appID != ApplicationID {
		return h, refuse(path, ReasonForeignApp, "application_id %d", h.appID)
	}
	if h.userVersion > SchemaVersion {
		return h, refuse(path, ReasonNewerVersion, "%d > %d", h.userVersion, SchemaVersion)
	}
	if h.userVersion < 1 {
		return h, refuse(path, ReasonOlderUnknown, "%d", h.userVersion)
	}
	if h.pageSize < 512 || h.pageSize&(h.pageSize-1) != 0 {
		return h, refuse(path, ReasonDamaged, "page size %d", h.pageSize)
	}
	if !h.rollbackJournal {
		return h, refuse(path, ReasonDamaged, "not in rollback journal mode (WAL)")
	}
	// SQLite reads a -wal file beside a database even in rollback mode and merges its pages:
	// data that is not in the file itself, and a read-only open would create a -shm file.
	if _, err := os.Lstat(path + "-wal"); err == nil {
		return h, refuse(path, ReasonStrayWAL, "%s-wal", filepath.Base(path))
	}
	if h.countValid && size < h.pageSize*h.pageCount && !hasHotJournal(path) {
		return h, refuse(path, ReasonDamaged, "%d bytes < %d pages", size, h.pageCount)
	}
	return h, nil
}

func hasHotJournal(path string) bool {
	st, err := os.Stat(path + "-journal")
	return err == nil && st.Size() > 0
}

// Validate checks a file the way it is checked before every open: header, integrity, and the
// schema against the one expected for its version. It never writes to the file.
func Validate(path string) (version int, err error) {
	h, err := checkHeader(path)
	if err != nil {
		return 0, err
	}
	if hasHotJournal(path) {
		return validateRecovered(path)
	}
	db, err := sql.Open("sqlite", fileURI(path, modeRO, []string{"trusted_schema(0)", "cell_size_check(1)"}))
	if err != nil {
		return 0, refuse(path, ReasonUnreadable, err.Error())
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	if err := checkIntegrity(path, db); err != nil {
		return 0, err
	}
	exp, err := schema.Expected(int(h.userVersion))
	if err != nil {
		return 0, refuse(path, ReasonOlderUnknown, "%d", h.userVersion)
	}
	if err := compareSchema(path, db, exp); err != nil {
		return 0, err
	}
	if err := checkForeignKeys(path, db); err != nil {
		return 0, err
	}
	if err := checkFiniteNumbers(path, db, exp); err != nil {
		return 0, err
	}
	return int(h.userVersion), nil
}

func checkIntegrity(path string, db *sql.DB) error {
	rows, err := db.Query("PRAGMA quick_check")
	if err != nil {
		return refuse(path, ReasonDamaged, err.Error())
	}
	defer rows.Close()
	var msgs []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return refuse(path, ReasonDamaged, err.Error())
		}
		msgs = append(msgs, s)
	}
	if err := rows.Err(); err != nil {
		return refuse(path, ReasonDamaged, err.Error())
	}
	if len(msgs) != 1 || msgs[0] != "ok" {
		return refuse(path, ReasonDamaged, strings.Join(msgs, "; "))
	}
	return nil
}

func compareSchema(path string, db *sql.DB, exp *schema.Shape) error {
	rows, err := db.Query("SELECT type, name, tbl_name, COALESCE(sql,''), COALESCE(rootpage,0) FROM sqlite_master")
	if err != nil {
		return refuse(path, ReasonDamaged, err.Error())
	}
	type object struct {
		typ, name, tbl, sql string
		rootpage            int64
	}
	var objs []object
	for rows.Next() {
		var o object
		if err := rows.Scan(&o.typ, &o.name, &o.tbl, &o.sql, &o.rootpage); err != nil {
			rows.Close()
			return refuse(path, ReasonDamaged, err.Error())
		}
		objs = append(objs, o)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return refuse(path, ReasonDamaged, err.Error())
	}
	if len(exp.Objects) == 0 {
		return refuse(path, ReasonOlderUnknown, "no schema objects")
	}
	seen := map[string]bool{}
	for _, o := range objs {
		switch o.typ {
		case "table":
			// A virtual table has no b-tree of its own (rootpage 0), however its SQL is spelled.
			if o.rootpage == 0 {
				return refuse(path, ReasonForeignObj, "virtual table %s", o.name)
			}
		case "index":
			if o.sql == "" {
				// An index SQLite made for a UNIQUE or PRIMARY KEY clause: the table's SQL is checked.
				if !strings.HasPrefix(o.name, "sqlite_autoindex_"+o.tbl+"_") || exp.Tables[o.tbl] == nil {
					return refuse(path, ReasonForeignObj, "index %s", o.name)
				}
				continue
			}
		default: // trigger, view
			return refuse(path, ReasonForeignObj, "%s %s", o.typ, o.name)
		}
		known, err := exp.SameObject(o.typ, o.name, o.tbl, o.sql)
		if !known {
			return refuse(path, ReasonForeignObj, "%s %s", o.typ, o.name)
		}
		if err != nil {
			return refuse(path, ReasonSchema, err.Error())
		}
		seen[o.name] = true
	}
	names := make([]string, 0, len(exp.Tables))
	for n := range exp.Tables {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, o := range exp.Objects {
		if !seen[o.Name] && exp.Tables[o.Name] == nil {
			return refuse(path, ReasonSchema, "missing %s %s", o.Type, o.Name)
		}
	}
	for _, n := range names {
		if !seen[n] {
			return refuse(path, ReasonSchema, "missing table %s", n)
		}
		got, err := schema.TableColumns(db, n)
		if err != nil {
			return refuse(path, ReasonDamaged, err.Error())
		}
		if err := exp.SameColumns(n, got); err != nil {
			return refuse(path, ReasonSchema, err.Error())
		}
		fks, idx, err := schema.TableConstraints(db, n)
		if err != nil {
			return refuse(path, ReasonDamaged, err.Error())
		}
		if err := exp.SameConstraints(n, fks, idx); err != nil {
			return refuse(path, ReasonSchema, err.Error())
		}
	}
	return nil
}
