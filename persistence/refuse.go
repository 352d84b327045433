package persistence

import (
	"errors"
	"fmt"
)

// Reason says why a file was refused; its value is a translation key.
type Reason string

// The reasons a received file is refused. Each has a sentence in the translation files.
const (
	ReasonMissing      Reason = "refuse.missing"
	ReasonEmpty        Reason = "refuse.empty"
	ReasonNotSQLite    Reason = "refuse.not_sqlite"
	ReasonForeignApp   Reason = "refuse.foreign_app"
	ReasonNewerVersion Reason = "refuse.newer_version"
	ReasonOlderUnknown Reason = "refuse.unknown_version"
	ReasonDamaged      Reason = "refuse.damaged"
	ReasonForeignObj   Reason = "refuse.foreign_object"
	ReasonSchema       Reason = "refuse.schema"
	ReasonContent      Reason = "refuse.content"
	ReasonUnreadable   Reason = "refuse.unreadable"
	ReasonForeignKey   Reason = "refuse.foreign_key"
	ReasonNotFinite    Reason = "refuse.not_finite"
	ReasonStrayWAL     Reason = "refuse.stray_wal"
)

// RefusedError reports a file that is not opened. Detail names what was found (a table, a
// column, the version) for the message and for support.
type RefusedError struct {
	Path   string
	Reason Reason
	Detail string
}

func (e *RefusedError) Error() string {
	if e.Detail == "" {
		return fmt.Sprintf("%s: %s", e.Path, e.Reason)
	}
	return fmt.Sprintf("%s: %s (%s)", e.Path, e.Reason, e.Detail)
}

// IsRefused reports whether err is a refused file and returns it.
func IsRefused(err error) (*RefusedError, bool) {
	var r *RefusedError
	ok := errors.As(err, &r)
	return r, ok
}

func refuse(path string, reason Reason, detail string, args ...any) error {
	if len(args) > 0 {
		detail = fmt.Sprintf(detail, args...)
	}
	return &RefusedError{Path: path, Reason: reason, Detail: detail}
}
