package persistence

import (
	"errors"
	"fmt"
	"os"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// LockInfo is who holds a project: the content of the lock file beside it.
type LockInfo struct {
	User  string
	Host  string
	PID   int
	Since time.Time
}

// LockedError reports a project held by another editor. Stale is true when the holder is a
// process on this machine that no longer runs (a crash), so the lock can be taken over safely.
type LockedError struct {
	Path  string
	Info  LockInfo
	Stale bool
}

func (e *LockedError) Error() string {
	return fmt.Sprintf("%s: locked by %s@%s since %s", e.Path, e.Info.User, e.Info.Host, e.Info.Since.Format(time.RFC3339))
}

// IsLocked reports whether err is a held lock and returns it.
func IsLocked(err error) (*LockedError, bool) {
	var l *LockedError
	ok := errors.As(err, &l)
	return l, ok
}

// LockPath is the lock file of a project, like LibreOffice's ".~lock.NAME#".
func LockPath(path string) string {
	return filepath.Join(filepath.Dir(path), ".~lock."+filepath.Base(path)+"#")
}

func currentLockInfo(now time.Time) LockInfo {
	name := "?"
	if u, err := user.Current(); err == nil {
		name = u.Username
		if u.Name != "" {
			name = u.Name
		}
	}
	host, _ := os.Hostname()
	return LockInfo{User: name, Host: host, PID: os.Getpid(), Since: now.UTC().Truncate(time.Second)}
}

func (l LockInfo) encode() string {
	clean := strings.NewReplacer(",", " ", "\n", " ")
	return fmt.Sprintf("%s,%s,%d,%s\n", clean.Replace(l.User), clean.Replace(l.Host), l.PID, l.Since.Format(time.RFC3339))
}

func decodeLock(b []byte) (LockInfo, bool) {
	parts := strings.Split(strings.TrimSpace(string(b)), ",")
	if len(parts) != 4 {
		return LockInfo{}, false
	}
	pid, err1 := strconv.Atoi(parts[2])
	since, err2 := time.Parse(time.RFC3339, parts[3])
	if err1 != nil || err2 != nil {
		return LockInfo{}, false
	}
	return LockInfo{User: parts[0], Host: parts[1], PID: pid, Since: since}, true
}

// ReadLock returns the lock of a project, if any.
func ReadLock(path string) (LockInfo, bool) {
	b, err := os.ReadFile(LockPath(realPath(path)))
	if err != nil {
		return LockInfo{}, false
	}
	return decodeLock(b)
}

// acquireLock creates the lock file; when one exists it reports the holder unless takeOver.
func acquireLock(path string, takeOver bool, now time.Time) error {
	lp := LockPath(path)
	info := currentLockInfo(now)
	for attempt := 0; attempt < 2; attempt++ {
		f, err := os.OpenFile(lp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err == nil {
			_, werr := f.WriteString(info.encode())
			serr := f.Sync()
			cerr := f.Close()
			return errors.Join(werr, serr, cerr)
		}
		if !errors.Is(err, os.ErrExist) {
			return err
		}
		b, rerr := os.ReadFile(lp)
		held, ok := decodeLock(b)
		if rerr == nil && ok && held.PID == info.PID && held.Host == info.Host {
			return &LockedError{Path: path, Info: held} // this process has it open already
		}
		if !takeOver {
			if !ok { // unreadable lock: treat as stale, it names nobody
				return &LockedError{Path: path, Info: held, Stale: true}
			}
			return &LockedError{Path: path, Info: held, Stale: held.Host == info.Host && !processAlive(held.PID)}
		}
		if err := os.Remove(lp); err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
	}
	return fmt.Errorf("%s: lock could not be taken", path)
}

func releaseLock(path string) {
	lp := LockPath(path)
	b, err := os.ReadFile(lp)
	if err != nil {
		return
	}
	if held, ok := decodeLock(b); ok && held.PID == os.Getpid() {
		host, _ := os.Hostname()
		if held.Host == host {
			_ = os.Remove(lp)
		}
	}
}
