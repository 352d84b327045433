// Package leftover names the temporary files of whole-file writes and removes the ones whose
// writer was killed.
//
// Whole-file writes (new project, copy, copy for sending, backup before a migration, and the
// CSV, XLSX and PDF exports) first write a temporary file beside their target and rename it
// into place. A write that is killed leaves that file behind. Its name says which process on
// which machine wrote it, so the next open for editing in that folder – or the next write into
// it – removes the ones whose writer no longer runs, and never one that another program is
// still writing.
package leftover

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
)

// Kinds of whole-file writes.
const (
	New    = "new"
	Copy   = "copy"
	Share  = "share"
	Backup = "bak"
	Export = "export"
)

// Pattern is the os.CreateTemp pattern of a whole-file write of the given kind.
func Pattern(kind string) string {
	return fmt.Sprintf(".lotse-%s-%s-%d-*.tmp", kind, Host(), os.Getpid())
}

// Host is this machine's name as it can stand in a file name.
func Host() string {
	h, _ := os.Hostname()
	h = strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
			return r
		}
		return '_'
	}, h)
	if len(h) > 24 {
		h = h[:24]
	}
	if h == "" {
		h = "_"
	}
	return h
}

// Name matches the temporary files of Pattern (and a journal SQLite left beside one).
var Name = regexp.MustCompile(`^\.lotse-(new|copy|share|bak|export)-([A-Za-z0-9_]+)-(\d+)-\d+\.tmp(-journal)?$`)

// Remove removes the temporary files of killed writes of this machine from dir and returns
// how many it removed.
func Remove(dir string) int {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return 0
	}
	host, n := Host(), 0
	for _, e := range entries {
		m := Name.FindStringSubmatch(e.Name())
		if m == nil || e.IsDir() || m[2] != host {
			continue
		}
		pid, err := strconv.Atoi(m[3])
		if err != nil || pid == os.Getpid() || Alive(pid) {
			continue
		}
		if os.Remove(filepath.Join(dir, e.Name())) == nil {
			n++
		}
	}
	return n
}

// Create makes the temporary file of a whole-file write of the given kind beside target,
// after removing the leftovers of killed writes in that folder.
func Create(target, kind string) (*os.File, error) {
	dir := filepath.Dir(target)
	Remove(dir)
	return os.CreateTemp(dir, Pattern(kind))
}
