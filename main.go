// Command lotse is Schul-IT Lotse: the GUI by default, a few commands for scripts and checks.
package main

import (
	"os"

	_ "schulit-lotse/internal/localeenv" // first: German unless the locale names a language

	"schulit-lotse/internal/clock"
	"schulit-lotse/ui"
	"schulit-lotse/ui/cli"
)

func main() {
	cli.Version = ui.Version
	if cli.IsCommand(os.Args[1:]) {
		os.Exit(cli.Run(os.Args[1:], os.Stdout, os.Stderr, clock.System()))
	}
	path := ""
	if len(os.Args) > 1 {
		path = os.Args[1]
	}
	ui.Run(path, clock.System())
}
