package session

import (
	"slices"
	"time"

	"schulit-lotse/domain"
	"schulit-lotse/persistence"
)

// Edits of step 12: imports of tickets, calls and survey answers (large, stored off the UI
// goroutine, then recorded as one undoable edit) and the Jour-fixe minutes, measures and
// knowledge checks (row edits with their inverse).

const (
	errMonitoringGone = sessionError("err.monitoring.gone")
	// errStoring refuses undo and redo while an import is being stored.
	errStoring = sessionError("err.monitoring.storing")
)

// Kinds of monitoring imports.
const (
	ImportTickets = persistence.ImportTickets
	ImportCalls   = persistence.ImportCalls
	ImportSurvey  = persistence.ImportSurvey
)

// MonitoringImport is a file read, checked and mapped, ready to be stored.
type MonitoringImport struct {
	Kind    string
	Tickets []domain.Ticket
	Calls   []domain.Call
	Answers []domain.SurveyAnswer
	// First and Last bound the calls or answers of the file; Questions are the survey's.
	First, Last time.Time
	Questions   []string
	// Config is saved with the rows: the mapping used ("" removes a key).
	Config map[string]string
}

// PendingImport is an import stored in the file but not yet in the model and the undo history;
// CommitImport finishes it on the UI goroutine. It holds no rows: undo and redo go through the
// file by the import's id (persistence.File.UndoImport, RedoImport).
type PendingImport struct {
	imp                       persistence.Import
	configBefore, configAfter map[string]string
	view                      monitoringView // the model's view of the file after the import
}

// Count is the number of rows the kind holds after the import.
func (p *PendingImport) Count() int { return p.imp.Total }

// monitoringView is what the model shows of one kind of monitoring rows: the counts of the
// store (Project.Stored) when the rows stay in the file, else the rows of the kind.
type monitoringView struct {
	kind    string
	stored  *domain.MonitoringCounts
	tickets []domain.Ticket
	calls   []domain.Call
	answers []domain.SurveyAnswer
}

// readView reads what the model shows of kind from the file. It only reads the model, so it
// may run off the UI goroutine.
func (s *Session) readView(kind string) (monitoringView, error) {
	v := monitoringView{kind: kind}
	var err error
	switch {
	case s.Project.Stored != nil:
		var o persistence.MonitoringOverview
		if o, err = s.File.MonitoringOverview(s.Project); err == nil {
			v.stored = &o.MonitoringCounts
		}
	case kind == ImportTickets:
		v.tickets, err = s.File.LoadTickets()
	case kind == ImportCalls:
		v.calls, err = s.File.LoadCalls()
	default:
		v.answers, err = s.File.LoadSurveyAnswers()
	}
	return v, err
}

// apply puts the view and the configuration into the model.
func (s *Session) apply(v monitoringView, cfg map[string]string) {
	setConfig(s.Project, cfg)
	switch {
	case v.stored != nil:
		s.Project.Stored = v.stored
		s.storedClasses = classesOf(s.Project) // counted against them (stored.go)
	case v.kind == ImportTickets:
		s.Project.Tickets = v.tickets
	case v.kind == ImportCalls:
		s.Project.Calls = v.calls
	default:
		s.Project.SurveyAnswers = v.answers
	}
}

// StoreImport writes an import to the file in one transaction. It is slow for big files and
// may run on another goroutine while the UI shows its progress and takes no other edits; it
// reads the model but does not change it.
func (s *Session) StoreImport(imp MonitoringImport, progress persistence.Progress) (*PendingImport, error) {
	if s.ReadOnly() {
		return nil, persistence.ErrReadOnly
	}
	s.storing.Add(1)
	defer s.storing.Add(-1)
	// The import writes the file directly, after every edit still queued (writes.go).
	if err := s.Flush(); err != nil {
		return nil, err
	}
	f := s.File
	var stored persistence.Import
	var err error
	switch imp.Kind {
	case ImportTickets:
		stored, err = f.UpsertTickets(imp.Tickets, imp.Config, progress)
	case ImportCalls:
		stored, err = f.ReplaceCallsBetween(imp.First, imp.Last, imp.Calls, imp.Config, progress)
	case ImportSurvey:
		stored, err = f.ReplaceAnswersBetween(imp.First, imp.Last, imp.Questions, imp.Answers, imp.Config, progress)
	default:
		return nil, errMonitoringGone
	}
	if err != nil {
		return nil, err
	}
	return s.pending(stored, imp.Config)
}

