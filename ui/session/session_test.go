package session_test

import (
	"errors"
	"slices"
	"testing"

	"schulit-lotse/domain"
	"schulit-lotse/persistence"
	"schulit-lotse/ui/session"
	"schulit-lotse/ui/session/sessiontest"
)

func names(ts []domain.Task) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.Name
	}
	return out
}

// assertTasks checks the task names in the model and in the file.
func assertTasks(t *testing.T, s *session.Session, want ...string) {
	t.Helper()
	if got := names(s.Project.Tasks); !slices.Equal(got, want) {
		t.Errorf("model tasks = %q, want %q", got, want)
	}
	if got := names(stored(t, s).Tasks); !slices.Equal(got, want) {
		t.Errorf("file tasks = %q, want %q", got, want)
	}
}

func mustAdd(t *testing.T, s *session.Session, name string) int64 {
	t.Helper()
	id, err := s.AddTask(domain.Task{Name: name})
	if err != nil {
		t.Fatalf("add %q: %v", name, err)
	}
	return id
}

func TestAddTaskUndoRedoKeepsID(t *testing.T) {
	s := newSession(t)
	changes := 0
	s.OnChange(func() { changes++ })

	id := mustAdd(t, s, "IServ-Nutzer anlegen")
	if id == 0 {
		t.Fatal("AddTask returned id 0")
	}
	assertTasks(t, s, "IServ-Nutzer anlegen")
	if s.UndoName() != "undo.add_task" {
		t.Errorf("UndoName = %q", s.UndoName())
	}

	if err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	assertTasks(t, s)
	if !s.CanRedo() || s.CanUndo() {
		t.Errorf("after undo: CanUndo=%v CanRedo=%v", s.CanUndo(), s.CanRedo())
	}

	if err := s.Redo(); err != nil {
		t.Fatal(err)
	}
	assertTasks(t, s, "IServ-Nutzer anlegen")
	if got := s.Project.Tasks[0].ID; got != id {
		t.Errorf("redo gave id %d, want %d", got, id)
	}
	if got := stored(t, s).Tasks[0].ID; got != id {
		t.Errorf("file has id %d after redo, want %d", got, id)
	}
	if changes != 3 {
		t.Errorf("OnChange called %d times, want 3 (add, undo, redo)", changes)
	}
}

func TestAddTaskRejectsInvalidAndLeavesHistory(t *testing.T) {
	s := newSession(t)
	if _, err := s.AddTask(domain.Task{Name: "   "}); !errors.Is(err, domain.ErrTaskNameEmpty) {
		t.Errorf("empty name: err = %v", err)
	}
	bad := domain.Effort{Value: -3, Unit: domain.HoursPerMonth}
	if _, err := s.AddTask(domain.Task{Name: "X", Effort: &bad}); !errors.Is(err, domain.ErrEffortNegative) {
		t.Errorf("negative effort: err = %v", err)
	}
	assertTasks(t, s)
	if s.CanUndo() {
		t.Error("a refused add must not be undoable")
	}
}

func TestAddTaskAppendsInSortOrder(t *testing.T) {
	s := newSession(t)
	mustAdd(t, s, "A")
	mustAdd(t, s, "B")
	mustAdd(t, s, "C")
	if a, b, c := s.Project.Tasks[0].SortOrder, s.Project.Tasks[1].SortOrder, s.Project.Tasks[2].SortOrder; !(a < b && b < c) {
		t.Errorf("sort orders %d %d %d are not increasing", a, b, c)
	}
	assertTasks(t, s, "A", "B", "C")
}

func TestUpdateTaskUndoRedo(t *testing.T) {
	s := newSession(t)
	id := mustAdd(t, s, "Erstlöseversuche")
	err := s.UpdateTask(id, "undo.effort", func(x *domain.Task) {
		x.Effort = &domain.Effort{Value: 2, Unit: domain.HoursPerWeek}
		x.Responsible = "Lehrkraft"
	})
	if err != nil {
		t.Fatal(err)
	}
	check := func(wantResp string, wantEffort *domain.Effort) {
		t.Helper()
		for where, p := range map[string]*domain.Project{"model": s.Project, "file": stored(t, s)} {
			got := p.TaskByID(id)
			if got == nil {
				t.Fatalf("%s: task %d gone", where, id)
			}
			if got.Responsible != wantResp {
				t.Errorf("%s: responsible %q, want %q", where, got.Responsible, wantResp)
			}
			switch {
			case wantEffort == nil && got.Effort != nil:
				t.Errorf("%s: effort %+v, want none", where, *got.Effort)
			case wantEffort != nil && (got.Effort == nil || *got.Effort != *wantEffort):
				t.Errorf("%s: effort %v, want %+v", where, got.Effort, *wantEffort)
			}
		}
	}
	week := &domain.Effort{Value: 2, Unit: domain.HoursPerWeek}
	check("Lehrkraft", week)
	if s.UndoName() != "undo.effort" {
		t.Errorf("UndoName = %q", s.UndoName())
	}
	if err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	check("", nil)
	if err := s.Redo(); err != nil {
		t.Fatal(err)
	}
	check("Lehrkraft", week)
}

