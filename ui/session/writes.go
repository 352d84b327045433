package session

import (
	"sync"
	"time"

	"schulit-lotse/domain"
	"schulit-lotse/internal/clock"
	"schulit-lotse/persistence"
)

// The write queue: every edit changes the model at once and hands its file write to the queue,
// which commits the writes one by one, in the order they came, one transaction each. In the GUI
// a single worker goroutine does that, so the UI goroutine never waits for the disk; the status
// bar asks SaveState whether writes are pending and when the last one reached the disk.
//
// When a write fails, the queue stops: the writes after it are dropped (they were made on a
// model the file never reached), Execute, Undo and Redo refuse, and the UI shows the error and
// calls Recover, which reloads the model from the file – the file holds every write the queue
// confirmed. Nothing confirmed is lost; the model never silently differs from the file.

// WriteMode says where a session's file writes run.
type WriteMode int

const (
	// WriteInline writes on the calling goroutine before the model changes, as the command line
	// does: a write error leaves model and file as they were.
	WriteInline WriteMode = iota
	// WriteBackground changes the model at once and commits in one worker goroutine, in order.
	WriteBackground
	// WriteOnFlush holds the writes until Flush runs them on the caller's goroutine (UI tests
	// that look at the state while writes are pending).
	WriteOnFlush
)

// WritesStoppedError wraps the error of a failed background write: edits are refused until
// Recover has reloaded the model from the file.
type WritesStoppedError struct{ Err error }

func (e WritesStoppedError) Error() string { return e.Err.Error() }
func (e WritesStoppedError) Unwrap() error { return e.Err }

// SaveState is what the status bar shows about the file.
type SaveState struct {
	Pending int       // writes queued or being committed
	Saved   time.Time // when the last write reached the disk (zero: none since the file opened)
	Err     error     // the write that failed; the queue holds until Recover
}

type fileWrite func(*persistence.File) error

type writeQueue struct {
	mu     sync.Mutex
	idle   *sync.Cond // signalled whenever a write ends or the worker stops
	mode   WriteMode
	file   *persistence.File
	clock  clock.Clock
	items  []fileWrite
	active int  // writes taken by the worker and not finished
	worker bool // a worker goroutine runs
	saved  time.Time
	err    error
	// notify is called after each background write, on the worker's goroutine; it must not block.
	notify func()
	// commit runs one write; tests replace it to make the queue fail or stop half-way.
	commit func(fileWrite, *persistence.File) error
}

func newWriteQueue(f *persistence.File) *writeQueue {
	q := &writeQueue{file: f, commit: func(w fileWrite, f *persistence.File) error { return w(f) }}
	if f != nil {
		q.clock = f.Clock()
	}
	q.idle = sync.NewCond(&q.mu)
	return q
}

// add queues w, or in WriteInline mode commits it now and returns its error.
func (q *writeQueue) add(w fileWrite) error {
	q.mu.Lock()
	if q.err != nil {
		defer q.mu.Unlock()
		return WritesStoppedError{q.err}
	}
	switch q.mode {
	case WriteInline:
		f := q.file
		q.mu.Unlock()
		if err := q.commit(w, f); err != nil {
			return err
		}
		q.mu.Lock()
		q.saved = q.clock.Now()
		q.mu.Unlock()
		return nil
	case WriteBackground:
		q.items = append(q.items, w)
		if !q.worker {
			q.worker = true
			go q.work()
		}
	default:
		q.items = append(q.items, w)
	}
	q.mu.Unlock()
	return nil
}

// work commits the queued writes in order until none is left or one fails.
func (q *writeQueue) work() {
	for q.next() {
	}
}

// next commits the oldest queued write; false when there was none (the worker then ends).
func (q *writeQueue) next() bool {
	q.mu.Lock()
	if len(q.items) == 0 || q.err != nil {
		q.worker = false
		q.idle.Broadcast()
		q.mu.Unlock()
		return false
	}
	w, f := q.items[0], q.file
	q.items[0] = nil
	q.items = q.items[1:]
	q.active++
	q.mu.Unlock()

	err := q.commit(w, f)

	q.mu.Lock()
	q.active--
	if err != nil {
		q.err, q.items = err, nil // the rest was made on a model the file never reached
	} else {
		q.saved = q.clock.Now()
	}
	notify := q.notify
	q.idle.Broadcast()
	q.mu.Unlock()
	if notify != nil {
		notify()
	}
	return true
}

