//go:build windows

package ui

import (
	"os"

	"golang.org/x/sys/windows"
)

// defaultDocumentsDir is the Documents known folder, wherever Windows keeps it (it may be
// redirected to OneDrive or a network share), or the home folder.
func defaultDocumentsDir() string {
	if dir, err := windows.KnownFolderPath(windows.FOLDERID_Documents, 0); err == nil && dir != "" {
		return dir
	}
	if home, err := os.UserHomeDir(); err == nil {
		return home
	}
	return "."
}
