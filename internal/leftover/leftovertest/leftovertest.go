// Package leftovertest holds what the tests of leftover files need: the id of a process that has
// ended, as a killed run leaves it behind in a lock or a temporary file's name.
package leftovertest

import (
	"os"
	"os/exec"
	"testing"
)

// FinishedPID starts the test binary again without running a test and returns the process id of
// that finished run: a file naming it belongs to no living process.
func FinishedPID(t testing.TB) int {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	return cmd.Process.Pid
}