// pending reads the model's view of an import just stored.
func (s *Session) pending(stored persistence.Import, cfg map[string]string) (*PendingImport, error) {
	p := &PendingImport{imp: stored, configBefore: map[string]string{}, configAfter: map[string]string{}}
	for k, v := range cfg {
		p.configBefore[k] = s.Project.Config[k]
		p.configAfter[k] = v
	}
	var err error
	p.view, err = s.readView(stored.Kind)
	return p, err
}

// CommitImport puts a stored import into the model and the undo history (UI goroutine). Undo
// takes the import back in the file by its id and restores the configuration as it was.
func (s *Session) CommitImport(p *PendingImport) error {
	stored := true // the first Do only updates the model: the file has it already
	name := "undo.monitoring.import_" + p.imp.Kind
	if p.Count() == 0 {
		name = "undo.monitoring.clear_" + p.imp.Kind
	}
	// A model without the rows (the GUI) knows what it shows before and after the import: the
	// counts now and those the import read back. Undo and redo then change the model at once and
	// hand the swap in the file to the write queue like every other edit (the history is linear,
	// so when the import is undone the model is as it was before it).
	var countsBefore, countsAfter *domain.MonitoringCounts
	if s.Project.Stored != nil && p.view.stored != nil {
		b, a := *s.Project.Stored, *p.view.stored
		countsBefore, countsAfter = &b, &a
	}
	swap := func(file func(*persistence.File, int64) error, counts *domain.MonitoringCounts, cfg map[string]string) error {
		if counts != nil {
			if err := s.write(func(f *persistence.File) error { return file(f, p.imp.ID) }); err != nil {
				return err
			}
			c := *counts
			s.apply(monitoringView{kind: p.imp.Kind, stored: &c}, cfg)
			return nil
		}
		// A model with the rows reads them back from the file at once: after every edit still
		// queued (writes.go).
		if err := s.Flush(); err != nil {
			return err
		}
		if err := file(s.File, p.imp.ID); err != nil {
			return err
		}
		v, err := s.readView(p.imp.Kind)
		if err != nil {
			return err
		}
		s.apply(v, cfg)
		return nil
	}
	return s.Execute(Command{
		Name: name,
		Do: func() error {
			if !stored {
				return swap((*persistence.File).RedoImport, countsAfter, p.configAfter)
			}
			stored = false
			s.apply(p.view, p.configAfter)
			p.view = monitoringView{} // the rows, if any, belong to the model now
			return nil
		},
		Undo: func() error { return swap((*persistence.File).UndoImport, countsBefore, p.configBefore) },
	})
}

// Import stores and commits an import on the calling goroutine (command line, tests).
func (s *Session) Import(imp MonitoringImport, progress persistence.Progress) error {
	p, err := s.StoreImport(imp, progress)
	if err != nil {
		return err
	}
	return s.CommitImport(p)
}

func setConfig(p *domain.Project, cfg map[string]string) {
	if len(cfg) == 0 {
		return
	}
	if p.Config == nil {
		p.Config = map[string]string{}
	}
	for k, v := range cfg {
		if v == "" {
			delete(p.Config, k)
		} else {
			p.Config[k] = v
		}
	}
}

// ApplyMonitoring runs a change of the minutes, measures and checks as one undoable edit
// named by the translation key name. A measure must name an existing meeting.
func (s *Session) ApplyMonitoring(name string, ch persistence.MonitoringChange) error {
	if err := ch.Validate(); err != nil {
		return err
	}
	today := s.Today()
	for _, k := range ch.PutChecks {
		if err := domain.ValidateKnowledgeCheck(k, today); err != nil {
			return err
		}
	}
	meetings := liveIDs(s.Project.JourFixes, ch.PutJourFixes, ch.DeleteJourFixes, jourFixeID)
	for _, m := range ch.PutMeasures {
		if m.JourFixeID != nil && !meetings[*m.JourFixeID] {
			return errMonitoringGone
		}
		if err := s.Project.ValidateAttendeeRefs(m.Owners); err != nil {
			return err
		}
	}
	for _, j := range ch.PutJourFixes {
		if err := s.Project.ValidateAttendeeRefs(j.Participants); err != nil {
			return err
		}
	}
	return commitChange(s, name, ch, ch.Empty(), cloneMonitoringChange, inverseMonitoring, s.commitMonitoring)
}

