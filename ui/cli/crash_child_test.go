package cli

import (
	"encoding/json"
	"os"

	"schulit-lotse/internal/clock"
)

// cliChildEnv carries the arguments (JSON) of one command that a child process of the test
// binary runs, so that the crash harness can kill a real command at a random moment.
const cliChildEnv = "LOTSE_CLI_CRASH_ARGS"

func runChild(encoded string) int {
	var args []string
	if err := json.Unmarshal([]byte(encoded), &args); err != nil {
		return 99
	}
	return Run(args, os.Stdout, os.Stderr, clock.Fixed(cliNow))
}
