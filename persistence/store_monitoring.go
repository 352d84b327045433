package persistence

import (
	"cmp"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"schulit-lotse/domain"
)

// Step 12: the monitoring data (tickets, calls, survey answers) arrives in bulk imports, each
// all-or-nothing in one transaction; the Jour-fixe minutes, measures and knowledge checks are
// edited row by row.

// importChunk is how many rows go into the file between two progress reports.
const importChunk = 5000

// Progress reports how many of total rows are stored; it may be nil.
type Progress func(done, total int)

func (p Progress) report(done, total int) {
	if p != nil {
		p(done, total)
	}
}

// ErrMonitoringRow is returned for an imported row the file cannot hold (no id, a time outside
// the years the file keeps).
var ErrMonitoringRow = domain.Error("err.monitoring.row")

func checkMonitoringTime(t time.Time) error {
	if y := t.UTC().Year(); y < 1 || y > 9999 {
		return ErrMonitoringRow
	}
	return nil
}

func checkTickets(ts []domain.Ticket) error {
	seen := make(map[string]bool, len(ts))
	for _, t := range ts {
		if strings.TrimSpace(t.ExternalID) == "" || seen[t.ExternalID] {
			return fmt.Errorf("ticket %q: %w", t.ExternalID, ErrMonitoringRow)
		}
		seen[t.ExternalID] = true
		for _, x := range []*time.Time{&t.Created, t.FirstResponse, t.Resolved} {
			if x != nil {
				if err := checkMonitoringTime(*x); err != nil {
					return fmt.Errorf("ticket %q: %w", t.ExternalID, err)
				}
			}
		}
	}
	return nil
}

// saveConfigIn writes configuration entries inside a transaction ("" removes a key).
func saveConfigIn(tx *gorm.DB, cfg map[string]string) error {
	for k, v := range cfg {
		if v == "" {
			if err := tx.Delete(&configRecord{}, "key = ?", k).Error; err != nil {
				return err
			}
			continue
		}
		if err := checkConfig(map[string]string{k: v}); err != nil {
			return err
		}
		r := configRecord{Key: k, Value: v}
		if err := tx.Clauses(clause.OnConflict{UpdateAll: true}).Create(&r).Error; err != nil {
			return err
		}
	}
	return nil
}

// Columns of the monitoring tables, as the bulk inserts write them.
var (
	ticketCols = []string{"external_id", "created", "first_response", "resolved", "priority", "category", "school", "status", "package_id", "response_not_measured"}
	callCols   = []string{"at", "answered", "wait_seconds", "talk_seconds"}
	answerCols = []string{"at", "question", "score", "school"}
)

// insertRows writes n rows through one prepared statement and reports progress every chunk.
// withID adds the id column (a restore keeps ids); conflict/upsert make it an upsert.
func insertRows(tx *gorm.DB, table string, cols []string, withID bool, conflict string, n int, row func(i int) []any, progress Progress) error {
	if n == 0 {
		return nil
	}
	all := cols
	if withID {
		all = append([]string{"id"}, cols...)
	}
	var upsert []string
	if conflict != "" {
		for _, c := range cols {
			if c != conflict {
				upsert = append(upsert, c)
			}
		}
	}
	full, err := newBulkInsert(tx, table, all, bulkRows, conflict, upsert)
	if err != nil {
		return err
	}
	defer full.close()
	args := make([]any, 0, bulkRows*len(all))
	next := importChunk
	for start := 0; start < n; start += bulkRows {
		end := min(start+bulkRows, n)
		args = args[:0]
		for i := start; i < end; i++ {
			args = append(args, row(i)...)
		}
		b := full
		if end-start < bulkRows { // the rest: a statement of its size
			if b, err = newBulkInsert(tx, table, all, end-start, conflict, upsert); err != nil {
				return err
			}
			defer b.close()
		}
		if err := b.exec(args...); err != nil {
			return err
		}
		if end >= next || end == n {
			progress.report(end, n)
			next += importChunk
		}
	}
	return nil
}

func ticketRow(r ticketRecord, withID bool) []any {
	v := []any{r.ExternalID, r.Created, nullable(r.FirstResponse), nullable(r.Resolved), r.Priority, r.Category, r.School, r.Status, nullable(r.PackageID), r.ResponseNotMeasured}
	if withID {
		return append([]any{r.ID}, v...)
	}
	return v
}

func callRow(r callRecord, withID bool) []any {
	v := []any{r.At, r.Answered, r.WaitSeconds, r.TalkSeconds}
	if withID {
		return append([]any{r.ID}, v...)
	}
	return v
}

func answerRow(r surveyRecord, withID bool) []any {
	v := []any{r.At, r.Question, r.Score, r.School}
	if withID {
		return append([]any{r.ID}, v...)
	}
	return v
}