func (s *Session) commitMonitoring(ch persistence.MonitoringChange) error {
	w := ch // the writer's own; ch becomes the model's copy below
	if err := s.write(func(f *persistence.File) error { return f.ApplyMonitoring(w) }); err != nil {
		return err
	}
	ch = cloneMonitoringChange(ch)
	p := s.Project
	p.JourFixes = upsert(p.JourFixes, ch.PutJourFixes, ch.DeleteJourFixes, jourFixeID)
	p.Measures = upsertByID(p.Measures, ch.PutMeasures, ch.DeleteMeasures, measureID)
	p.KnowledgeChecks = upsertByID(p.KnowledgeChecks, ch.PutChecks, ch.DeleteChecks, checkID)
	// The order the file loads them in, so the model always equals a fresh Load.
	sortByDay(p.JourFixes, func(j domain.JourFixe) domain.Date { return j.Date }, jourFixeID)
	return nil
}

// inverseMonitoring undoes ch on p: rows put go back to their old values or are deleted, rows
// deleted are put back.
func inverseMonitoring(p *domain.Project, ch persistence.MonitoringChange) persistence.MonitoringChange {
	var inv persistence.MonitoringChange
	invert(p.JourFixes, ch.PutJourFixes, ch.DeleteJourFixes, jourFixeID, &inv.PutJourFixes, &inv.DeleteJourFixes)
	invert(p.Measures, ch.PutMeasures, ch.DeleteMeasures, measureID, &inv.PutMeasures, &inv.DeleteMeasures)
	invert(p.KnowledgeChecks, ch.PutChecks, ch.DeleteChecks, checkID, &inv.PutChecks, &inv.DeleteChecks)
	return cloneMonitoringChange(inv)
}

func jourFixeID(j domain.JourFixe) int64    { return j.ID }
func measureID(m domain.Measure) int64      { return m.ID }
func checkID(k domain.KnowledgeCheck) int64 { return k.ID }

func cloneMeasure(m domain.Measure) domain.Measure {
	m.Due = clonePtr(m.Due)
	m.JourFixeID = clonePtr(m.JourFixeID)
	m.Owners = domain.CloneAttendees(m.Owners)
	return m
}

func cloneJourFixe(j domain.JourFixe) domain.JourFixe {
	j.Participants = domain.CloneAttendees(j.Participants)
	return j
}

func cloneCheck(k domain.KnowledgeCheck) domain.KnowledgeCheck {
	k.ReviewedOn = clonePtr(k.ReviewedOn)
	return k
}

func cloneMonitoringChange(ch persistence.MonitoringChange) persistence.MonitoringChange {
	return persistence.MonitoringChange{
		PutJourFixes:    mapClone(ch.PutJourFixes, cloneJourFixe),
		PutMeasures:     mapClone(ch.PutMeasures, cloneMeasure),
		PutChecks:       mapClone(ch.PutChecks, cloneCheck),
		DeleteJourFixes: slices.Clone(ch.DeleteJourFixes),
		DeleteMeasures:  slices.Clone(ch.DeleteMeasures),
		DeleteChecks:    slices.Clone(ch.DeleteChecks),
	}
}

// AddJourFixe adds minutes and returns their id.
func (s *Session) AddJourFixe(j domain.JourFixe) (int64, error) {
	j.ID = nextID(s.Project.JourFixes, jourFixeID)
	return j.ID, s.ApplyMonitoring("undo.monitoring.add_jourfixe", persistence.MonitoringChange{PutJourFixes: []domain.JourFixe{j}})
}

// UpdateJourFixe changes minutes through change.
func (s *Session) UpdateJourFixe(id int64, name string, change func(j *domain.JourFixe)) error {
	old := s.Project.JourFixeByID(id)
	if old == nil {
		return errMonitoringGone
	}
	j := cloneJourFixe(*old)
	change(&j)
	j.ID = id
	if j.Date == old.Date && j.Notes == old.Notes && j.FrozenKPIs == old.FrozenKPIs && domain.SameAttendees(j.Participants, old.Participants) {
		return nil
	}
	return s.ApplyMonitoring(name, persistence.MonitoringChange{PutJourFixes: []domain.JourFixe{j}})
}

// DeleteJourFixe removes minutes; their measures stay (they carry over) without a meeting.
func (s *Session) DeleteJourFixe(id int64) error {
	if s.Project.JourFixeByID(id) == nil {
		return errMonitoringGone
	}
	ch := persistence.MonitoringChange{DeleteJourFixes: []int64{id}}
	for _, m := range s.Project.Measures {
		if m.JourFixeID != nil && *m.JourFixeID == id {
			m = cloneMeasure(m)
			m.JourFixeID = nil
			ch.PutMeasures = append(ch.PutMeasures, m)
		}
	}
	return s.ApplyMonitoring("undo.monitoring.delete_jourfixe", ch)
}

func (s *Session) measureByID(id int64) *domain.Measure {
	return rowByID(s.Project.Measures, id, measureID)
}

