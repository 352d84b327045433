package cli

import (
	"errors"
	"io/fs"
	"strings"

	"fyne.io/fyne/v2/lang"

	"schulit-lotse/domain"
	"schulit-lotse/persistence"
	"schulit-lotse/ui/wording"
)

// Exit codes of every command.
const (
	exitOK       = 0
	exitFailure  = 1 // the command ran and failed, or `check` found something
	exitRefused  = 2 // a refused project file (check)
	exitUsage    = 2 // wrong arguments, unknown command
	exitFindings = 1
)

// usageError is a mistake in the command line; it carries a translation key and its data.
type usageError struct {
	key  string
	data map[string]any
}

func (e *usageError) Error() string { return e.key }

func usagef(key string, data map[string]any) error { return &usageError{key: key, data: data} }

// silentExit ends a command with a code after it has printed its own output (check's findings).
type silentExit int

func (e silentExit) Error() string { return "exit" }

// translated is an error whose message is already in the user's language.
type translated struct{ err error }

func (e translated) Error() string { return e.err.Error() }

// failure is an error with a translated message of this package.
type failure struct {
	key  string
	data map[string]any
}

func (e *failure) Error() string { return e.key }

func failf(key string, data map[string]any) error { return &failure{key: key, data: data} }

// describe turns an error into the sentence the user reads and the exit code.
func describe(err error) (string, int) {
	var (
		usage   *usageError
		silent  silentExit
		fail    *failure
		done    translated
		imp     *persistence.ImportError
		domErr  domain.Error
		pathErr *fs.PathError
	)
	if refused, ok := persistence.IsRefused(err); ok {
		return refusedMessage(refused), exitRefused
	}
	if locked, ok := persistence.IsLocked(err); ok {
		msg := lang.L("lock.held", map[string]any{
			"User": locked.Info.User, "Host": locked.Info.Host,
			"Since": locked.Info.Since.Local().Format("2006-01-02 15:04"),
		})
		if locked.Stale {
			msg += " " + lang.L("lock.stale")
		}
		return msg + " " + lang.L("cli.hint.take_over_lock"), exitFailure
	}
	switch {
	case errors.As(err, &silent):
		return "", int(silent)
	case errors.As(err, &usage):
		return lang.L(usage.key, usage.data) + "\n" + lang.L("cli.hint.help"), exitUsage
	case errors.As(err, &done):
		return done.Error(), exitFailure
	case errors.As(err, &fail):
		return lang.L(fail.key, fail.data), exitFailure
	case errors.As(err, &imp):
		return lang.L("cli.err.import", map[string]any{"Reason": lang.L(imp.Key), "Detail": imp.Detail}), exitFailure
	case errors.As(err, &domErr):
		return lang.L(string(domErr)), exitFailure
	case errors.Is(err, persistence.ErrReadOnly):
		return lang.L(persistence.ReadOnlyKey(err)), exitFailure
	case errors.Is(err, fs.ErrExist):
		return lang.L("cli.err.exists", map[string]any{"Path": errPath(err)}), exitFailure
	case errors.Is(err, fs.ErrNotExist):
		return lang.L("cli.err.not_found", map[string]any{"Path": errPath(err)}), exitFailure
	case errors.Is(err, fs.ErrPermission):
		return lang.L("cli.err.permission", map[string]any{"Path": errPath(err)}), exitFailure
	case errors.As(err, &pathErr):
		return lang.L("cli.err.io", map[string]any{"Path": pathErr.Path, "Detail": pathErr.Err.Error()}), exitFailure
	}
	return lang.L("cli.err.generic", map[string]any{"Detail": err.Error()}), exitFailure
}

func refusedMessage(r *persistence.RefusedError) string {
	var b strings.Builder
	b.WriteString(lang.L("cli.refused", map[string]any{"Path": r.Path}))
	b.WriteString(" ")
	b.WriteString(lang.L(string(r.Reason)))
	if r.Detail != "" {
		b.WriteString(" ")
		b.WriteString(lang.L("refuse.detail", map[string]any{"Detail": wording.RefusalDetail(r.Detail)}))
	}
	if r.Reason != persistence.ReasonMissing {
		b.WriteString(" ")
		b.WriteString(lang.L("refuse.untouched"))
	}
	return b.String()
}

// errPath is the file an error is about, when it names one.
func errPath(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Path
	}
	s := err.Error() // "path: reason", as persistence wraps it
	if i := strings.LastIndex(s, ": "); i > 0 {
		return s[:i]
	}
	return s
}
