package session_test

import (
	"testing"

	"schulit-lotse/domain"
)

// An effort above what a month holds is refused when added, edited or imported, and nothing
// changes.
func TestImplausibleEffortRefused(t *testing.T) {
	s := newSession(t)
	n := len(s.Project.Tasks)
	big := &domain.Effort{Value: 99999, Unit: domain.HoursPerMonth}
	if _, err := s.AddTask(domain.Task{Name: "Tippfehler", Effort: big}); err != domain.ErrEffortImplausible {
		t.Errorf("add: %v", err)
	}
	if err := s.ImportTasks([]domain.Task{{Name: "Import", Effort: big}}); err != domain.ErrEffortImplausible {
		t.Errorf("import: %v", err)
	}
	id, err := s.AddTask(domain.Task{Name: "Normal", Effort: &domain.Effort{Value: 2, Unit: domain.HoursPerMonth}})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.UpdateTask(id, "undo.task.effort", func(x *domain.Task) { x.Effort = big }); err != domain.ErrEffortImplausible {
		t.Errorf("edit: %v", err)
	}
	if len(s.Project.Tasks) != n+1 || s.Project.TaskByID(id).Effort.Value != 2 {
		t.Errorf("tasks after refusals: %+v", s.Project.Tasks)
	}
}
