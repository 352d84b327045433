package session

import (
	"strings"

	"schulit-lotse/domain"
	"schulit-lotse/domain/kpi"
	"schulit-lotse/persistence"
)

// The raw monitoring rows (tickets, calls, survey answers) stay in the file: Open reads the
// project with File.LoadWithoutRows, so Project.Tickets, Calls and SurveyAnswers are empty and
// Project.Stored holds their counts. What the screens need of the rows they read here, from the
// store: KPIs through KPISource, the reach of the data through MonitoringSpan, one ticket or a
// page of them through the File.

// KPISource is where the KPIs of the open project find their rows: the project file. Background
// work computes with it (kpi.ComputeFrom on a Snapshot) and only reads from it; the edits made
// so far reach the file first (the write queue), so file and snapshot show the same project.
func (s *Session) KPISource() kpi.Source {
	_ = s.Flush() // a failed write is reported by the queue itself
	return s.File
}

// MonitoringSpan is the reach and the counts of the monitoring data in the file, read again
// when the rows may have changed: after an edit of rows (RowsRevision: an import, clearing,
// a deleted package, their undo and redo) or when the counts in Project.Stored changed. Other
// edits keep it (reading it scans the tickets: about 80 ms on the Landkreis).
func (s *Session) MonitoringSpan() (persistence.MonitoringSpan, error) {
	key := spanKey{rows: s.rowsRev}
	if s.Project != nil && s.Project.Stored != nil {
		key.counts = *s.Project.Stored
	}
	if s.spanOK && s.spanKey == key {
		return s.span, nil
	}
	if err := s.Flush(); err != nil { // a deleted package moves its tickets in the file
		return persistence.MonitoringSpan{}, err
	}
	span, err := s.File.MonitoringSpan()
	if err != nil {
		return span, err
	}
	s.span, s.spanKey, s.spanOK = span, key, true
	return span, nil
}

// spanKey says which state of the rows a MonitoringSpan was read for.
type spanKey struct {
	rows   uint64
	counts domain.MonitoringCounts
}

// RowsRevision counts the edits that changed monitoring rows in the file (imports, clearing
// them, deleting a package their tickets named) and their undo and redo: a view computed from
// the rows is stale when it changes.
func (s *Session) RowsRevision() uint64 { return s.rowsRev }

// rowEdits are the edits (by the prefix of their name) that change monitoring rows.
var rowEdits = []string{"undo.monitoring.import_", "undo.monitoring.clear_", "undo.board.delete_package"}

// noteEdit records what an edit, its undo or redo, changed of what the model does not hold:
// the rows (RowsRevision) and, with the SLA classes, the count of tickets outside them in
// Project.Stored. (The imports count their rows again themselves.)
func (s *Session) noteEdit(name string) {
	for _, prefix := range rowEdits {
		if strings.HasPrefix(name, prefix) {
			s.rowsRev++
			break
		}
	}
	if s.Project == nil || s.Project.Stored == nil {
		return
	}
	if classes := classesOf(s.Project); classes != s.storedClasses {
		s.refreshStored(classes)
	}
}

// classesOf names the SLA classes the tickets outside classes are counted against.
func classesOf(p *domain.Project) string { return strings.Join(p.ClassCodes(), "\x00") }

// refreshStored counts the rows in the file again (the tickets outside the SLA classes depend
// on the classes). A file that cannot be read keeps the old counts; the next read of the rows
// reports the error.
func (s *Session) refreshStored(classes string) {
	if s.Flush() != nil {
		return
	}
	o, err := s.File.MonitoringOverview(s.Project)
	if err != nil {
		return
	}
	counts := o.MonitoringCounts
	s.Project.Stored = &counts
	s.storedClasses = classes
}
