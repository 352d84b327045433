package persistence

import (
	"database/sql"
	"time"

	"schulit-lotse/domain"
)

// Pages of the monitoring store for the screens that list tickets: the window keeps one page in
// memory, never the whole history. The queries are portable SQL on the index of
// tickets.created (the page) and on the primary key (one ticket).

// TicketQuery chooses tickets: those created in [From, To); a zero bound does not bound.
type TicketQuery struct {
	From, To time.Time
}

// TicketPage is one page of tickets in creation order (ties by id), from Offset on, and how
// many tickets the query selects in all.
type TicketPage struct {
	Tickets []domain.Ticket
	Offset  int
	Total   int
}

// where is the query's condition on the tickets table.
func (q TicketQuery) where() (string, []any) {
	cond, args := "1 = 1", []any{}
	if !q.From.IsZero() {
		cond += " AND created >= ?"
		args = append(args, q.From.Unix())
	}
	if !q.To.IsZero() {
		cond += " AND created < ?"
		args = append(args, q.To.Unix())
	}
	return cond, args
}

// TicketPage reads at most limit tickets of q from offset on, with the number q selects.
func (f *File) TicketPage(q TicketQuery, offset, limit int) (TicketPage, error) {
	page := TicketPage{Offset: max(offset, 0)}
	cond, args := q.where()
	var total int64
	if err := f.db.Table("tickets").Where(cond, args...).Count(&total).Error; err != nil {
		return page, f.refuseRows(err)
	}
	page.Total = int(total)
	if limit <= 0 || page.Offset >= page.Total {
		return page, nil
	}
	ts, err := f.tickets(f.db.Where(cond, args...).Offset(page.Offset).Limit(limit), nil)
	if err != nil {
		return page, f.refuseRows(err)
	}
	page.Tickets = ts
	return page, nil
}

// Ticket reads one ticket by its id; nil when the file has none with it.
func (f *File) Ticket(id int64) (*domain.Ticket, error) {
	ts, err := f.tickets(f.db.Where("id = ?", id), nil)
	if err != nil {
		return nil, f.refuseRows(err)
	}
	if len(ts) == 0 {
		return nil, nil
	}
	return &ts[0], nil
}

// TicketsOfPackage are the ids of the tickets assigned to a package, in id order (what undo of
// the package's deletion assigns again).
func (f *File) TicketsOfPackage(id int64) ([]int64, error) {
	var ids []int64
	if err := f.db.Table("tickets").Where("package_id = ?", id).Order("id").Pluck("id", &ids).Error; err != nil {
		return nil, f.refuseRows(err)
	}
	return ids, nil
}

// MonitoringSpan is how far the monitoring data reaches, without its rows.
type MonitoringSpan struct {
	domain.MonitoringCounts
	// FirstTicket and LastTicket are the first and last creation of a ticket, FirstCall and
	// LastCall the first and last call; zero without any.
	FirstTicket, LastTicket, FirstCall, LastCall time.Time
	// TicketHorizon and Horizon are as in MonitoringOverview.
	TicketHorizon, Horizon time.Time
}

// First is the earliest ticket or call (zero without any).
func (s MonitoringSpan) First() time.Time {
	switch {
	case s.FirstTicket.IsZero():
		return s.FirstCall
	case s.FirstCall.IsZero() || s.FirstTicket.Before(s.FirstCall):
		return s.FirstTicket
	}
	return s.FirstCall
}

// MonitoringSpan counts the rows and finds the first and last of each kind and the horizons
// (the minima and maxima of the times come from their indexes). The counts leave
// TicketsWithoutClass to MonitoringOverview, which is built on it.
func (f *File) MonitoringSpan() (MonitoringSpan, error) {
	var s MonitoringSpan
	var first, last, responded, resolved sql.NullInt64
	if err := f.db.Raw("SELECT count(*), min(created), max(created), max(first_response), max(resolved) FROM tickets").
		Row().Scan(&s.Tickets, &first, &last, &responded, &resolved); err != nil {
		return s, f.refuseRows(err)
	}
	s.FirstTicket, s.LastTicket = latestOf(time.Time{}, first), latestOf(time.Time{}, last)
	s.TicketHorizon = latestOf(time.Time{}, last, responded, resolved)
	var cFirst, cLast sql.NullInt64
	if err := f.db.Raw("SELECT count(*), min(at), max(at) FROM calls").Row().Scan(&s.Calls, &cFirst, &cLast); err != nil {
		return s, f.refuseRows(err)
	}
	s.FirstCall, s.LastCall = latestOf(time.Time{}, cFirst), latestOf(time.Time{}, cLast)
	var aLast sql.NullInt64
	if err := f.db.Raw("SELECT count(*), max(at) FROM survey_answers").Row().Scan(&s.Answers, &aLast); err != nil {
		return s, f.refuseRows(err)
	}
	s.Horizon = latestOf(s.TicketHorizon, cLast, aLast)
	return s, nil
}

// CountCallsBetween counts the calls in [from, to] (what an import of calls of that span
// replaces).
func (f *File) CountCallsBetween(from, to time.Time) (int, error) {
	var n int64
	if err := f.db.Table("calls").Where("at >= ? AND at <= ?", from.Unix(), to.Unix()).Count(&n).Error; err != nil {
		return 0, f.refuseRows(err)
	}
	return int(n), nil
}
