package persistence

import (
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync/atomic"
	"time"

	"github.com/glebarez/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"schulit-lotse/domain"
	"schulit-lotse/internal/clock"
)

// File is an open project file.
type File struct {
	path     string
	db       *gorm.DB
	readOnly bool
	// readOnlyWhy is the reason (a translation key) when the file was opened read-only although
	// editing was asked for.
	readOnlyWhy string
	// tempCopy is set when an older file was opened read-only: the migrated copy lives there.
	tempCopy string
	// LastCommit is when the last edit reached the disk.
	LastCommit time.Time
	clock      clock.Clock
	// closed is set by Close. The database handle itself stays: a reader still running on
	// another goroutine (a report, a page of tickets) then gets ErrClosed instead of a nil
	// handle.
	closed atomic.Bool
}

// OpenOptions choose how a project is opened.
type OpenOptions struct {
	ReadOnly bool
	// TakeOverLock replaces another editor's lock (after the user confirmed it is stale).
	TakeOverLock bool
	// Clock stamps the lock and the commits (nil: the system clock).
	Clock clock.Clock
	// keepUndoRows keeps the rows earlier imports replaced (their undo): SaveAs continues the
	// session on the copy, and its undo history still needs them.
	keepUndoRows bool
}

// Path is the file's location.
func (f *File) Path() string { return f.path }

// Clock is the clock the file was opened with (the system clock when none was given).
func (f *File) Clock() clock.Clock { return clock.OrSystem(f.clock) }

// ReadOnly reports whether edits are refused.
func (f *File) ReadOnly() bool { return f.readOnly }

// ReadOnlyReason is the translation key that explains why a file opened for editing is read-only
// (a file with several hard links); "" when it is not or when read-only was asked for.
func (f *File) ReadOnlyReason() string { return f.readOnlyWhy }

// ErrReadOnly is returned by every write on a read-only project.
var ErrReadOnly = errors.New("err.readonly")

// ErrClosed is returned by a read of a file that was closed meanwhile (the project was closed
// or saved under another name while a page or a report was still being read).
var ErrClosed = errors.New("err.file.closed")

func gormConfig() *gorm.Config {
	return &gorm.Config{Logger: logger.Discard, SkipDefaultTransaction: false, PrepareStmt: false}
}

func openGorm(uri string) (*gorm.DB, error) {
	db, err := gorm.Open(sqlite.Open(uri), gormConfig())
	if err != nil {
		return nil, err
	}
	sqlDB, err := db.DB()
	if err != nil {
		return nil, err
	}
	// One connection: pragmas are per connection, and SQLite serialises writers anyway.
	sqlDB.SetMaxOpenConns(1)
	return db, nil
}

// Create writes a new project file at path with the project's content and opens it. An existing
// file is never overwritten.
func Create(path string, p *domain.Project, opt OpenOptions) (*File, error) {
	return create(path, func(tx *gorm.DB, _ string) error { return writeProject(tx, p) }, opt)
}

// create writes a new project file at path through fill (in one transaction on a temporary
// file beside it) and opens it. An existing file is never overwritten.
func create(path string, fill func(tx *gorm.DB, tmp string) error, opt OpenOptions) (*File, error) {
	if _, err := os.Stat(path); err == nil {
		return nil, fmt.Errorf("%s: %w", path, os.ErrExist)
	}
	removeLeftovers(filepath.Dir(path))
	tmp, err := writeNewFileWith(filepath.Dir(path), fill)
	if err != nil {
		return nil, err
	}
	if err := publish(tmp, path); err != nil {
		os.Remove(tmp)
		return nil, err
	}
	return Open(path, opt)
}

// writeNewFile creates a complete project file of p in dir under a temporary name.
func writeNewFile(dir string, p *domain.Project) (string, error) {
	return writeNewFileWith(dir, func(tx *gorm.DB, _ string) error { return writeProject(tx, p) })
}

// writeNewFileWith creates a complete project file in dir under a temporary name, its content
// written by fill in one transaction.
func writeNewFileWith(dir string, fill func(tx *gorm.DB, tmp string) error) (string, error) {
	tmp, err := freeTempName(dir, "new")
	if err != nil {
		return "", err
	}
	db, err := openGorm(fileURI(tmp, modeRWC, connPragmas))
	if err != nil {
		return "", err
	}
	err = initSchema(db)
	if err == nil {
		err = db.Transaction(func(tx *gorm.DB) error { return fill(tx, tmp) })
	}
	closeGorm(db)
	if err != nil {
		os.Remove(tmp)
		return "", err
	}
	return tmp, nil
}

func initSchema(db *gorm.DB) error {
	if err := db.AutoMigrate(allRecords()...); err != nil {
		return err
	}
	if err := db.Exec(fmt.Sprintf("PRAGMA application_id = %d", ApplicationID)).Error; err != nil {
		return err
	}
	return db.Exec(fmt.Sprintf("PRAGMA user_version = %d", SchemaVersion)).Error
}

