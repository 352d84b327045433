package persistence

import (
	"database/sql"
	"strings"
	"time"

	"gorm.io/gorm"

	"schulit-lotse/domain"
	"schulit-lotse/domain/kpi"
	"schulit-lotse/persistence/internal/sqlrows"
)

// The monitoring store answers what the KPIs, the overview and the checks need of the raw
// monitoring rows without loading them all: counts and horizons by aggregate, and for a period
// just its tickets (plus those still open at its start), calls and answers, through the indexes
// on tickets.created, calls.at and survey_answers.at. The queries are plain SQL that PostgreSQL
// runs as well; only the row check of a received file (CheckMonitoringRows, validate_rows.go)
// asks SQLite for the storage class of a value, which a typed column of a server database
// cannot hold wrongly.

// MonitoringOverview is what the file holds of the monitoring data, without its rows.
type MonitoringOverview struct {
	domain.MonitoringCounts
	// TicketHorizon is the newest creation, response or resolution of any ticket (as
	// kpi.TicketHorizon); Horizon also counts calls and answers (as kpi.Horizon). Zero when
	// there are none.
	TicketHorizon time.Time
	Horizon       time.Time
}

// MonitoringOverview counts the tickets, calls and answers and finds their horizons (those of
// MonitoringSpan); the tickets outside classes are counted against the classes of the SLAs in
// force of p.
func (f *File) MonitoringOverview(p *domain.Project) (MonitoringOverview, error) {
	s, err := f.MonitoringSpan()
	if err != nil {
		return MonitoringOverview{}, err
	}
	o := MonitoringOverview{MonitoringCounts: s.MonitoringCounts, TicketHorizon: s.TicketHorizon, Horizon: s.Horizon}
	if o.TicketsWithoutClass, err = f.ticketsOutsideClasses(p.ClassCodes()); err != nil {
		return o, f.refuseRows(err)
	}
	return o, nil
}

func latestOf(t time.Time, vals ...sql.NullInt64) time.Time {
	for _, v := range vals {
		if v.Valid {
			if u := time.Unix(v.Int64, 0).UTC(); u.After(t) {
				t = u
			}
		}
	}
	return t
}

// ticketsOutsideClasses counts the tickets whose priority is none of codes as
// domain.MonitoringFindings compares them (trimmed, any case). Tickets that name a code exactly
// are left out by the query; the few other spellings are grouped and compared here.
func (f *File) ticketsOutsideClasses(codes []string) (int, error) {
	known := map[string]bool{}
	exact := []string{}
	for _, c := range codes {
		known[domain.ClassKey(c)] = true
		exact = append(exact, c)
	}
	q := f.db.Table("tickets").Select("priority, count(*)")
	if len(exact) > 0 {
		q = q.Where("priority NOT IN ?", exact)
	}
	rows, err := q.Group("priority").Rows()
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var prio string
		var count int
		if err := rows.Scan(&prio, &count); err != nil {
			return 0, err
		}
		if !known[domain.ClassKey(prio)] {
			n += count
		}
	}
	return n, rows.Err()
}

// KPIData reads what a computation of the period needs (kpi.NeedsOf): the tickets created in
// [n.From, n.To) and those created earlier and not resolved before n.OpenAt, in creation order,
// and the calls and answers of [n.From, n.To). horizon is the tickets' horizon of the whole file.
func (f *File) KPIData(n kpi.Needs, horizon time.Time) (kpi.Data, error) {
	d := kpi.Data{TicketHorizon: horizon}
	from, to, openAt := n.From.Unix(), n.To.Unix(), n.OpenAt.Unix()
	// Open before the window first: they were all created earlier, so the two lists joined are
	// in creation order.
	open, err := f.tickets(f.db.Where("created < ? AND (resolved IS NULL OR resolved >= ?)", from, openAt), nil)
	if err != nil {
		return d, f.refuseRows(err)
	}
	if d.Tickets, err = f.tickets(f.db.Where("created >= ? AND created < ?", from, to), open); err != nil {
		return d, f.refuseRows(err)
	}
	if d.Calls, err = f.calls(from, to); err != nil {
		return d, f.refuseRows(err)
	}
	if d.Answers, err = f.answers(from, to); err != nil {
		return d, f.refuseRows(err)
	}
	return d, nil
}

// refuseRows names the file when a row of it cannot be read (a value of the wrong kind).
func (f *File) refuseRows(err error) error {
	if _, ok := IsRefused(err); ok {
		return err
	}
	if f.closed.Load() {
		return ErrClosed
	}
	return refuse(f.path, ReasonContent, err.Error())
}