func TestUpdateTaskUndoSnapshotIsNotShared(t *testing.T) {
	s := newSession(t)
	id := mustAdd(t, s, "T")
	if err := s.UpdateTask(id, "e", func(x *domain.Task) { x.Effort = &domain.Effort{Value: 1, Unit: domain.HoursPerMonth} }); err != nil {
		t.Fatal(err)
	}
	if err := s.UpdateTask(id, "e", func(x *domain.Task) { x.Effort.Value = 5 }); err != nil {
		t.Fatal(err)
	}
	if err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	if got := s.Project.TaskByID(id).Effort.Value; got != 1 {
		t.Errorf("undo restored effort %v, want 1 (snapshot was aliased)", got)
	}
}

func TestUpdateTaskInvalidOrNoopChangesNothing(t *testing.T) {
	s := newSession(t)
	id := mustAdd(t, s, "T")
	err := s.UpdateTask(id, "e", func(x *domain.Task) { x.Effort = &domain.Effort{Value: -1, Unit: domain.HoursPerMonth} })
	if !errors.Is(err, domain.ErrEffortNegative) {
		t.Errorf("err = %v", err)
	}
	if s.Project.TaskByID(id).Effort != nil || stored(t, s).TaskByID(id).Effort != nil {
		t.Error("refused update changed the task")
	}
	if err := s.UpdateTask(id, "noop", func(x *domain.Task) { x.Name = "T" }); err != nil {
		t.Fatal(err)
	}
	if s.UndoName() != "undo.add_task" {
		t.Errorf("a no-op update was recorded: UndoName = %q", s.UndoName())
	}
	if err := s.UpdateTask(9999, "x", func(*domain.Task) {}); err == nil {
		t.Error("update of a missing task succeeded")
	}
}

func TestDeleteTaskUndoRestoresIDAndPlace(t *testing.T) {
	s := newSession(t)
	mustAdd(t, s, "A")
	id := mustAdd(t, s, "B")
	mustAdd(t, s, "C")
	if err := s.UpdateTask(id, "x", func(x *domain.Task) { x.Note = "Notiz"; x.Critical = true }); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteTask(id); err != nil {
		t.Fatal(err)
	}
	assertTasks(t, s, "A", "C")
	if err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	assertTasks(t, s, "A", "B", "C")
	for where, p := range map[string]*domain.Project{"model": s.Project, "file": stored(t, s)} {
		b := p.TaskByID(id)
		if b == nil || b.Note != "Notiz" || !b.Critical {
			t.Errorf("%s: restored task = %+v", where, b)
		}
	}
	if err := s.Redo(); err != nil {
		t.Fatal(err)
	}
	assertTasks(t, s, "A", "C")
	if err := s.DeleteTask(id); err == nil {
		t.Error("deleting a deleted task succeeded")
	}
}

func TestSetSettingsUndoRedo(t *testing.T) {
	s := newSession(t)
	id := mustAdd(t, s, "T")
	if err := s.UpdateTask(id, "p", func(x *domain.Task) { x.Priority = domain.Priority{Rank: 5} }); err != nil {
		t.Fatal(err)
	}
	next := s.Project.Settings
	next.PriorityMode = domain.PriorityMustNice
	next.HoursPerPersonDay = 7.8
	if err := s.SetSettings(next); err != nil {
		t.Fatal(err)
	}
	if got := stored(t, s).Settings; got != next {
		t.Errorf("file settings %+v, want %+v", got, next)
	}
	if err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	def := domain.DefaultSettings()
	if s.Project.Settings != def || stored(t, s).Settings != def {
		t.Errorf("after undo: model %+v file %+v, want %+v", s.Project.Settings, stored(t, s).Settings, def)
	}
	if err := s.Redo(); err != nil {
		t.Fatal(err)
	}
	if s.Project.Settings != next {
		t.Errorf("after redo: %+v", s.Project.Settings)
	}
	if got := stored(t, s).TaskByID(id).Priority.Rank; got != 5 {
		t.Errorf("switching the mode changed the stored rank to %d", got)
	}
	bad := next
	bad.HoursPerPersonDay = 0
	if err := s.SetSettings(bad); !errors.Is(err, domain.ErrHoursPerPersonDay) {
		t.Errorf("err = %v", err)
	}
	if s.Project.Settings != next {
		t.Error("refused settings changed the model")
	}
}

