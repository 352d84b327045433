package session

import (
	"cmp"
	"reflect"

	"schulit-lotse/domain"
	"schulit-lotse/persistence"
)

// Edits of steps 3 and 4: the board (packages and the cards in them), the requirement list and
// the coverage of each task. Every edit is one undoable step; model and file change together.

// ApplyBoard commits a board change — new versions of tasks and packages — as one undoable edit.
// An empty change does nothing.
func (s *Session) ApplyBoard(name string, c domain.BoardChange) error {
	if c.Empty() {
		return nil
	}
	after := domain.BoardChange{}
	before := domain.BoardChange{}
	for _, t := range c.Tasks {
		if err := cmp.Or(t.Validate(), persistence.CheckFinite(t)); err != nil {
			return err
		}
		old := s.Project.TaskByID(t.ID)
		if old == nil {
			return errTaskGone
		}
		before.Tasks = append(before.Tasks, cloneTask(*old))
		after.Tasks = append(after.Tasks, cloneTask(t))
	}
	for _, pk := range c.Packages {
		if err := cmp.Or(pk.Validate(), persistence.CheckFinite(pk)); err != nil {
			return err
		}
		if err := domain.CheckPackageName(s.Project, pk.ID, pk.Name); err != nil {
			return err
		}
		old := s.Project.PackageByID(pk.ID)
		if old == nil {
			return domain.ErrPackageGone
		}
		before.Packages = append(before.Packages, *old)
		after.Packages = append(after.Packages, pk)
	}
	return s.Execute(Command{
		Name: name,
		Do:   func() error { return s.putBoard(after) },
		Undo: func() error { return s.putBoard(before) },
	})
}

func (s *Session) putBoard(c domain.BoardChange) error {
	if err := s.write(func(f *persistence.File) error { return f.SaveBoard(c.Tasks, c.Packages) }); err != nil {
		return err
	}
	for _, t := range c.Tasks {
		if i := s.Project.TaskIndex(t.ID); i >= 0 {
			s.Project.Tasks[i] = cloneTask(t)
		}
	}
	for _, pk := range c.Packages {
		if i := s.packageIndex(pk.ID); i >= 0 {
			s.Project.Packages[i] = pk
		}
	}
	return nil
}

func (s *Session) packageIndex(id int64) int {
	for i := range s.Project.Packages {
		if s.Project.Packages[i].ID == id {
			return i
		}
	}
	return -1
}

// UpdateTasks stores new versions of several tasks as one undoable edit (coverage of a
// selection, for example).
func (s *Session) UpdateTasks(name string, tasks []domain.Task) error {
	var changed []domain.Task
	for _, t := range tasks {
		if old := s.Project.TaskByID(t.ID); old != nil && tasksEqual(*old, t) {
			continue
		}
		changed = append(changed, t)
	}
	return s.ApplyBoard(name, domain.BoardChange{Tasks: changed})
}

// AddPackage creates a package together with the cards planned for it (their PackageID is set
// to the new id) and returns the id. Undo removes the package and puts the cards back where
// they were; redo reuses the id.
func (s *Session) AddPackage(plan domain.NewPackagePlan) (int64, error) {
	pk := plan.Package
	pk.ID = 0
	if err := cmp.Or(pk.Validate(), persistence.CheckFinite(pk)); err != nil {
		return 0, err
	}
	if err := domain.CheckPackageName(s.Project, 0, pk.Name); err != nil {
		return 0, err
	}
	var before []domain.Task
	for _, t := range plan.Tasks {
		if err := cmp.Or(t.Validate(), persistence.CheckFinite(t)); err != nil {
			return 0, err
		}
		old := s.Project.TaskByID(t.ID)
		if old == nil {
			return 0, errTaskGone
		}
		before = append(before, cloneTask(*old))
	}
	// The id is given here, not by the file, so that the model has it before the write is
	// committed; redo reuses it.
	id := nextID(s.Project.Packages, func(p domain.Package) int64 { return p.ID })
	err := s.Execute(Command{
		Name: "undo.board.add_package",
		Do: func() error {
			np := pk
			np.ID = id
			tasks := make([]domain.Task, len(plan.Tasks))
			for i, t := range plan.Tasks {
				tasks[i] = cloneTask(t)
				tasks[i].PackageID = clonePtr(&id)
			}
			// The writer gets copies of its own: SavePackage sets ids in what it is given.
			wp, written := np, mapClone(tasks, cloneTask)
			if err := s.write(func(f *persistence.File) error { return f.SavePackage(&wp, written) }); err != nil {
				return err
			}
			s.Project.Packages = append(s.Project.Packages, np)
			for _, t := range tasks {
				if i := s.Project.TaskIndex(t.ID); i >= 0 {
					s.Project.Tasks[i] = t
				}
			}
			return nil
		},
		Undo: func() error {
			if err := s.write(func(f *persistence.File) error { return f.DeletePackage(id, before) }); err != nil {
				return err
			}
			s.dropPackage(id)
			for _, t := range before {
				if i := s.Project.TaskIndex(t.ID); i >= 0 {
					s.Project.Tasks[i] = cloneTask(t)
				}
			}
			return nil
		},
	})
	return id, err
}

// UpdatePackage applies change to a copy of the package (name, colour, target state, criteria,
// area), checks it and commits it; undo restores the previous values.
func (s *Session) UpdatePackage(id int64, name string, change func(pk *domain.Package)) error {
	old := s.Project.PackageByID(id)
	if old == nil {
		return domain.ErrPackageGone
	}
	next := *old
	change(&next)
	next.ID = id
	if next == *old {
		return nil
	}
	return s.ApplyBoard(name, domain.BoardChange{Packages: []domain.Package{next}})
}