// AddMeasure adds a measure and returns its id.
func (s *Session) AddMeasure(m domain.Measure) (int64, error) {
	m = cloneMeasure(m)
	m.ID = nextID(s.Project.Measures, measureID)
	if m.Status == "" {
		m.Status = domain.MeasureOpen
	}
	return m.ID, s.ApplyMonitoring("undo.monitoring.add_measure", persistence.MonitoringChange{PutMeasures: []domain.Measure{m}})
}

// UpdateMeasure changes a measure through change.
func (s *Session) UpdateMeasure(id int64, name string, change func(m *domain.Measure)) error {
	old := s.measureByID(id)
	if old == nil {
		return errMonitoringGone
	}
	m := cloneMeasure(*old)
	change(&m)
	m.ID = id
	if sameMeasure(m, *old) {
		return nil
	}
	return s.ApplyMonitoring(name, persistence.MonitoringChange{PutMeasures: []domain.Measure{m}})
}

func sameMeasure(a, b domain.Measure) bool {
	eqDate := (a.Due == nil) == (b.Due == nil) && (a.Due == nil || a.Due.Equal(b.Due.Time))
	eqJF := (a.JourFixeID == nil) == (b.JourFixeID == nil) && (a.JourFixeID == nil || *a.JourFixeID == *b.JourFixeID)
	return eqDate && eqJF && a.Text == b.Text && domain.SameAttendees(a.Owners, b.Owners) && a.Status == b.Status
}

// DeleteMeasure removes a measure.
func (s *Session) DeleteMeasure(id int64) error {
	if s.measureByID(id) == nil {
		return errMonitoringGone
	}
	return s.ApplyMonitoring("undo.monitoring.delete_measure", persistence.MonitoringChange{DeleteMeasures: []int64{id}})
}

func (s *Session) checkByID(id int64) *domain.KnowledgeCheck {
	return rowByID(s.Project.KnowledgeChecks, id, checkID)
}

// AddKnowledgeCheck adds a review and returns its id.
func (s *Session) AddKnowledgeCheck(k domain.KnowledgeCheck) (int64, error) {
	k = cloneCheck(k)
	k.ID = nextID(s.Project.KnowledgeChecks, checkID)
	return k.ID, s.ApplyMonitoring("undo.monitoring.add_check", persistence.MonitoringChange{PutChecks: []domain.KnowledgeCheck{k}})
}

// UpdateKnowledgeCheck changes a review through change.
func (s *Session) UpdateKnowledgeCheck(id int64, name string, change func(k *domain.KnowledgeCheck)) error {
	old := s.checkByID(id)
	if old == nil {
		return errMonitoringGone
	}
	k := cloneCheck(*old)
	change(&k)
	k.ID = id
	same := k.Subject == old.Subject && k.ReviewedBy == old.ReviewedBy && k.Findings == old.Findings &&
		(k.ReviewedOn == nil) == (old.ReviewedOn == nil) && (k.ReviewedOn == nil || k.ReviewedOn.Equal(old.ReviewedOn.Time))
	if same {
		return nil
	}
	return s.ApplyMonitoring(name, persistence.MonitoringChange{PutChecks: []domain.KnowledgeCheck{k}})
}

// DeleteKnowledgeCheck removes a review.
func (s *Session) DeleteKnowledgeCheck(id int64) error {
	if s.checkByID(id) == nil {
		return errMonitoringGone
	}
	return s.ApplyMonitoring("undo.monitoring.delete_check", persistence.MonitoringChange{DeleteChecks: []int64{id}})
}

// ClearImport removes all tickets, calls or survey answers (say, before sharing the project);
// undo brings them back. It stores and commits on the calling goroutine (command line, tests).
func (s *Session) ClearImport(kind string) error {
	p, err := s.StoreClear(kind)
	if err != nil {
		return err
	}
	return s.CommitImport(p)
}

// StoreClear removes all rows of kind from the file (keeping them for undo), like StoreImport
// slow on a large file and meant for another goroutine; CommitImport then finishes it on the UI
// goroutine.
func (s *Session) StoreClear(kind string) (*PendingImport, error) {
	if s.ReadOnly() {
		return nil, persistence.ErrReadOnly
	}
	s.storing.Add(1)
	defer s.storing.Add(-1)
	switch kind {
	case ImportTickets, ImportCalls, ImportSurvey:
	default:
		return nil, errMonitoringGone
	}
	if err := s.Flush(); err != nil { // a direct write: after every queued edit
		return nil, err
	}
	stored, err := s.File.ClearMonitoring(kind)
	if err != nil {
		return nil, err
	}
	return s.pending(stored, nil)
}
