package persistence

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
)

// Whole-file writes (new project, copy, copy for sending, backup before a migration) first
// write a temporary file beside their target and rename it into place. A write that is killed
// leaves that file behind. Its name says which process on which machine wrote it, so the next
// open for editing in that folder – or the next write into it – removes the ones whose writer
// no longer runs, and never one that another program is still writing.

// tempPattern is the os.CreateTemp pattern of a whole-file write of the given kind.
func tempPattern(kind string) string {
	return fmt.Sprintf(".lotse-%s-%s-%d-*.tmp", kind, hostTag(), os.Getpid())
}

// hostTag is this machine's name as it can stand in a file name.
func hostTag() string {
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

var leftoverName = regexp.MustCompile(`^\.lotse-(new|copy|share|bak)-([A-Za-z0-9_]+)-(\d+)-\d+\.tmp(-journal)?$`)

// removeLeftovers removes the temporary files of killed writes of this machine from dir and
// returns how many it removed.
func removeLeftovers(dir string) int {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return 0
	}
	host, n := hostTag(), 0
	for _, e := range entries {
		m := leftoverName.FindStringSubmatch(e.Name())
		if m == nil || e.IsDir() || m[2] != host {
			continue
		}
		pid, err := strconv.Atoi(m[3])
		if err != nil || pid == os.Getpid() || processAlive(pid) {
			continue
		}
		if os.Remove(filepath.Join(dir, e.Name())) == nil {
			n++
		}
	}
	return n
}