func closeGorm(db *gorm.DB) {
	if sqlDB, err := db.DB(); err == nil {
		sqlDB.Close()
	}
}

// Open validates the file, takes the lock (unless read-only), migrates an older schema and
// returns the open project. Nothing touches a file that fails validation.
func Open(path string, opt OpenOptions) (*File, error) {
	// The lock belongs to the file, not to a link to it.
	path = realPath(path)
	why := ""
	if !opt.ReadOnly && hardLinked(path) {
		opt.ReadOnly, why = true, ReadOnlyHardLinks
	}
	f, err := open(path, opt)
	if f != nil {
		f.readOnlyWhy = why
	}
	return f, err
}

func open(path string, opt OpenOptions) (*File, error) {
	locked := false
	if hasHotJournal(path) && !opt.ReadOnly {
		// A crash left a journal. What the rollback will make of the file is validated and loaded
		// on a private copy first: a refused file stays byte for byte as it is, journal and all.
		if err := checkRecovered(path); err != nil {
			return nil, err
		}
		if err := acquireLock(path, opt.TakeOverLock, clock.OrSystem(opt.Clock).Now()); err != nil {
			return nil, err
		}
		if err := recoverJournal(path); err != nil {
			releaseLock(path)
			return nil, err
		}
		locked = true
	}
	if opt.ReadOnly && hasHotJournal(path) {
		// A crashed editor's journal: read a rolled-back private copy, leave the original alone.
		f, err := openReadOnlyRecovered(path)
		if f != nil {
			f.clock = opt.Clock
		}
		return f, err
	}
	version, err := Validate(path)
	if err != nil {
		if !opt.ReadOnly {
			releaseLock(path)
		}
		return nil, err
	}
	if opt.ReadOnly {
		f, err := openReadOnly(path, version)
		if f != nil {
			f.clock = opt.Clock
		}
		return f, err
	}
	if !locked {
		if err := acquireLock(path, opt.TakeOverLock, clock.OrSystem(opt.Clock).Now()); err != nil {
			return nil, err
		}
	}
	// Opened for editing: what killed writes left in this folder goes, and so do the private
	// copies of killed runs.
	removeLeftovers(filepath.Dir(path))
	removeStalePrivateDirs()
	if version < SchemaVersion {
		// The original is migrated in place only after a migrated private copy has loaded, so a
		// file whose content is refused stays exactly as it was.
		if err := checkMigratedCopy(path, version); err != nil {
			releaseLock(path)
			return nil, err
		}
	}
	db, err := openGorm(fileURI(path, modeRW, connPragmas))
	if err != nil {
		releaseLock(path)
		return nil, refuse(path, ReasonUnreadable, err.Error())
	}
	if version < SchemaVersion {
		if err := backupBeforeMigration(path, version); err != nil {
			closeGorm(db)
			releaseLock(path)
			return nil, refuse(path, ReasonUnreadable, "backup: %v", err)
		}
		if err := migrate(db, version); err != nil {
			closeGorm(db)
			releaseLock(path)
			return nil, refuse(path, ReasonSchema, "migration: %v", err)
		}
	}
	// The rows earlier imports replaced belong to the session that made them; the copy SaveAs
	// continues on keeps them for that session's undo history.
	if !opt.keepUndoRows {
		if err := forgetKeptRows(db); err != nil {
			closeGorm(db)
			releaseLock(path)
			return nil, refuse(path, ReasonUnreadable, err.Error())
		}
	}
	return &File{path: path, db: db, clock: clock.OrSystem(opt.Clock)}, nil
}

// checkMigratedCopy migrates a private copy of an older file and loads it.
func checkMigratedCopy(path string, version int) error {
	f, err := openReadOnly(path, version)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = f.Load()
	return err
}

// recoverJournal lets SQLite roll back a hot journal. The file is not validated yet, so this
// goes through database/sql, not GORM, and only reads the schema table.
func recoverJournal(path string) error {
	db, err := sql.Open("sqlite", fileURI(path, modeRW, connPragmas))
	if err != nil {
		return refuse(path, ReasonUnreadable, err.Error())
	}
	defer db.Close()
	var n int
	if err := db.QueryRow("SELECT count(*) FROM sqlite_master").Scan(&n); err != nil {
		return refuse(path, ReasonDamaged, err.Error())
	}
	return nil
}

func openReadOnly(path string, version int) (*File, error) {
	if version == SchemaVersion {
		db, err := openGorm(fileURI(path, modeRO, []string{"trusted_schema(0)", "cell_size_check(1)", "foreign_keys(1)"}))
		if err != nil {
			return nil, refuse(path, ReasonUnreadable, err.Error())
		}
		return &File{path: path, db: db, readOnly: true}, nil
	}
	// An older file opened read-only is migrated in a private copy; the original stays as it is.
	tmp, err := copyToTemp(path)
	if err != nil {
		return nil, err
	}
	db, err := openGorm(fileURI(tmp, modeRW, connPragmas))
	if err == nil {
		err = migrate(db, version)
	}
	if err != nil {
		if db != nil {
			closeGorm(db)
		}
		os.Remove(tmp)
		return nil, refuse(path, ReasonSchema, "migration: %v", err)
	}
	return &File{path: path, db: db, readOnly: true, tempCopy: tmp}, nil
}

