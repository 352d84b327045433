//go:build !windows

package leftover

import (
	"errors"
	"syscall"
)

// Alive reports whether a process with the id runs on this machine.
func Alive(pid int) bool {
	if pid <= 0 {
		return false
	}
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
