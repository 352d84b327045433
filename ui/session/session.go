// Package session is the open project as the UI sees it: the domain model, the file it is
// committed to, undo/redo and change notification. Widgets read from here; no state that
// matters lives in a widget. Background work reads Snapshot(), never the live model.
//
// Every edit is a Command whose Do and Undo commit one change to the file – through the write
// queue of writes.go: inline before the model changes, or in the GUI in a background worker
// after the model changed at once. The changes come in
// one shape per room – rows to put (ids set by the caller, so undo and redo restore the same
// ids) and ids to delete, committed in one transaction; the session builds each change and its
// inverse, so undo is the same call:
//
//	change                       steps   built by                  committed by
//	domain.BoardChange           3, 4    domain board rules        File.SaveBoard (session/packages.go)
//	persistence.ResourceChange   5, 6    session/resources.go      File.WriteResources
//	persistence.AwardChange      7–9     session/award.go          File.SaveAward
//	persistence.StructureChange  10, 11  session/structure.go      File.ApplyStructure
//	persistence.MonitoringChange 12      session/monitoring.go     File.ApplyMonitoring
//
// The four persistence changes share the row plumbing of session/rows.go: commitEdit records a
// change with its inverse as one Command (commitChange, for structure and monitoring, first
// drops an empty change and copies the caller's); invert derives the inverse of an award,
// structure or monitoring change from the model before the edit (a resource edit states its
// inverse, the plan being one value); upsert/upsertByID mirror a committed change in the model
// in the order Load gives.
//
// Tasks (steps 1 and 2), the settings, the meta data and config entries are edited one row at a
// time (session/tasks.go, session/config.go); task imports (session/import.go) and imports of
// tickets, calls and answers (StoreImport and CommitImport, session/monitoring.go) are Commands
// of their own.
package session

import (
	"errors"
	"sync/atomic"
	"time"

	"schulit-lotse/domain"
	"schulit-lotse/persistence"
)

// Command is one undoable edit. Do and Undo change the model and commit to the file; each
// must leave both unchanged when it returns an error.
type Command struct {
	Name string // translation key of what the edit did, for the undo menu
	Do   func() error
	Undo func() error
}

// Session is one open project.
type Session struct {
	File    *persistence.File
	Project *domain.Project

	undo, redo []Command
	listeners  []*listener
	writes     *writeQueue // the file writes of the edits, in order (writes.go)
	// storing counts the imports (and deletions of imported data) being stored on another
	// goroutine: undo and redo, which could take back the very rows being replaced, wait.
	storing atomic.Int32

	// revision counts the changes of the model; snap is the copy Snapshot handed out for it.
	revision uint64
	snap     *domain.Project
	snapRev  uint64

	// rowsRev counts the edits of monitoring rows (stored.go); span is the file's MonitoringSpan
	// for spanKey; storedClasses are the SLA classes Project.Stored was counted against.
	rowsRev       uint64
	span          persistence.MonitoringSpan
	spanKey       spanKey
	spanOK        bool
	storedClasses string
}

// Revision counts the changes of the project since the session opened: edits, undo, redo and
// imports. Equal revisions mean an equal model.
func (s *Session) Revision() uint64 { return s.revision }

// Snapshot is an immutable deep copy of the project at the current revision, safe to read on
// any goroutine while the session goes on changing its model. Callers must not change it; the
// same copy is handed out until the next change.
func (s *Session) Snapshot() *domain.Project {
	if s.snap == nil || s.snapRev != s.revision {
		s.snap, s.snapRev = s.Project.Clone(), s.revision
	}
	return s.snap
}

// listener is boxed so that Subscribe can find and remove exactly the one it added.
type listener struct{ fn func() }

// maxUndo bounds the history; older edits stay committed, they just cannot be undone.
const maxUndo = 200

// Now is the time of the session's clock (the one its file was opened with).
func (s *Session) Now() time.Time { return s.File.Clock().Now() }

// Today is the day the project's dates are judged on and new entries are dated with: its
// "Stand der Daten" when one is recorded, else today in Berlin.
func (s *Session) Today() domain.Date { return s.Project.AsOf(s.Now()) }