// DeletePackage removes a package: its cards go back to the pile, its sourcing decision is
// removed and SLAs or tickets that named it no longer do. Undo restores all of it.
func (s *Session) DeletePackage(id int64) error {
	pi := s.packageIndex(id)
	if pi < 0 {
		return domain.ErrPackageGone
	}
	rm := persistence.PackageRemoval{Package: s.Project.Packages[pi]}
	for _, t := range s.Project.Tasks {
		if t.PackageID != nil && *t.PackageID == id {
			rm.Tasks = append(rm.Tasks, t.ID)
		}
	}
	for _, d := range s.Project.Decisions {
		if d.PackageID == id {
			rm.Decisions = append(rm.Decisions, d)
		}
	}
	for _, sla := range s.Project.SLAs {
		if sla.PackageID != nil && *sla.PackageID == id {
			rm.SLAs = append(rm.SLAs, sla.ID)
		}
	}
	// The tickets stay in the file: the store names those that undo assigns to the package again
	// (once the queued edits are in the file – an earlier delete or its undo moves them).
	if err := s.Flush(); err != nil {
		return err
	}
	tickets, err := s.File.TicketsOfPackage(id)
	if err != nil {
		return err
	}
	rm.Tickets = tickets
	for _, a := range s.Project.RaciActivities {
		if a.PackageID != nil && *a.PackageID == id {
			rm.Activities = append(rm.Activities, a.ID)
		}
	}
	return s.Execute(Command{
		Name: "undo.board.delete_package",
		Do: func() error {
			if err := s.write(func(f *persistence.File) error { return f.DeletePackage(id, nil) }); err != nil {
				return err
			}
			s.dropPackage(id)
			return nil
		},
		Undo: func() error {
			if err := s.write(func(f *persistence.File) error { return f.RestorePackage(rm) }); err != nil {
				return err
			}
			s.restorePackage(rm, pi)
			return nil
		},
	})
}

// dropPackage removes a package and every reference to it from the model, as the file does.
func (s *Session) dropPackage(id int64) {
	if i := s.packageIndex(id); i >= 0 {
		s.Project.Packages = append(s.Project.Packages[:i:i], s.Project.Packages[i+1:]...)
	}
	for i := range s.Project.Tasks {
		if t := &s.Project.Tasks[i]; t.PackageID != nil && *t.PackageID == id {
			t.PackageID = nil
		}
	}
	kept := s.Project.Decisions[:0:0]
	for _, d := range s.Project.Decisions {
		if d.PackageID != id {
			kept = append(kept, d)
		}
	}
	s.Project.Decisions = kept
	for i := range s.Project.SLAs {
		if sla := &s.Project.SLAs[i]; sla.PackageID != nil && *sla.PackageID == id {
			sla.PackageID = nil
		}
	}
	for i := range s.Project.Tickets {
		if tk := &s.Project.Tickets[i]; tk.PackageID != nil && *tk.PackageID == id {
			tk.PackageID = nil
		}
	}
	for i := range s.Project.RaciActivities {
		if a := &s.Project.RaciActivities[i]; a.PackageID != nil && *a.PackageID == id {
			a.PackageID = nil
		}
	}
}

func (s *Session) restorePackage(rm persistence.PackageRemoval, at int) {
	id := rm.Package.ID
	ps := s.Project.Packages
	if at < 0 || at > len(ps) {
		at = len(ps)
	}
	ps = append(ps, domain.Package{})
	copy(ps[at+1:], ps[at:])
	ps[at] = rm.Package
	s.Project.Packages = ps
	ref := func() *int64 { v := id; return &v }
	tasks, slas, tickets, acts := idSet(rm.Tasks), idSet(rm.SLAs), idSet(rm.Tickets), idSet(rm.Activities)
	for i := range s.Project.RaciActivities {
		if acts[s.Project.RaciActivities[i].ID] {
			s.Project.RaciActivities[i].PackageID = ref()
		}
	}
	for i := range s.Project.Tasks {
		if tasks[s.Project.Tasks[i].ID] {
			s.Project.Tasks[i].PackageID = ref()
		}
	}
	for i := range s.Project.SLAs {
		if slas[s.Project.SLAs[i].ID] {
			s.Project.SLAs[i].PackageID = ref()
		}
	}
	if len(tickets) > 0 {
		for i := range s.Project.Tickets {
			if tickets[s.Project.Tickets[i].ID] {
				s.Project.Tickets[i].PackageID = ref()
			}
		}
	}
	s.Project.Decisions = upsertByID(s.Project.Decisions, rm.Decisions, nil, decisionID)
}

// SetCoverage sets the step-4 state and new responsible party of several tasks as one undoable
// edit. The rules of domain.SetCoverage apply to each; the first refusal refuses all.
func (s *Session) SetCoverage(ids []int64, c domain.Coverage, newResponsible string) error {
	var tasks []domain.Task
	for _, id := range ids {
		old := s.Project.TaskByID(id)
		if old == nil {
			return errTaskGone
		}
		t, err := domain.SetCoverage(cloneTask(*old), c, newResponsible)
		if err != nil {
			return err
		}
		tasks = append(tasks, t)
	}
	return s.UpdateTasks("undo.coverage", tasks)
}

// SetWorkloadSettings stores the workload limits of step 4 (undoable).
func (s *Session) SetWorkloadSettings(w domain.WorkloadSettings) error {
	if err := w.Validate(); err != nil {
		return err
	}
	if len(w.Limits) == 0 && w.DefaultLimit == 0 {
		return s.SetConfig(domain.ConfigWorkload, "")
	}
	return s.SetConfig(domain.ConfigWorkload, w.JSON())
}

func tasksEqual(a, b domain.Task) bool { return reflect.DeepEqual(a, b) }
