package persistence

import (
	"errors"
	"os"
	"path/filepath"
)

// A project is locked under its real name: a symbolic link is resolved before the lock is
// taken, so the link and the file share one lock. A file with more than one hard link has
// several names of equal rank and a lock beside each; it is therefore opened read-only.

// ReadOnlyHardLinks is the reason (a translation key) why a file with several hard links is
// opened read-only.
const ReadOnlyHardLinks = "readonly.hard_links"

// realPath resolves symbolic links in an absolute path; a path that cannot be resolved (the
// file does not exist yet) stays as it is.
func realPath(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	if r, err := filepath.EvalSymlinks(path); err == nil {
		return r
	}
	return path
}

// readOnlyError is a write refused on a project that was opened read-only for a reason the
// user did not choose; it counts as ErrReadOnly and its text is the reason's translation key.
type readOnlyError struct{ reason string }

func (e readOnlyError) Error() string        { return e.reason }
func (e readOnlyError) Is(target error) bool { return target == ErrReadOnly }

// ReadOnlyKey is the translation key that explains why a write was refused.
func ReadOnlyKey(err error) string {
	var r readOnlyError
	if errors.As(err, &r) {
		return r.reason
	}
	return ErrReadOnly.Error()
}

// hardLinked reports whether the file has more than one name.
func hardLinked(path string) bool {
	st, err := os.Stat(path)
	return err == nil && linkCount(path, st) > 1
}