// tickets appends the tickets where selects to out, in creation order.
func (f *File) tickets(where *gorm.DB, out []domain.Ticket) ([]domain.Ticket, error) {
	q := where.Table("tickets").Select(ticketReadCols).Order("created, id")
	return sqlrows.Collect(q.Rows, out, func(rows *sql.Rows) (domain.Ticket, error) {
		var r ticketRecord
		err := rows.Scan(&r.ID, &r.ExternalID, &r.Created, &r.FirstResponse, &r.Resolved, &r.Priority, &r.Category,
			&r.School, &r.Status, &r.PackageID, &r.ResponseNotMeasured)
		return fromTicketRecord(r), err
	})
}

var ticketReadCols = "id, " + strings.Join(ticketCols, ", ")

func (f *File) calls(from, to int64) ([]domain.Call, error) {
	q := f.db.Table("calls").Select("id, at, answered, wait_seconds, talk_seconds").Where("at >= ? AND at < ?", from, to).Order("at, id")
	return sqlrows.Collect(q.Rows, nil, func(rows *sql.Rows) (domain.Call, error) {
		var r callRecord
		var answered sql.NullBool
		var wait, talk sql.NullInt64
		err := rows.Scan(&r.ID, &r.At, &answered, &wait, &talk)
		r.Answered, r.WaitSeconds, r.TalkSeconds = answered.Bool, int(wait.Int64), int(talk.Int64)
		return fromCallRecord(r), err
	})
}

func (f *File) answers(from, to int64) ([]domain.SurveyAnswer, error) {
	q := f.db.Table("survey_answers").Select("id, at, question, score, school").Where("at >= ? AND at < ?", from, to).Order("at, id")
	return sqlrows.Collect(q.Rows, nil, func(rows *sql.Rows) (domain.SurveyAnswer, error) {
		var r surveyRecord
		var score sql.NullInt64
		err := rows.Scan(&r.ID, &r.At, &r.Question, &score, &r.School)
		r.Score = int(score.Int64)
		return fromSurveyRecord(r), err
	})
}

// LoadChecked is LoadPlan with the monitoring rows checked as Load checks them (so a file Load
// refuses is refused here too), for what needs the plan of a sound file but not the rows.
func (f *File) LoadChecked() (*domain.Project, error) {
	p, err := f.LoadPlan()
	if err != nil {
		return nil, err
	}
	if err := f.CheckMonitoringRows(); err != nil {
		return nil, err
	}
	return p, nil
}

// LoadWithoutRows is LoadPlan for what judges the whole project but reads no raw monitoring
// row (the check, the summary, the KPIs through KPIData): the rows are checked as Load checks
// them, so a file Load refuses is refused here too, and counted into p.Stored.
func (f *File) LoadWithoutRows() (*domain.Project, MonitoringOverview, error) {
	p, err := f.LoadChecked()
	if err != nil {
		return nil, MonitoringOverview{}, err
	}
	o, err := f.MonitoringOverview(p)
	if err != nil {
		return nil, o, err
	}
	counts := o.MonitoringCounts
	p.Stored = &counts
	return p, o, nil
}

// TicketHorizon is the newest creation, response or resolution of any ticket in the file
// (kpi.TicketHorizon without loading them; zero when there are none): with KPIData the file is
// a kpi.Source.
func (f *File) TicketHorizon() (time.Time, error) {
	var created, responded, resolved sql.NullInt64
	if err := f.db.Raw("SELECT max(created), max(first_response), max(resolved) FROM tickets").
		Row().Scan(&created, &responded, &resolved); err != nil {
		return time.Time{}, f.refuseRows(err)
	}
	return latestOf(time.Time{}, created, responded, resolved), nil
}

// Horizon is the newest creation, response or resolution of any ticket, call or answer in the
// file (kpi.Horizon without loading them; zero when there are none): it chooses a report's
// default period.
func (f *File) Horizon() (time.Time, error) {
	_, all, err := f.Horizons()
	return all, err
}

// Horizons are TicketHorizon and Horizon (the horizons of MonitoringOverview) without counting
// the rows: the newest call and answer come from the indexes on their times.
func (f *File) Horizons() (tickets, all time.Time, err error) {
	if tickets, err = f.TicketHorizon(); err != nil {
		return tickets, all, err
	}
	var calls, answers sql.NullInt64
	if err := f.db.Raw("SELECT (SELECT max(at) FROM calls), (SELECT max(at) FROM survey_answers)").Row().Scan(&calls, &answers); err != nil {
		return tickets, all, f.refuseRows(err)
	}
	return tickets, latestOf(tickets, calls, answers), nil
}

var _ kpi.Source = (*File)(nil)
