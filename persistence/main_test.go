package persistence

import (
	"os"
	"testing"
)

// childModes are roles the test binary plays when a test starts it again as a child process
// with the named environment variable set (the crash harness, a second editor holding a lock).
var childModes = map[string]func(arg string) int{}

func TestMain(m *testing.M) {
	for env, run := range childModes {
		if v := os.Getenv(env); v != "" {
			os.Exit(run(v))
		}
	}
	os.Exit(m.Run())
}
