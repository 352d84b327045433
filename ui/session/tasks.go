package session

import (
	"reflect"

	"schulit-lotse/domain"
	"schulit-lotse/persistence"
)

// AddTask appends a task (validated, committed, undoable) and returns its id.
func (s *Session) AddTask(t domain.Task) (int64, error) {
	if err := validTask(t, s.Project.Settings); err != nil {
		return 0, err
	}
	t.SortOrder = s.nextSortOrder()
	// The id is given here, not by the file, so that the model has it before the write is
	// committed; redo reuses it, so later commands still find the task.
	id := nextID(s.Project.Tasks, func(t domain.Task) int64 { return t.ID })
	t.ID = id
	err := s.Execute(Command{
		Name: "undo.add_task",
		Do:   func() error { return s.putTask(t) },
		Undo: func() error { return s.removeTask(id) },
	})
	return id, err
}

func (s *Session) nextSortOrder() int {
	return maxOrder(s.Project.Tasks, func(t domain.Task) int { return t.SortOrder }) + 1
}

// UpdateTask applies change to a copy of the task, validates and commits it; undo restores the
// previous values.
func (s *Session) UpdateTask(id int64, name string, change func(t *domain.Task)) error {
	i := s.Project.TaskIndex(id)
	if i < 0 {
		return errTaskGone
	}
	before := cloneTask(s.Project.Tasks[i])
	after := cloneTask(before)
	change(&after)
	after.ID = id
	if err := validTask(after, s.Project.Settings); err != nil {
		return err
	}
	if reflect.DeepEqual(before, after) {
		return nil // nothing changed: no commit, no empty undo step
	}
	return s.Execute(Command{
		Name: name,
		Do:   func() error { return s.putTask(after) },
		Undo: func() error { return s.putTask(before) },
	})
}

// DeleteTask removes a task; undo puts it back with the same id and place.
func (s *Session) DeleteTask(id int64) error {
	i := s.Project.TaskIndex(id)
	if i < 0 {
		return errTaskGone
	}
	saved := cloneTask(s.Project.Tasks[i])
	return s.Execute(Command{
		Name: "undo.delete_task",
		Do:   func() error { return s.removeTask(id) },
		Undo: func() error {
			if err := s.saveTask(saved); err != nil {
				return err
			}
			s.insertTaskAt(cloneTask(saved), i)
			return nil
		},
	})
}

// SetSettings changes the project settings (undoable).
func (s *Session) SetSettings(next domain.Settings) error {
	if err := domain.ValidateSettings(next); err != nil {
		return err
	}
	return setProjectRow(s, "undo.settings", &s.Project.Settings, next)
}

// SetMeta changes the project's name, Schulträger and Bundesland (undoable).
func (s *Session) SetMeta(next domain.Meta) error {
	if next.Name == "" {
		return domain.ErrProjectNameEmpty
	}
	return setProjectRow(s, "undo.meta", &s.Project.Meta, next)
}

// setProjectRow changes a part of the project's own row (its settings or meta data) to next as
// an undoable edit; a part that does not change makes no edit.
func setProjectRow[T comparable](s *Session, name string, part *T, next T) error {
	prev := *part
	if prev == next {
		return nil
	}
	apply := func(v T) func() error {
		return func() error {
			old := *part
			*part = v
			row := rowOfProject(s.Project)
			if err := s.write(func(f *persistence.File) error { return f.SaveProjectSettings(row) }); err != nil {
				*part = old
				return err
			}
			return nil
		}
	}
	return s.Execute(Command{Name: name, Do: apply(next), Undo: apply(prev)})
}

// saveTask hands the writer a copy of t of its own (SaveTask sets the id in what it is given).
func (s *Session) saveTask(t domain.Task) error {
	w := cloneTask(t)
	return s.write(func(f *persistence.File) error { return f.SaveTask(&w) })
}

func (s *Session) putTask(t domain.Task) error {
	t = cloneTask(t)
	if err := s.saveTask(t); err != nil {
		return err
	}
	if i := s.Project.TaskIndex(t.ID); i >= 0 {
		s.Project.Tasks[i] = t
	} else {
		s.Project.Tasks = append(s.Project.Tasks, t)
	}
	return nil
}

func (s *Session) removeTask(id int64) error {
	if err := s.write(func(f *persistence.File) error { return f.DeleteTask(id) }); err != nil {
		return err
	}
	if i := s.Project.TaskIndex(id); i >= 0 {
		s.Project.Tasks = append(s.Project.Tasks[:i], s.Project.Tasks[i+1:]...)
	}
	return nil
}

func (s *Session) insertTaskAt(t domain.Task, i int) {
	if i < 0 || i > len(s.Project.Tasks) {
		i = len(s.Project.Tasks)
	}
	s.Project.Tasks = append(s.Project.Tasks, domain.Task{})
	copy(s.Project.Tasks[i+1:], s.Project.Tasks[i:])
	s.Project.Tasks[i] = t
}

// cloneTask copies the pointer fields so that undo snapshots are not shared with the model.
func cloneTask(t domain.Task) domain.Task {
	t.Effort, t.ValidFrom, t.PackageID = clonePtr(t.Effort), clonePtr(t.ValidFrom), clonePtr(t.PackageID)
	return t
}

type sessionError string

func (e sessionError) Error() string { return string(e) }

const errTaskGone = sessionError("err.task.gone")

// validTask checks a task's rules and the plausibility of its effort.
func validTask(t domain.Task, st domain.Settings) error {
	if err := t.Validate(); err != nil {
		return err
	}
	if err := persistence.CheckFinite(t); err != nil {
		return err
	}
	return domain.PlausibleEffort(t, st)
}
