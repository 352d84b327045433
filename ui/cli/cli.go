// Package cli is the command line of lotse: new, check, report, import, export, summary, … .
package cli

import "io"

// IsCommand reports whether the arguments name a command rather than a file to open.
func IsCommand(args []string) bool {
	return false
}

// Run executes a command and returns the process exit code.
func Run(args []string, stdout, stderr io.Writer) int {
	return 0
}