// New wraps an open file and its loaded project.
func New(f *persistence.File, p *domain.Project) *Session {
	if p != nil {
		p.CutLongTexts() // over-long texts of older or foreign files: shown shortened, with a finding
	}
	s := &Session{File: f, Project: p, writes: newWriteQueue(f)}
	if p != nil && p.Stored != nil {
		s.storedClasses = classesOf(p)
	}
	return s
}

// Open opens and loads a project file.
func Open(path string, opt persistence.OpenOptions) (*Session, error) {
	return load(persistence.Open(path, opt))
}

// Create writes a new project file holding p and opens it.
func Create(path string, p *domain.Project, opt persistence.OpenOptions) (*Session, error) {
	return load(persistence.Create(path, p, opt))
}

// load loads the project of a file just opened or created without its monitoring rows (they
// stay in the file, see stored.go); on an error the file is closed.
func load(f *persistence.File, err error) (*Session, error) {
	if err != nil {
		return nil, err
	}
	p, _, err := f.LoadWithoutRows()
	if err != nil {
		f.Close()
		return nil, err
	}
	return New(f, p), nil
}

// ReadOnly reports whether edits are refused.
func (s *Session) ReadOnly() bool { return s.File.ReadOnly() }

// OnChange registers a function called after every edit, undo and redo.
func (s *Session) OnChange(fn func()) { s.Subscribe(fn) }

// Subscribe is OnChange for views that go away: the returned function unregisters fn.
func (s *Session) Subscribe(fn func()) (cancel func()) {
	l := &listener{fn: fn}
	s.listeners = append(s.listeners, l)
	return func() {
		for i, x := range s.listeners {
			if x == l {
				s.listeners = append(s.listeners[:i:i], s.listeners[i+1:]...)
				return
			}
		}
	}
}

func (s *Session) changed() {
	s.revision++
	// A listener may unsubscribe while we notify: iterate over a snapshot.
	for _, l := range append([]*listener(nil), s.listeners...) {
		l.fn()
	}
}

// Execute runs an edit and records it for undo.
func (s *Session) Execute(c Command) error {
	if s.ReadOnly() {
		return persistence.ErrReadOnly
	}
	if err := s.stopped(); err != nil {
		return err
	}
	if err := c.Do(); err != nil {
		return err
	}
	s.undo = append(s.undo, c)
	if len(s.undo) > maxUndo {
		s.undo = s.undo[len(s.undo)-maxUndo:]
	}
	s.redo = nil
	s.noteEdit(c.Name)
	s.changed()
	return nil
}

// ErrNothingToUndo is returned when the history is empty.
var ErrNothingToUndo = errors.New("nothing to undo")

// CanUndo and CanRedo tell the menu what is possible.
func (s *Session) CanUndo() bool { return len(s.undo) > 0 }
func (s *Session) CanRedo() bool { return len(s.redo) > 0 }

// UndoName is the translation key of the edit Undo would revert ("" when none).
func (s *Session) UndoName() string { return lastName(s.undo) }

// RedoName is the translation key of the edit Redo would repeat ("" when none).
func (s *Session) RedoName() string { return lastName(s.redo) }

func lastName(history []Command) string {
	if len(history) == 0 {
		return ""
	}
	return history[len(history)-1].Name
}

// Undo reverts the last edit.
func (s *Session) Undo() error {
	return s.replay(&s.undo, &s.redo, func(c Command) error { return c.Undo() })
}

// Redo repeats the last undone edit.
func (s *Session) Redo() error {
	return s.replay(&s.redo, &s.undo, func(c Command) error { return c.Do() })
}

// replay runs the newest command of from and, when it succeeds, moves it over to to.
func (s *Session) replay(from, to *[]Command, run func(Command) error) error {
	if s.storing.Load() > 0 {
		return errStoring
	}
	if len(*from) == 0 {
		return ErrNothingToUndo
	}
	if err := s.stopped(); err != nil {
		return err
	}
	c := (*from)[len(*from)-1]
	if err := run(c); err != nil {
		return err
	}
	*from = (*from)[:len(*from)-1]
	*to = append(*to, c)
	s.noteEdit(c.Name)
	s.changed()
	return nil
}

// Close commits every pending write, then releases the file and its lock. A failed write is
// returned; the file keeps what was committed before it.
func (s *Session) Close() error {
	err := s.Flush()
	if cerr := s.File.Close(); err == nil {
		err = cerr
	}
	return err
}
