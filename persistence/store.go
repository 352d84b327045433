package persistence

import (
	"cmp"
	"fmt"
	"reflect"

	"gorm.io/gorm"

	"schulit-lotse/domain"
)

// Load reads the whole project. A row that breaks a domain rule refuses the file with its table
// and id named.
func (f *File) Load() (*domain.Project, error) { return f.load(true) }

// LoadPlan reads the project without the monitoring raw data (tickets, calls, survey answers):
// what documents that need none of them (the Leistungsbeschreibung) read, in a fraction of the
// time on a large file. The minutes, measures and checks of step 12 are read.
func (f *File) LoadPlan() (*domain.Project, error) { return f.load(false) }

func (f *File) load(monitoring bool) (*domain.Project, error) {
	p := &domain.Project{}
	var pr projectRecord
	if err := f.db.First(&pr, 1).Error; err != nil {
		return nil, refuse(f.path, ReasonContent, "project: %v", err)
	}
	if err := fromProjectRecord(pr, p); err != nil {
		return nil, refuse(f.path, ReasonContent, err.Error())
	}
	if err := f.loadLists(p, monitoring); err != nil {
		return nil, refuse(f.path, ReasonContent, err.Error())
	}
	if err := f.loadPeople(p); err != nil {
		return nil, refuse(f.path, ReasonContent, err.Error())
	}
	if err := loadConfig(f.db, p); err != nil {
		return nil, refuse(f.path, ReasonContent, err.Error())
	}
	if err := checkLoaded(p); err != nil {
		return nil, refuse(f.path, ReasonContent, err.Error())
	}
	return p, nil
}

