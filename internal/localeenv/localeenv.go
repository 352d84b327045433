// Package localeenv makes German the language of a process whose locale names no language
// (C, POSIX, C.UTF-8 or unset, as on servers and in CI). Fyne's translation package reads the
// locale when it initialises and would fall back to English, and it logs an error for
// "C.UTF-8"; importing this package first (for its side effect) steers it before that happens.
package localeenv

import (
	"os"
	"runtime"
	"strings"
)

func init() {
	if neutral(os.Getenv) {
		os.Unsetenv("LC_ALL")
		os.Unsetenv("LC_MESSAGES")
		os.Unsetenv("LANGUAGE")
		os.Setenv("LANG", "de_DE.UTF-8")
	}
}

// neutral reports whether the environment's locale (in gettext's order: LC_ALL, LC_MESSAGES,
// LANG, then LANGUAGE) names no language.
func neutral(getenv func(string) string) bool {
	locale := ""
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if locale = getenv(name); locale != "" {
			break
		}
	}
	if locale == "C" || locale == "POSIX" {
		return true // gettext ignores LANGUAGE then
	}
	if getenv("LANGUAGE") != "" {
		return false
	}
	base, _, _ := strings.Cut(locale, ".")
	base, _, _ = strings.Cut(base, "@")
	return base == "" || base == "C" || base == "POSIX"
}

// Neutral reports whether this process's locale names no language. Windows keeps its language
// outside the environment, so there the system locale always decides.
func Neutral() bool { return runtime.GOOS != "windows" && neutral(os.Getenv) }
