package persistence

import (
	"fmt"
	"os"
)

// checkCopyTarget refuses to write a copy where it would replace the open project itself (also
// under another spelling: a symbolic or hard link, a case-insensitive file system) or a project
// that another editor holds: the rename would swap the file under their feet and every later
// edit of theirs would go to a file nobody sees again.
func (f *File) checkCopyTarget(target string) error {
	if target == f.path {
		return fmt.Errorf("%s: %w", target, os.ErrExist)
	}
	if ts, err := os.Stat(target); err == nil {
		if fs, err := os.Stat(f.path); err == nil && os.SameFile(ts, fs) {
			return fmt.Errorf("%s: %w", target, os.ErrExist)
		}
	}
	if _, err := os.Lstat(LockPath(target)); err == nil {
		b, _ := os.ReadFile(LockPath(target))
		held, ok := decodeLock(b)
		host, _ := os.Hostname()
		stale := !ok || (held.Host == host && held.PID != os.Getpid() && !processAlive(held.PID))
		return &LockedError{Path: target, Info: held, Stale: stale}
	}
	return nil
}
