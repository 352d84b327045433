package persistence

import (
	"os"

	"gorm.io/gorm"
)

// vacuumIntoTemp writes a compact copy of the open project into a new temporary file in dir
// and returns its name. The open project is only read.
func (f *File) vacuumIntoTemp(dir string) (string, error) {
	tf, err := os.CreateTemp(dir, ".lotse-share-*.tmp")
	if err != nil {
		return "", err
	}
	tmp := tf.Name()
	tf.Close()
	os.Remove(tmp) // SQLite creates it
	if err := f.db.Exec("VACUUM INTO ?", tmp).Error; err != nil {
		os.Remove(tmp)
		return "", err
	}
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

// compact rewrites the file without the pages that deleted or replaced rows left behind, so
// neither the size nor the free pages give away what was taken out.
func compact(db *gorm.DB) error {
	return db.Exec("VACUUM").Error
}
