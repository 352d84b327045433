//go:build !windows

package persistence

import (
	"os"
	"syscall"
)

func linkCount(_ string, st os.FileInfo) uint64 {
	if s, ok := st.Sys().(*syscall.Stat_t); ok {
		return uint64(s.Nlink)
	}
	return 1
}