func loadAll[R any, D any](db *gorm.DB, order string, conv func(R) (D, error)) ([]D, error) {
	var recs []R
	if err := db.Order(order).Find(&recs).Error; err != nil {
		return nil, err
	}
	out := make([]D, 0, len(recs))
	for _, r := range recs {
		d, err := conv(r)
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, nil
}

func plain[R any, D any](fn func(R) D) func(R) (D, error) {
	return func(r R) (D, error) { return fn(r), nil }
}

func (f *File) loadLists(p *domain.Project, monitoring bool) error {
	db := f.db
	return inTurn(
		loadInto(db, &p.Tasks, "sort_order, id", fromTaskRecord),
		loadInto(db, &p.Packages, "sort_order, id", plain(fromPackageRecord)),
		loadInto(db, &p.PayGroups, "id", plain(func(r payGroupRecord) domain.PayGroup { return domain.PayGroup(r) })),
		loadInto(db, &p.Decisions, "id", fromDecisionRecord),
		loadInto(db, &p.SLAs, "id", fromSLARecord),
		loadInto(db, &p.SchoolHolidays, "first, id", fromHolidayRecord),
		loadInto(db, &p.Criteria, "sort_order, id", plain(func(r criterionRecord) domain.TenderCriterion { return domain.TenderCriterion(r) })),
		loadInto(db, &p.Bids, "id", fromBidRecord),
		loadInto(db, &p.TenderLog, "id", fromTenderLogRecord),
		loadInto(db, &p.Milestones, "id", fromMilestoneRecord),
		loadInto(db, &p.Roles, "sort_order, id", plain(fromRoleRecord)),
		loadInto(db, &p.RaciActivities, "sort_order, id", plain(fromRaciActivityRecord)),
		loadInto(db, &p.RaciAssignments, "activity_id, role_id", plain(func(r raciAssignmentRecord) domain.RaciAssignment {
			return domain.RaciAssignment{ActivityID: r.ActivityID, RoleID: r.RoleID, Letter: r.Letter}
		})),
		loadInto(db, &p.CommunicationRows, "sort_order, id", plain(func(r communicationRecord) domain.CommunicationRow { return domain.CommunicationRow(r) })),
		loadInto(db, &p.EscalationLevels, "level, id", plain(func(r escalationRecord) domain.EscalationLevel { return domain.EscalationLevel(r) })),
		loadInto(db, &p.Meetings, "id", fromMeetingRecord),
		func() error {
			if !monitoring {
				return nil
			}
			return inTurn(
				loadInto(db, &p.Tickets, "created, id", plain(fromTicketRecord)),
				loadInto(db, &p.Calls, "at, id", plain(fromCallRecord)),
				loadInto(db, &p.SurveyAnswers, "at, id", plain(fromSurveyRecord)),
			)
		},
		loadInto(db, &p.JourFixes, "date, id", fromJourFixeRecord),
		loadInto(db, &p.Measures, "id", fromMeasureRecord),
		loadInto(db, &p.KnowledgeChecks, "id", fromKnowledgeRecord),
	)
}

// loadInto is the step that reads a table's records in order and puts them, through conv, into
// *dst.
func loadInto[R, D any](db *gorm.DB, dst *[]D, order string, conv func(R) (D, error)) func() error {
	return func() (err error) {
		*dst, err = loadAll(db, order, conv)
		return err
	}
}

// writeProject stores a whole project into an empty file (new files, JSON import, samples).
// IDs of the project are kept, so references between entities survive.
func writeProject(tx *gorm.DB, p *domain.Project) error {
	if err := domain.ValidateSettings(p.Settings); err != nil {
		return err
	}
	if err := checkFinite(p); err != nil {
		return err
	}
	pr := toProjectRecord(p)
	if err := tx.Create(&pr).Error; err != nil {
		return err
	}
	for _, t := range p.Tasks {
		// Text limits are checked where texts come in (editors, imports); a copy of a file
		// written before them keeps its long texts.
		if err := t.ValidateStored(); err != nil {
			return fmt.Errorf("%s: %w", domain.CutForDisplay(t.Name, 60), err)
		}
	}
	batches := []any{
		mapSlice(p.Packages, toPackageRecord),
		mapSlice(p.Tasks, toTaskRecord),
		mapSlice(p.PayGroups, func(g domain.PayGroup) payGroupRecord { return payGroupRecord(g) }),
		mapSlice(p.Decisions, toDecisionRecord),
		mapSlice(p.SLAs, toSLARecord),
		mapSlice(p.SchoolHolidays, toHolidayRecord),
		mapSlice(p.Criteria, func(c domain.TenderCriterion) criterionRecord { return criterionRecord(c) }),
		mapSlice(p.Bids, toBidRecord),
		mapSlice(p.TenderLog, toTenderLogRecord),
		mapSlice(p.Milestones, toMilestoneRecord),
		mapSlice(p.Roles, toRoleRecord),
		mapSlice(p.RaciActivities, toRaciActivityRecord),
		mapSlice(p.RaciAssignments, func(a domain.RaciAssignment) raciAssignmentRecord {
			return raciAssignmentRecord{ActivityID: a.ActivityID, RoleID: a.RoleID, Letter: a.Letter}
		}),
		mapSlice(p.CommunicationRows, func(c domain.CommunicationRow) communicationRecord { return communicationRecord(c) }),
		mapSlice(p.EscalationLevels, func(e domain.EscalationLevel) escalationRecord { return escalationRecord(e) }),
		mapSlice(p.Meetings, toMeetingRecord),
		mapSlice(p.JourFixes, toJourFixeRecord),
		mapSlice(p.Measures, toMeasureRecord),
		mapSlice(p.KnowledgeChecks, toKnowledgeRecord),
	}
	for _, b := range batches {
		if err := createBatch(tx, b); err != nil {
			return err
		}
	}
	if err := writeMonitoringRows(tx, p); err != nil {
		return err
	}
	if err := writePeople(tx, p); err != nil {
		return err
	}
	return writeConfig(tx, p.Config)
}

// writeMonitoringRows writes the tickets, calls and answers with their ids through prepared
// multi-row inserts, straight from the project's lists (no copy as records, no reflection per
// row): the bulk of a large project.
func writeMonitoringRows(tx *gorm.DB, p *domain.Project) error {
	return inTurn(
		func() error { return insertList(tx, "tickets", ticketCols, p.Tickets, ticketInsertRow) },
		func() error { return insertList(tx, "calls", callCols, p.Calls, callInsertRow) },
		func() error { return insertList(tx, "survey_answers", answerCols, p.SurveyAnswers, answerInsertRow) },
	)
}

// insertList writes the rows of a list with their ids.
func insertList[T any](tx *gorm.DB, table string, cols []string, list []T, row func(T) []any) error {
	return insertRows(tx, table, cols, true, "", len(list), func(i int) []any { return row(list[i]) }, nil)
}

// The values of a new row with its id, as the inserts of a new file write them.
func ticketInsertRow(t domain.Ticket) []any { return ownID(ticketRow(toTicketRecord(t), true)) }
func callInsertRow(c domain.Call) []any     { return ownID(callRow(toCallRecord(c), true)) }
func answerInsertRow(a domain.SurveyAnswer) []any {
	return ownID(answerRow(toSurveyRecord(a), true))
}

// ownID leaves an id of 0 (a JSON document may leave ids to the file) for the file to assign.
func ownID(row []any) []any {
	if row[0] == int64(0) {
		row[0] = nil
	}
	return row
}

func mapSlice[D any, R any](in []D, fn func(D) R) []R {
	out := make([]R, len(in))
	for i, d := range in {
		out[i] = fn(d)
	}
	return out
}

func createBatch(tx *gorm.DB, slice any) error {
	if reflect.ValueOf(slice).Len() == 0 {
		return nil
	}
	return tx.CreateInBatches(slice, 500).Error
}

// SaveProjectSettings stores the project's name, Schulträger, Bundesland and settings.
func (f *File) SaveProjectSettings(p *domain.Project) error {
	if err := domain.ValidateSettings(p.Settings); err != nil {
		return err
	}
	if err := projectRowFinite(p); err != nil {
		return err
	}
	pr := toProjectRecord(p)
	return f.write(func(tx *gorm.DB) error { return tx.Save(&pr).Error })
}

// SaveTask inserts (ID 0) or updates a task and sets its ID.
func (f *File) SaveTask(t *domain.Task) error {
	if err := cmp.Or(t.Validate(), checkFinite(t)); err != nil {
		return err
	}
	r := toTaskRecord(*t)
	err := f.write(func(tx *gorm.DB) error { return createOrReplace(tx, &r, r.ID == 0) })
	if err == nil {
		t.ID = r.ID
	}
	return err
}

// SaveTasks updates several tasks in one commit (reordering, bulk edits).
func (f *File) SaveTasks(ts []domain.Task) error {
	if err := checkTasks(ts); err != nil {
		return err
	}
	return f.write(func(tx *gorm.DB) error { return upsertEach(tx, ts, toTaskRecord) })
}

// DeleteTask removes a task.
func (f *File) DeleteTask(id int64) error {
	return f.write(func(tx *gorm.DB) error { return tx.Delete(&taskRecord{}, id).Error })
}

// TaskCount is a cheap check used by tests and the crash harness.
func (f *File) TaskCount() (int64, error) {
	var n int64
	err := f.db.Model(&taskRecord{}).Count(&n).Error
	return n, err
}
