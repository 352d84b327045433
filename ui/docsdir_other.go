//go:build !windows

package ui

import (
	"os"
	"path/filepath"
)

// defaultDocumentsDir is the user's documents folder ("Dokumente" or "Documents" in the home
// folder), or the home folder.
func defaultDocumentsDir() string {
	home, err := os.UserHomeDir()
	if err != nil {
		return "."
	}
	for _, name := range []string{"Dokumente", "Documents"} {
		if st, err := os.Stat(filepath.Join(home, name)); err == nil && st.IsDir() {
			return filepath.Join(home, name)
		}
	}
	return home
}