// flush waits until every queued write is on disk or the queue stopped; WriteOnFlush runs them
// here.
func (q *writeQueue) flush() error {
	q.mu.Lock()
	if q.mode == WriteOnFlush {
		q.mu.Unlock()
		for q.next() {
		}
		q.mu.Lock()
	}
	for q.worker || q.active > 0 {
		q.idle.Wait()
	}
	defer q.mu.Unlock()
	if q.err != nil {
		return WritesStoppedError{q.err}
	}
	return nil
}

func (q *writeQueue) state() SaveState {
	q.mu.Lock()
	defer q.mu.Unlock()
	return SaveState{Pending: len(q.items) + q.active, Saved: q.saved, Err: q.err}
}

// WriteIn chooses where the session's writes run from now on (pending writes are committed
// first). notify, when not nil, is called after each background write on the writer's goroutine
// and must not block; the GUI hands the state change to its own goroutine there.
func (s *Session) WriteIn(mode WriteMode, notify func()) {
	_ = s.writes.flush()
	s.writes.mu.Lock()
	s.writes.mode, s.writes.notify = mode, notify
	s.writes.mu.Unlock()
}

// SaveState tells whether writes are pending, when the last one reached the disk and whether
// one failed. Safe on any goroutine.
func (s *Session) SaveState() SaveState { return s.writes.state() }

// Flush waits until every edit made so far is committed to the file: reads of the file whose
// answer depends on the edits, copies of the file and closing go through it first. It returns
// the failure when a write failed.
func (s *Session) Flush() error { return s.writes.flush() }

// write hands one file write to the queue. In WriteInline mode it is committed now and its
// error returned (the caller then leaves the model alone); otherwise the caller changes the
// model at once. What w captures must not be changed afterwards: it is read on the writer's
// goroutine.
func (s *Session) write(w fileWrite) error { return s.writes.add(w) }

// stopped is the failure that holds the queue, nil while writes go on.
func (s *Session) stopped() error {
	if err := s.writes.state().Err; err != nil {
		return WritesStoppedError{err}
	}
	return nil
}

// Recover follows a failed write: the model is loaded again from the file (which holds every
// write confirmed before the failure), the undo history is cleared (it described edits the file
// does not have) and the queue starts again. Call it on the UI goroutine.
func (s *Session) Recover() error {
	if err := s.Flush(); err == nil {
		return nil
	}
	var p *domain.Project
	var err error
	if s.Project.Stored != nil { // a model without the monitoring rows is loaded again without them
		p, _, err = s.File.LoadWithoutRows()
	} else {
		p, err = s.File.Load()
	}
	if err != nil {
		return err
	}
	p.CutLongTexts()
	*s.Project = *p // views hold the model's pointer
	s.undo, s.redo = nil, nil
	// What was read from the rows may describe writes the file never got: read it again.
	s.rowsRev++
	s.spanOK = false
	if p.Stored != nil {
		s.storedClasses = classesOf(p)
	}
	s.writes.mu.Lock()
	s.writes.err = nil
	s.writes.mu.Unlock()
	s.changed()
	return nil
}

// SaveAs writes the project, with every pending edit, to target and continues on the new file.
func (s *Session) SaveAs(target string) error {
	if err := s.Flush(); err != nil {
		return err
	}
	nf, err := s.File.SaveAs(target)
	if err != nil {
		return err
	}
	s.File = nf
	s.writes.mu.Lock()
	s.writes.file = nf
	s.writes.mu.Unlock()
	return nil
}

// rowOfProject is a deep copy of the parts of the project's own row, for a write that runs
// later on the writer's goroutine.
func rowOfProject(p *domain.Project) *domain.Project {
	row := domain.Project{Meta: p.Meta, Settings: p.Settings, Resource: p.Resource, Tender: p.Tender,
		Contract: p.Contract, Kickoff: p.Kickoff}
	return row.Clone()
}

// ReadFile runs read on the project file once every edit made so far is committed: the barrier
// for readers of the file (store queries, copies) whose answer depends on the edits. Safe on
// any goroutine; read must not write.
func (s *Session) ReadFile(read func(*persistence.File) error) error {
	if err := s.Flush(); err != nil {
		return err
	}
	s.writes.mu.Lock()
	f := s.writes.file
	s.writes.mu.Unlock()
	return read(f)
}
