package ui

import (
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
)

// Preference keys.
const (
	prefLanguage = "language"    // "de", "en" or "" (follow the system)
	prefRecent   = "recentFiles" // absolute paths, most recent first
	// prefGuideOpen keeps the folded guidance of started steps open (true) or closed.
	prefGuideOpen = "step.guideOpen"
)

const maxRecent = 10

func recentFiles(p fyne.Preferences) []string {
	return p.StringList(prefRecent)
}

// addRecent puts path first in the list of recently opened files.
func addRecent(p fyne.Preferences, path string) {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	list := []string{path}
	for _, r := range recentFiles(p) {
		if r != path && len(list) < maxRecent {
			list = append(list, r)
		}
	}
	p.SetStringList(prefRecent, list)
}

func clearRecent(p fyne.Preferences) { p.SetStringList(prefRecent, nil) }

// fileExists tells whether a recent file is still there (missing ones are shown, not opened).
func fileExists(path string) bool {
	st, err := os.Stat(path)
	return err == nil && !st.IsDir()
}
