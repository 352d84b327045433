// Package session is the open project as the UI sees it: the domain model, the file it is
// committed to, undo/redo and change notification. Widgets read from here; no state that
// matters lives in a widget.
package session

import (
	"time"

	"errors"

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
	return &Session{File: f, Project: p}
}

// Open opens and loads a project file.
func Open(path string, opt persistence.OpenOptions) (*Session, error) {
	f, err := persistence.Open(path, opt)
	if err != nil {
		return nil, err
	}
	p, err := f.Load()
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
	if err := c.Do(); err != nil {
		return err
	}
	s.undo = append(s.undo, c)
	if len(s.undo) > maxUndo {
		s.undo = s.undo[len(s.undo)-maxUndo:]
	}
	s.redo = nil
	s.changed()
	return nil
}

// ErrNothingToUndo is returned when the history is empty.
var ErrNothingToUndo = errors.New("nothing to undo")

// CanUndo and CanRedo tell the menu what is possible.
func (s *Session) CanUndo() bool { return len(s.undo) > 0 }
func (s *Session) CanRedo() bool { return len(s.redo) > 0 }

// UndoName is the translation key of the edit Undo would revert ("" when none).
func (s *Session) UndoName() string {
	if len(s.undo) == 0 {
		return ""
	}
	return s.undo[len(s.undo)-1].Name
}

// Undo reverts the last edit.
func (s *Session) Undo() error {
	if len(s.undo) == 0 {
		return ErrNothingToUndo
	}
	c := s.undo[len(s.undo)-1]
	if err := c.Undo(); err != nil {
		return err
	}
	s.undo = s.undo[:len(s.undo)-1]
	s.redo = append(s.redo, c)
	s.changed()
	return nil
}

// Redo repeats the last undone edit.
func (s *Session) Redo() error {
	if len(s.redo) == 0 {
		return ErrNothingToUndo
	}
	c := s.redo[len(s.redo)-1]
	if err := c.Do(); err != nil {
		return err
	}
	s.redo = s.redo[:len(s.redo)-1]
	s.undo = append(s.undo, c)
	s.changed()
	return nil
}

// Close releases the file.
func (s *Session) Close() error { return s.File.Close() }