// UpsertTickets stores imported tickets in one transaction: a ticket whose external id is
// already in the file is updated and keeps its id, a new one is added; nothing is ever
// duplicated. cfg holds configuration entries saved with them (the mapping used). Ids of ts
// are ignored.
func (f *File) UpsertTickets(ts []domain.Ticket, cfg map[string]string, progress Progress) error {
	if err := checkTickets(ts); err != nil {
		return err
	}
	return f.write(func(tx *gorm.DB) error {
		err := insertRows(tx, "tickets", ticketCols, false, "external_id", len(ts), func(i int) []any { return ticketRow(toTicketRecord(ts[i]), false) }, progress)
		if err != nil {
			return err
		}
		return saveConfigIn(tx, cfg)
	})
}

// replaceAll makes table (of model) hold exactly the n rows row gives, with their ids, and saves
// cfg with them: undo of an import.
func (f *File) replaceAll(model any, table string, cols []string, n int, row func(i int) []any, cfg map[string]string) error {
	return f.write(func(tx *gorm.DB) error {
		return inTurn(
			func() error { return tx.Where("1 = 1").Delete(model).Error },
			func() error { return insertRows(tx, table, cols, true, "", n, row, nil) },
			func() error { return saveConfigIn(tx, cfg) },
		)
	})
}

// ReplaceTickets makes the file hold exactly ts (with their ids): undo of an import.
func (f *File) ReplaceTickets(ts []domain.Ticket, cfg map[string]string) error {
	if err := checkTickets(ts); err != nil {
		return err
	}
	return f.replaceAll(&ticketRecord{}, "tickets", ticketCols, len(ts), func(i int) []any { return ticketRow(toTicketRecord(ts[i]), true) }, cfg)
}

// LoadTickets reads the tickets as Load does (by creation, then id).
func (f *File) LoadTickets() ([]domain.Ticket, error) {
	return loadAll(f.db, "created, id", plain(fromTicketRecord))
}

func toCallRecord(c domain.Call) callRecord {
	return callRecord{ID: c.ID, At: c.At.Unix(), Answered: c.Answered, WaitSeconds: c.WaitSeconds, TalkSeconds: c.TalkSeconds}
}

func fromCallRecord(r callRecord) domain.Call {
	return domain.Call{ID: r.ID, At: *timeFromDB(&r.At), Answered: r.Answered, WaitSeconds: r.WaitSeconds, TalkSeconds: r.TalkSeconds}
}

func checkCalls(cs []domain.Call) error {
	for _, c := range cs {
		if err := checkMonitoringTime(c.At); err != nil || c.WaitSeconds < 0 || c.TalkSeconds < 0 {
			return fmt.Errorf("call %s: %w", c.At.Format(time.RFC3339), ErrMonitoringRow)
		}
	}
	return nil
}

// ReplaceCallsBetween replaces the calls from first to last (both included) by cs in one
// transaction: a call list has no ids, so a list re-imported replaces the span it covers.
func (f *File) ReplaceCallsBetween(first, last time.Time, cs []domain.Call, progress Progress) error {
	if err := checkCalls(cs); err != nil {
		return err
	}
	return f.write(func(tx *gorm.DB) error {
		if err := tx.Where("at >= ? AND at <= ?", first.Unix(), last.Unix()).Delete(&callRecord{}).Error; err != nil {
			return err
		}
		return insertRows(tx, "calls", callCols, false, "", len(cs), func(i int) []any { return callRow(toCallRecord(cs[i]), false) }, progress)
	})
}

// ReplaceCalls makes the file hold exactly cs (with their ids): undo of an import.
func (f *File) ReplaceCalls(cs []domain.Call) error {
	if err := checkCalls(cs); err != nil {
		return err
	}
	return f.replaceAll(&callRecord{}, "calls", callCols, len(cs), func(i int) []any { return callRow(toCallRecord(cs[i]), true) }, nil)
}

// LoadCalls reads the calls as Load does.
func (f *File) LoadCalls() ([]domain.Call, error) {
	return loadAll(f.db, "at, id", plain(fromCallRecord))
}

func toSurveyRecord(s domain.SurveyAnswer) surveyRecord {
	return surveyRecord{ID: s.ID, At: s.At.Unix(), Question: s.Question, Score: s.Score, School: s.School}
}

func fromSurveyRecord(r surveyRecord) domain.SurveyAnswer {
	return domain.SurveyAnswer{ID: r.ID, At: *timeFromDB(&r.At), Question: r.Question, Score: r.Score, School: r.School}
}

func checkAnswers(as []domain.SurveyAnswer) error {
	for _, a := range as {
		if err := checkMonitoringTime(a.At); err != nil || a.Score < 1 || a.Score > 5 {
			return fmt.Errorf("answer %s: %w", a.At.Format(time.RFC3339), ErrMonitoringRow)
		}
	}
	return nil
}

