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

// checkTimedRows reports the first call or answer the file cannot hold, named by its time: row
// gives a row's time and whether its values are in range.
func checkTimedRows[T any](rows []T, what string, row func(T) (time.Time, bool)) error {
	for _, r := range rows {
		at, ok := row(r)
		if err := checkMonitoringTime(at); err != nil || !ok {
			return fmt.Errorf("%s %s: %w", what, at.Format(time.RFC3339), ErrMonitoringRow)
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
	if withID {
		cols = append([]string{"id"}, cols...)
	}
	return insertBatches(tx, rowInsert{table: table, cols: cols, conflict: conflict, n: n, progress: progress,
		add: func(args []any, i int) []any { return append(args, row(i)...) }})
}

// rowInsert is what insertBatches writes.
type rowInsert struct {
	table string
	cols  []string
	// conflict names the key of an upsert: an existing row with the same key takes the other
	// columns.
	conflict string
	n        int
	add      func(args []any, i int) []any // appends the values of row i
	// before, if set, runs before the rows start…end-1 are written.
	before   func(start, end int) error
	progress Progress
}

// insertBatches writes the rows through prepared statements of bulkRows rows each and reports
// progress every chunk.
func insertBatches(tx *gorm.DB, r rowInsert) error {
	if r.n == 0 {
		return nil
	}
	var upsert []string
	if r.conflict != "" {
		for _, c := range r.cols {
			if c != r.conflict {
				upsert = append(upsert, c)
			}
		}
	}
	full, err := newBulkInsert(tx, r.table, r.cols, min(bulkRows, r.n), r.conflict, upsert)
	if err != nil {
		return err
	}
	defer full.close()
	args := make([]any, 0, bulkRows*len(r.cols))
	next := importChunk
	for start := 0; start < r.n; start += bulkRows {
		end := min(start+bulkRows, r.n)
		if r.before != nil {
			if err := r.before(start, end); err != nil {
				return err
			}
		}
		args = args[:0]
		for i := start; i < end; i++ {
			args = r.add(args, i)
		}
		b := full
		if end-start < min(bulkRows, r.n) { // the rest: a statement of its size
			if b, err = newBulkInsert(tx, r.table, r.cols, end-start, r.conflict, upsert); err != nil {
				return err
			}
			defer b.close()
		}
		if err := b.exec(args...); err != nil {
			return err
		}
		if end >= next || end == r.n {
			r.progress.report(end, r.n)
			next += importChunk
		}
	}
	return nil
}

// appendTicket, appendCall and appendAnswer append the values of an imported row in the order
// of ticketCols, callCols and answerCols.
func appendTicket(args []any, t *domain.Ticket) []any {
	return append(args, t.ExternalID, t.Created.Unix(), unixOrNull(t.FirstResponse), unixOrNull(t.Resolved),
		t.Priority, t.Category, t.School, t.Status, nullable(t.PackageID), t.ResponseNotMeasured)
}

// unixOrNull is an optional time as the file stores it: Unix seconds or NULL.
func unixOrNull(t *time.Time) any {
	if t == nil {
		return nil
	}
	return t.Unix()
}

func appendCall(args []any, c *domain.Call) []any {
	return append(args, c.At.Unix(), c.Answered, c.WaitSeconds, c.TalkSeconds)
}

func appendAnswer(args []any, a *domain.SurveyAnswer) []any {
	return append(args, a.At.Unix(), a.Question, a.Score, a.School)
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

// keepRows is how many tickets of an import are looked up at once to keep those it updates
// (one statement with that many ids; bulkRows at a time made a re-import 1.4 s slower).
const keepRows = 500

// UpsertTickets stores imported tickets as one import (ImportTickets) in one transaction: a
// ticket whose external id is already in the file is updated and keeps its id (its old values
// are kept for undo), a new one is added; nothing is ever duplicated. cfg holds configuration
// entries saved with them (the mapping used). Ids of ts are ignored.
func (f *File) UpsertTickets(ts []domain.Ticket, cfg map[string]string, progress Progress) (Import, error) {
	if err := checkTickets(ts); err != nil {
		return Import{}, err
	}
	add := func(args []any, i int) []any { return appendTicket(args, &ts[i]) }
	return f.runImport(ImportTickets, cfg, rowInsert{n: len(ts), add: add, progress: progress}, func(tx *gorm.DB, id int64, ins *rowInsert) error {
		replaces, err := hasRows(tx, "tickets")
		if err != nil || !replaces { // into an empty table, the tickets (checked: no id twice) meet no conflict
			return err
		}
		// the tickets that are in the file already are kept before they are updated
		ins.conflict = "external_id"
		m := monitoringTables[ImportTickets]
		kept := 0 // ts[:kept] are looked up
		ins.before = func(start, _ int) error {
			if start < kept {
				return nil
			}
			kept = min(start+keepRows, len(ts))
			ids := make([]string, 0, kept-start)
			for _, t := range ts[start:kept] {
				ids = append(ids, t.ExternalID)
			}
			return m.keep(tx, id, false, "external_id IN ?", ids)
		}
		return nil
	})
}

// runImport writes one import of a kind in one transaction: it begins the import, lets prepare
// set aside the rows the import replaces (and complete ins), adds the rows of ins to the kind's
// table with the import's id, and finishes the import.
func (f *File) runImport(kind string, cfg map[string]string, ins rowInsert, prepare func(tx *gorm.DB, id int64, ins *rowInsert) error) (Import, error) {
	var imp Import
	m := monitoringTables[kind]
	err := f.writeBulk(func(tx *gorm.DB) error {
		id, err := f.beginImport(tx, kind, cfg)
		if err != nil {
			return err
		}
		if err := prepare(tx, id, &ins); err != nil {
			return err
		}
		importID := any(id) // boxed once, not per row
		add := ins.add
		ins.table, ins.cols = m.table, append(m.cols[:len(m.cols):len(m.cols)], "import_id")
		ins.add = func(args []any, i int) []any { return append(add(args, i), importID) }
		if err := insertBatches(tx, ins); err != nil {
			return err
		}
		imp, err = finishImport(tx, kind, id, cfg)
		return err
	})
	return imp, err
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

// spanImport writes one import of calls or answers: the rows of the kind that match where are
// kept and deleted (the span the list covers), the n new rows are added.
func (f *File) spanImport(kind string, cfg map[string]string, where string, args []any, n int,
	add func(args []any, i int) []any, progress Progress) (Import, error) {
	return f.runImport(kind, cfg, rowInsert{n: n, add: add, progress: progress}, func(tx *gorm.DB, id int64, _ *rowInsert) error {
		if where == "" {
			return nil
		}
		return monitoringTables[kind].setAside(tx, id, where, args...)
	})
}

// ReplaceCallsBetween replaces the calls from first to last (both included) by cs as one import
// in one transaction: a call list has no ids, so a list re-imported replaces the span it covers
// (the calls replaced are kept for undo). cfg is saved with them.
func (f *File) ReplaceCallsBetween(first, last time.Time, cs []domain.Call, cfg map[string]string, progress Progress) (Import, error) {
	callOK := func(c domain.Call) (time.Time, bool) { return c.At, c.WaitSeconds >= 0 && c.TalkSeconds >= 0 }
	if err := checkTimedRows(cs, "call", callOK); err != nil {
		return Import{}, err
	}
	return f.spanImport(ImportCalls, cfg, "at >= ? AND at <= ?", []any{first.Unix(), last.Unix()}, len(cs),
		func(args []any, i int) []any { return appendCall(args, &cs[i]) }, progress)
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

// ReplaceAnswersBetween replaces the answers to the given questions from first to last by as,
// as one import in one transaction (the answers replaced are kept for undo), and saves cfg with
// them (the survey mapping used).
func (f *File) ReplaceAnswersBetween(first, last time.Time, questions []string, as []domain.SurveyAnswer, cfg map[string]string, progress Progress) (Import, error) {
	answerOK := func(a domain.SurveyAnswer) (time.Time, bool) { return a.At, a.Score >= 1 && a.Score <= 5 }
	if err := checkTimedRows(as, "answer", answerOK); err != nil {
		return Import{}, err
	}
	where := ""
	if len(questions) > 0 {
		where = "at >= ? AND at <= ? AND question IN ?"
	}
	return f.spanImport(ImportSurvey, cfg, where, []any{first.Unix(), last.Unix(), questions}, len(as),
		func(args []any, i int) []any { return appendAnswer(args, &as[i]) }, progress)
}

// ClearMonitoring removes every row of a kind (ImportTickets, ImportCalls, ImportSurvey) as an
// import that replaces them all by nothing, so that undo brings them back.
func (f *File) ClearMonitoring(kind string) (Import, error) {
	if _, ok := monitoringTables[kind]; !ok {
		return Import{}, errImportState
	}
	return f.spanImport(kind, nil, "1 = 1", nil, 0, nil, nil)
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
