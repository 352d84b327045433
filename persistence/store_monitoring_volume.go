package persistence

import (
	"fmt"
	"strings"
	"time"

	"schulit-lotse/domain"
)

// ServiceVolume counts the Mengengerüst of the Leistungsbeschreibung in the store: tickets by
// month and priority, calls by month, and the schools the tickets name, over the months between
// the window's boundaries (domain.VolumeWindow). Only grouped counts leave the database – at
// most months × priorities rows – never a ticket or a call; the SQL is portable (CASE in a
// derived table, GROUP BY on its columns, COUNT(DISTINCT)) and uses the time indexes.
func (f *File) ServiceVolume(window []time.Time) (domain.ServiceVolume, error) {
	v := domain.NewServiceVolume(window)
	if len(window) < 2 {
		return v, nil
	}
	from, to := window[0].Unix(), window[len(window)-1].Unix()
	month, monthArgs := volumeMonthCase(window)

	var tickets []struct {
		M        int
		Priority string
		N        int
	}
	q := "SELECT m, priority, COUNT(*) AS n FROM (SELECT " + month + " AS m, priority FROM tickets WHERE created >= ? AND created < ?) AS w GROUP BY m, priority"
	if err := f.db.Raw(q, append(monthArgs, from, to)...).Scan(&tickets).Error; err != nil {
		return v, fmt.Errorf("ticket volume: %w", err)
	}
	for _, r := range tickets {
		if r.M >= 0 && r.M < len(v.Months) {
			v.Months[r.M].Tickets[r.Priority] += r.N
		}
	}

	var calls []struct{ M, N int }
	q = "SELECT m, COUNT(*) AS n FROM (SELECT " + strings.ReplaceAll(month, "created", "at") + " AS m FROM calls WHERE at >= ? AND at < ?) AS w GROUP BY m"
	if err := f.db.Raw(q, append(monthArgs, from, to)...).Scan(&calls).Error; err != nil {
		return v, fmt.Errorf("call volume: %w", err)
	}
	for _, r := range calls {
		if r.M >= 0 && r.M < len(v.Months) {
			v.Months[r.M].Calls += r.N
		}
	}

	var schools int64
	if err := f.db.Raw("SELECT COUNT(DISTINCT school) FROM tickets WHERE created >= ? AND created < ? AND school <> ''", from, to).
		Scan(&schools).Error; err != nil {
		return v, fmt.Errorf("schools: %w", err)
	}
	v.Schools = int(schools)
	return v, nil
}

// volumeMonthCase is the CASE expression that numbers a row's month in the window (0 = the
// first) from its "created" column, with its arguments: the inner boundaries as Unix seconds.
func volumeMonthCase(window []time.Time) (string, []any) {
	var b strings.Builder
	var args []any
	b.WriteString("CASE")
	for i := 1; i < len(window)-1; i++ {
		fmt.Fprintf(&b, " WHEN created < ? THEN %d", i-1)
		args = append(args, window[i].Unix())
	}
	fmt.Fprintf(&b, " ELSE %d END", len(window)-2)
	return b.String(), args
}
