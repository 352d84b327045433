// Package cli is the command line of lotse: new, check, summary, report, import, export, kpi,
// share, demo-data, help and the version. The GUI is the default; these commands serve scripts,
// tests and checks.
package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"

	"schulit-lotse/assets"
	"schulit-lotse/domain"
	"schulit-lotse/internal/clock"
	"schulit-lotse/persistence"
	"schulit-lotse/reports"
	"schulit-lotse/ui/wording"
)

// Version is printed by `lotse --version`; main sets it to ui.Version, which the build stamps.
var Version = "dev"

// languagePref chooses the language of messages ("" = the system's); tests pin it.
var languagePref = ""

// env is what a running command writes to, and its clock.
type env struct {
	out, err io.Writer
	lang     string
	clock    clock.Clock
	// mailLimit is the size above which `share` warns that a mail server may refuse the copy.
	mailLimit int64
	// takeOverLock is --take-over-lock: commands that change a project take another editor's
	// lock over, as the GUI does after asking.
	takeOverLock bool
	// monitoring is the open project file a report reads its monitoring data from (the
	// project is loaded without its rows).
	monitoring reports.MonitoringSource
}

// reportOptions are a report's options: the command's date and the file's monitoring data.
func (e *env) reportOptions() reports.Options {
	return reports.Options{Date: e.now(), Monitoring: e.monitoring}
}

// now is the time of the command's clock.
func (e *env) now() time.Time { return e.clock.Now() }

type command struct {
	run func(e *env, args []string) error
}

// commands maps a name to its command.
var commands = map[string]command{
	"new":       {cmdNew},
	"check":     {cmdCheck},
	"summary":   {cmdSummary},
	"report":    {cmdReport},
	"export":    {cmdExport},
	"import":    {cmdImport},
	"kpi":       {cmdKPI},
	"share":     {cmdShare},
	"demo-data": {cmdDemoData},
	"help":      {cmdHelp},
	"version":   {cmdVersion},
}

// IsCommand reports whether the arguments name a command rather than a file to open. A first
// argument that is neither a known command nor an option nor an existing file or *.lotse path
// is treated as a (mistyped) command, so it gets a message instead of an empty GUI.
func IsCommand(args []string) bool {
	if len(args) == 0 {
		return false
	}
	a := args[0]
	if _, ok := commands[a]; ok {
		return true
	}
	if strings.HasPrefix(a, "-") && a != "-" {
		return true
	}
	if strings.HasSuffix(strings.ToLower(a), ".lotse") {
		return false
	}
	_, err := os.Stat(a)
	return err != nil
}

// Run executes a command and returns the process exit code. Errors go to stderr in the
// user's language; no panic leaves this function.
func Run(args []string, stdout, stderr io.Writer, clk clock.Clock) int {
	return execute(args, stdout, stderr, clk, wording.MailLimit)
}

// execute is Run with the size limit of mail attachments as a parameter (tests lower it).
func execute(args []string, stdout, stderr io.Writer, clk clock.Clock, mailLimit int64) (code int) {
	e := &env{out: stdout, err: stderr, lang: assets.SetupLanguage(languagePref), clock: clock.OrSystem(clk), mailLimit: mailLimit}
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintln(stderr, "lotse: "+lang.L("cli.err.internal", map[string]any{"Detail": fmt.Sprint(r)}))
			code = exitFailure
		}
	}()
	if len(args) == 0 {
		cmdHelp(&env{out: stderr, err: stderr, lang: e.lang, clock: e.clock, mailLimit: mailLimit}, nil)
		return exitUsage
	}
	name, rest := args[0], withoutTakeOver(e, args[1:])
	switch name {
	case "-v", "--version":
		name = "version"
	case "-h", "--help":
		name = "help"
	}
	var err error
	if c, ok := commands[name]; ok {
		err = c.run(e, rest)
	} else if strings.HasPrefix(name, "-") {
		err = usagef("cli.err.unknown_option", map[string]any{"Option": name})
	} else {
		err = usagef("cli.err.unknown_command", map[string]any{"Command": name})
	}
	if err == nil {
		return exitOK
	}
	msg, code := describe(err)
	if msg != "" {
		fmt.Fprintln(stderr, "lotse: "+msg)
	}
	return code
}

// withoutTakeOver removes --take-over-lock from the arguments and remembers it.
func withoutTakeOver(e *env, args []string) []string {
	out := make([]string, 0, len(args))
	for _, a := range args {
		if a == "--take-over-lock" {
			e.takeOverLock = true
			continue
		}
		out = append(out, a)
	}
	return out
}

// openOptions are the options of a command that changes a project: the command's clock and
// --take-over-lock.
func (e *env) openOptions() persistence.OpenOptions {
	return persistence.OpenOptions{Clock: e.clock, TakeOverLock: e.takeOverLock}
}

// openForEdit opens and loads an existing project for writing; a lock taken over is reported, and a
// project that can only be read (a file with several hard links) is refused with the reason.
func (e *env) openForEdit(path string) (*persistence.File, *domain.Project, error) {
	held, wasHeld := persistence.ReadLock(path)
	f, err := persistence.Open(path, e.openOptions())
	if err != nil {
		return nil, nil, err
	}
	if why := f.ReadOnlyReason(); why != "" {
		f.Close()
		return nil, nil, translated{errors.New(lang.L(why))}
	}
	if wasHeld && e.takeOverLock {
		fmt.Fprintln(e.err, "lotse: "+lang.L("lock.taken_over", map[string]any{"User": held.User, "Host": held.Host}))
	}
	p, err := f.Load()
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, p, nil
}

// parseCommand reads a command's arguments: the options opts (parseArgs) and exactly n
// positionals, else a usage error that shows the command's usage line.
func parseCommand(args []string, opts []option, n int, usage string) (parsedArgs, error) {
	p, err := parseArgs(args, opts)
	if err != nil {
		return p, err
	}
	return p, positionals(p, n, usage)
}

// positionals checks the number of positional arguments against the command's usage line.
func positionals(p parsedArgs, n int, usage string) error {
	if len(p.pos) != n {
		return usagef("cli.err.arguments", map[string]any{"Usage": usage})
	}
	return nil
}

func cmdVersion(e *env, args []string) error {
	if len(args) > 0 {
		return usagef("cli.err.arguments", map[string]any{"Usage": "lotse --version"})
	}
	fmt.Fprintf(e.out, "%s %s\n", lang.L("app.name"), Version)
	return nil
}

func cmdHelp(e *env, args []string) error {
	fmt.Fprintln(e.out, lang.L("cli.help", map[string]any{"Version": Version}))
	return nil
}