// ReplaceAnswersBetween replaces the answers to the given questions from first to last by as,
// in one transaction, and saves cfg with them (the survey mapping used).
func (f *File) ReplaceAnswersBetween(first, last time.Time, questions []string, as []domain.SurveyAnswer, cfg map[string]string, progress Progress) error {
	if err := checkAnswers(as); err != nil {
		return err
	}
	return f.write(func(tx *gorm.DB) error {
		if len(questions) > 0 {
			if err := tx.Where("at >= ? AND at <= ? AND question IN ?", first.Unix(), last.Unix(), questions).Delete(&surveyRecord{}).Error; err != nil {
				return err
			}
		}
		if err := insertRows(tx, "survey_answers", answerCols, false, "", len(as), func(i int) []any { return answerRow(toSurveyRecord(as[i]), false) }, progress); err != nil {
			return err
		}
		return saveConfigIn(tx, cfg)
	})
}

// ReplaceAnswers makes the file hold exactly as (with their ids): undo of an import.
func (f *File) ReplaceAnswers(as []domain.SurveyAnswer, cfg map[string]string) error {
	if err := checkAnswers(as); err != nil {
		return err
	}
	return f.replaceAll(&surveyRecord{}, "survey_answers", answerCols, len(as), func(i int) []any { return answerRow(toSurveyRecord(as[i]), true) }, cfg)
}

// LoadSurveyAnswers reads the answers as Load does.
func (f *File) LoadSurveyAnswers() ([]domain.SurveyAnswer, error) {
	return loadAll(f.db, "at, id", plain(fromSurveyRecord))
}

// MonitoringChange is one edit of the minutes, measures and knowledge checks, committed in
// one transaction (Put… rows carry their ids, set by the caller). The session builds the
// change and its inverse, so undo is the same call.
type MonitoringChange struct {
	PutJourFixes    []domain.JourFixe
	DeleteJourFixes []int64
	PutMeasures     []domain.Measure
	DeleteMeasures  []int64
	PutChecks       []domain.KnowledgeCheck
	DeleteChecks    []int64
}

// Empty reports whether the change does nothing.
func (c *MonitoringChange) Empty() bool {
	return len(c.PutJourFixes)+len(c.DeleteJourFixes)+len(c.PutMeasures)+len(c.DeleteMeasures)+len(c.PutChecks)+len(c.DeleteChecks) == 0
}

// ErrMonitoringID is returned for a row without a valid id.
var ErrMonitoringID = domain.Error("err.monitoring.id")

// Validate checks every row the change writes. References (a measure's meeting) are the
// caller's to check: it knows the whole project.
func (c *MonitoringChange) Validate() error {
	return cmp.Or(
		checkRows(c.PutJourFixes, ErrMonitoringID, func(j domain.JourFixe) (int64, error) { return j.ID, domain.ValidateJourFixe(j) }),
		checkRows(c.PutMeasures, ErrMonitoringID, func(m domain.Measure) (int64, error) { return m.ID, domain.ValidateMeasure(m) }),
		checkRows(c.PutChecks, ErrMonitoringID, func(k domain.KnowledgeCheck) (int64, error) {
			return k.ID, domain.ValidateKnowledgeCheck(k, domain.Date{})
		}),
	)
}

// ApplyMonitoring commits a change in one transaction: deletions first, then the rows put.
func (f *File) ApplyMonitoring(c MonitoringChange) error {
	if err := c.Validate(); err != nil {
		return err
	}
	return f.write(func(tx *gorm.DB) error {
		return inTurn(
			func() error {
				return deleteByID(tx, idDeletion{c.DeleteMeasures, &measureRecord{}}, idDeletion{c.DeleteJourFixes, &jourFixeRecord{}},
					idDeletion{c.DeleteChecks, &knowledgeCheckRecord{}})
			},
			func() error { return upsertEach(tx, c.PutJourFixes, toJourFixeRecord) },
			func() error {
				return forEach(c.PutJourFixes, func(j domain.JourFixe) error {
					return putAttendees(tx, domain.AttendeeList{Of: domain.AttendeesOfJourFixe, ID: j.ID, Attendees: j.Participants})
				})
			},
			func() error { return upsertEach(tx, c.PutMeasures, toMeasureRecord) },
			func() error {
				return forEach(c.PutMeasures, func(m domain.Measure) error {
					return putAttendees(tx, domain.AttendeeList{Of: domain.AttendeesOfMeasure, ID: m.ID, Attendees: m.Owners})
				})
			},
			func() error { return upsertEach(tx, c.PutChecks, toKnowledgeRecord) },
		)
	})
}
