package persistence

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"gorm.io/gorm"
)

// vacuumIntoTemp writes a compact copy of the open project into a new temporary file in dir
// and returns its name. The open project is only read.
func (f *File) vacuumIntoTemp(dir string) (string, error) { return vacuumIntoTemp(f.db, dir) }

// vacuumIntoTemp writes a compact copy of db into a new temporary file in dir.
func vacuumIntoTemp(db *gorm.DB, dir string) (string, error) {
	tmp, err := freeTempName(dir, "share")
	if err != nil {
		return "", err
	}
	if err := db.Exec("VACUUM INTO ?", tmp).Error; err != nil {
		os.Remove(tmp)
		return "", err
	}
	return tmp, nil
}

// freeTempName reserves a temporary name of that kind in dir and leaves it free for SQLite,
// which creates the file itself.
func freeTempName(dir, kind string) (string, error) {
	tf, err := os.CreateTemp(dir, tempPattern(kind))
	if err != nil {
		return "", err
	}
	tmp := tf.Name()
	tf.Close()
	os.Remove(tmp)
	return tmp, nil
}

// openPrivate opens a temporary copy that no one else knows (no lock, no validation: we wrote it).
func openPrivate(path string) (*File, error) {
	db, err := openGorm(fileURI(path, modeRW, connPragmas))
	if err != nil {
		return nil, err
	}
	return &File{path: path, db: db}, nil
}

// privateDirPrefix names the private folders in which share copies are prepared; the process
// id in the name lets a later run remove the folders of runs that were killed.
const privateDirPrefix = "lotse-private-"

// privateDir makes a folder only the user can read, in the system's temporary folder, and first
// removes what killed runs left there.
func privateDir() (string, error) {
	removeStalePrivateDirs()
	return os.MkdirTemp("", fmt.Sprintf("%s%d-*", privateDirPrefix, os.Getpid()))
}

// removeStalePrivateDirs removes the private folders (and private copies) of processes that no
// longer run.
func removeStalePrivateDirs() {
	entries, err := os.ReadDir(os.TempDir())
	if err != nil {
		return
	}
	for _, e := range entries {
		rest, ok := strings.CutPrefix(e.Name(), privateDirPrefix)
		if !ok {
			continue
		}
		pidText, _, _ := strings.Cut(rest, "-")
		pid, err := strconv.Atoi(pidText)
		if err != nil || pid == os.Getpid() || processAlive(pid) {
			continue
		}
		os.RemoveAll(filepath.Join(os.TempDir(), e.Name()))
	}
}