func copyToTemp(path string) (string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	tf, err := os.CreateTemp("", fmt.Sprintf("%s%d-ro-*.lotse", privateDirPrefix, os.Getpid()))
	if err != nil {
		return "", err
	}
	defer tf.Close()
	if _, err := tf.Write(b); err != nil {
		os.Remove(tf.Name())
		return "", err
	}
	return tf.Name(), nil
}

// BackupPath is where the file of schema version v is kept before it is migrated.
func BackupPath(path string, v int) string { return fmt.Sprintf("%s.bak-v%d", path, v) }

// backupBeforeMigration keeps a complete copy of the file as it was (NAME.lotse.bak-vN), written
// to a temporary file, synced and renamed, so a half-written backup never exists. An earlier
// backup of the same version is kept: it is the older original.
func backupBeforeMigration(path string, version int) error {
	target := BackupPath(path, version)
	if _, err := os.Lstat(target); err == nil {
		return nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	tf, err := os.CreateTemp(filepath.Dir(path), tempPattern("bak"))
	if err != nil {
		return err
	}
	_, werr := tf.Write(b)
	serr := tf.Sync()
	cerr := tf.Close()
	if err := errors.Join(werr, serr, cerr); err != nil {
		os.Remove(tf.Name())
		return err
	}
	if err := os.Rename(tf.Name(), target); err != nil {
		os.Remove(tf.Name())
		return err
	}
	syncDir(filepath.Dir(path))
	return nil
}

// Close releases the database and the lock.
func (f *File) Close() error {
	if f.db == nil || !f.closed.CompareAndSwap(false, true) {
		return nil
	}
	closeGorm(f.db)
	if f.tempCopy != "" {
		os.Remove(f.tempCopy)
	}
	if !f.readOnly {
		releaseLock(f.path)
	}
	return nil
}

// publish makes tmp durable and moves it to path.
func publish(tmp, path string) error {
	if err := syncFile(tmp); err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		return err
	}
	syncDir(filepath.Dir(path))
	return nil
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}

func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync() // not supported on every platform; the rename itself is atomic
		d.Close()
	}
}

// WriteCopy writes a complete, compact copy of the project to target (VACUUM INTO a temporary
// file beside it, fsync, rename). The open project is not changed.
func (f *File) WriteCopy(target string) error {
	if abs, err := filepath.Abs(target); err == nil {
		target = abs
	}
	if err := f.checkCopyTarget(target); err != nil {
		return err
	}
	removeLeftovers(filepath.Dir(target))
	tf, err := os.CreateTemp(filepath.Dir(target), tempPattern("copy"))
	if err != nil {
		return err
	}
	tmp := tf.Name()
	tf.Close()
	os.Remove(tmp)
	if err := f.db.Exec("VACUUM INTO ?", tmp).Error; err != nil {
		os.Remove(tmp)
		return err
	}
	if err := publish(tmp, target); err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}

// SaveAs writes the project to target and continues on the new file, which then holds the lock.
func (f *File) SaveAs(target string) (*File, error) {
	if err := f.WriteCopy(target); err != nil {
		return nil, err
	}
	nf, err := Open(target, OpenOptions{Clock: f.clock, keepUndoRows: true})
	if err != nil {
		return nil, err
	}
	f.Close()
	return nf, nil
}

// bulkCacheKB is the page cache of a bulk write (an import, its undo or redo): tickets arrive in
// any order of creation, and with SQLite's default of 2 MB the index on it spilled pages to the
// file in the middle of the transaction (undo and redo of 250,000 tickets: 6.1 → 4.7 s CPU).
const bulkCacheKB = 32 << 10

// writeBulk is write with a larger page cache, given back (and its memory freed) afterwards.
func (f *File) writeBulk(fn func(tx *gorm.DB) error) error {
	var before int64
	if err := f.db.Raw("PRAGMA cache_size").Row().Scan(&before); err != nil {
		return err
	}
	if err := f.db.Exec(fmt.Sprintf("PRAGMA cache_size = %d", -bulkCacheKB)).Error; err != nil {
		return err
	}
	defer func() {
		f.db.Exec(fmt.Sprintf("PRAGMA cache_size = %d", before))
		f.db.Exec("PRAGMA shrink_memory")
	}()
	return f.write(fn)
}

func (f *File) write(fn func(tx *gorm.DB) error) error {
	if f.readOnly {
		if f.readOnlyWhy != "" {
			return readOnlyError{f.readOnlyWhy}
		}
		return ErrReadOnly
	}
	if err := f.db.Transaction(fn); err != nil {
		return err
	}
	f.LastCommit = clock.OrSystem(f.clock).Now()
	return nil
}