func TestSetMetaUndoRedo(t *testing.T) {
	s := newSession(t)
	before := s.Project.Meta
	next := before
	next.Name = "Medienentwicklung Musterstadt"
	next.Schultraeger = "Stadt Musterstadt"
	next.Bundesland = "BY"
	if err := s.SetMeta(next); err != nil {
		t.Fatal(err)
	}
	if got := stored(t, s).Meta; got.Name != next.Name || got.Schultraeger != next.Schultraeger || got.Bundesland != "BY" {
		t.Errorf("file meta %+v", got)
	}
	if err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	if got := stored(t, s).Meta; got.Name != before.Name || got.Schultraeger != before.Schultraeger || got.Bundesland != before.Bundesland {
		t.Errorf("after undo file meta %+v, want %+v", got, before)
	}
	if err := s.Redo(); err != nil {
		t.Fatal(err)
	}
	if s.Project.Meta.Name != next.Name {
		t.Errorf("after redo %q", s.Project.Meta.Name)
	}
	empty := next
	empty.Name = ""
	if err := s.SetMeta(empty); !errors.Is(err, domain.ErrProjectNameEmpty) {
		t.Errorf("err = %v", err)
	}
}

func TestNewEditClearsRedo(t *testing.T) {
	s := newSession(t)
	mustAdd(t, s, "A")
	if err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	mustAdd(t, s, "B")
	if s.CanRedo() {
		t.Error("redo survived a new edit")
	}
	if err := s.Redo(); !errors.Is(err, session.ErrNothingToUndo) {
		t.Errorf("Redo err = %v", err)
	}
	if err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	if err := s.Undo(); !errors.Is(err, session.ErrNothingToUndo) {
		t.Errorf("Undo on empty history err = %v", err)
	}
}

func TestHistoryIsBounded(t *testing.T) {
	s := newSession(t)
	id := mustAdd(t, s, "T")
	for i := 1; i <= 205; i++ {
		v := float64(i)
		if err := s.UpdateTask(id, "e", func(x *domain.Task) { x.Effort = &domain.Effort{Value: v, Unit: domain.HoursPerMonth} }); err != nil {
			t.Fatal(err)
		}
	}
	undone := 0
	for s.CanUndo() {
		if err := s.Undo(); err != nil {
			t.Fatal(err)
		}
		undone++
	}
	if undone != 200 {
		t.Errorf("could undo %d edits, want 200", undone)
	}
	// The oldest 6 edits (the add and efforts 1–5) stay committed: the effort is back at 5.
	if got := s.Project.TaskByID(id); got == nil || got.Effort == nil || got.Effort.Value != 5 {
		t.Errorf("after undoing everything: %+v", got)
	}
}

func TestSubscribeCancel(t *testing.T) {
	s := newSession(t)
	var a, b int
	cancelA := s.Subscribe(func() { a++ })
	s.Subscribe(func() { b++ })
	mustAdd(t, s, "X")
	cancelA()
	cancelA() // twice is harmless
	mustAdd(t, s, "Y")
	if a != 1 || b != 2 {
		t.Errorf("a=%d b=%d, want 1 and 2", a, b)
	}
}

func TestReadOnlyRefusesEdits(t *testing.T) {
	s := newSession(t)
	mustAdd(t, s, "A")
	ro := sessiontest.ReopenReadOnly(t, s)
	if !ro.ReadOnly() {
		t.Fatal("not read-only")
	}
	if _, err := ro.AddTask(domain.Task{Name: "B"}); !errors.Is(err, persistence.ErrReadOnly) {
		t.Errorf("add: err = %v", err)
	}
	id := ro.Project.Tasks[0].ID
	if err := ro.UpdateTask(id, "x", func(x *domain.Task) { x.Note = "n" }); !errors.Is(err, persistence.ErrReadOnly) {
		t.Errorf("update: err = %v", err)
	}
	if err := ro.DeleteTask(id); !errors.Is(err, persistence.ErrReadOnly) {
		t.Errorf("delete: err = %v", err)
	}
	if len(ro.Project.Tasks) != 1 || ro.Project.Tasks[0].Note != "" {
		t.Errorf("read-only model changed: %+v", ro.Project.Tasks)
	}
}

func TestEditsSurviveReopen(t *testing.T) {
	s := newSession(t)
	id := mustAdd(t, s, "Zuweisen von Updates im MDM")
	d := domain.NewDate(2025, 8, 1)
	if err := s.UpdateTask(id, "x", func(x *domain.Task) {
		x.IsNew = true
		x.ValidFrom = &d
		x.Effort = &domain.Effort{Value: 1.5, Unit: domain.PersonDaysPerMonth}
	}); err != nil {
		t.Fatal(err)
	}
	path := s.File.Path()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	re, err := session.Open(path, persistence.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer re.Close()
	got := re.Project.TaskByID(id)
	if got == nil || !got.IsNew || got.ValidFrom == nil || got.ValidFrom.String() != "2025-08-01" ||
		got.Effort == nil || *got.Effort != (domain.Effort{Value: 1.5, Unit: domain.PersonDaysPerMonth}) {
		t.Errorf("reopened task = %+v", got)
	}
	if h := got.HoursPerMonth(re.Project.Settings); h != 12 {
		t.Errorf("1.5 person-days at 8 h = %v h/month, want 12", h)
	}
}
