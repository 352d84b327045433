package session

import (
	"schulit-lotse/domain"
	"schulit-lotse/persistence"
)

// ImportTasks appends imported tasks in one commit; undo removes them all again. The tasks get
// ids and rows after the project's last ones.
func (s *Session) ImportTasks(ts []domain.Task) error {
	if len(ts) == 0 {
		return nil
	}
	for _, t := range ts {
		if err := validTask(t, s.Project.Settings); err != nil {
			return err
		}
	}
	var maxID int64
	maxOrder := 0
	for _, t := range s.Project.Tasks {
		maxID, maxOrder = max(maxID, t.ID), max(maxOrder, t.SortOrder)
	}
	added := make([]domain.Task, len(ts))
	ids := make([]int64, len(ts))
	for i, t := range ts {
		t = cloneTask(t)
		t.ID, t.SortOrder = maxID+int64(i)+1, maxOrder+i+1
		added[i], ids[i] = t, t.ID
	}
	return s.Execute(Command{
		Name: "undo.import_tasks",
		Do: func() error {
			if err := s.write(func(f *persistence.File) error { return f.SaveTasks(added) }); err != nil {
				return err
			}
			for _, t := range added {
				s.Project.Tasks = append(s.Project.Tasks, cloneTask(t))
			}
			return nil
		},
		Undo: func() error {
			if err := s.write(func(f *persistence.File) error { return f.DeleteTasks(ids) }); err != nil {
				return err
			}
			gone := idSet(ids)
			kept := s.Project.Tasks[:0]
			for _, t := range s.Project.Tasks {
				if !gone[t.ID] {
					kept = append(kept, t)
				}
			}
			s.Project.Tasks = kept
			return nil
		},
	})
}
