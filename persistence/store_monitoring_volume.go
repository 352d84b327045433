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
// most months × priorities × schools rows for the tickets, one per month for the calls – never a
// ticket or a call; the SQL is portable (CASE in a derived table, GROUP BY on its columns) and
// reads each table once through its time index.
func (f *File) ServiceVolume(window []time.Time) (domain.ServiceVolume, error) {
	v := domain.NewServiceVolume(window)
	if len(window) < 2 {
		return v, nil
	}
	from, to := window[0].Unix(), window[len(window)-1].Unix()
	month, monthArgs := volumeMonthCase(window)

	// One scan of the window's tickets: grouped by month, priority and school, the schools are
	// counted from the same rows (at most months × priorities × schools of them).
	var tickets []struct {
		M        int
		Priority string
		School   string
		N        int
	}
	q := "SELECT m, priority, school, COUNT(*) AS n FROM (SELECT " + month + " AS m, priority, school FROM tickets WHERE created >= ? AND created < ?) AS w GROUP BY m, priority, school"
	if err := f.db.Raw(q, append(monthArgs, from, to)...).Scan(&tickets).Error; err != nil {
		return v, fmt.Errorf("ticket volume: %w", err)
	}
	schools := map[string]bool{}
	for _, r := range tickets {
		if r.M >= 0 && r.M < len(v.Months) {
			v.Months[r.M].Tickets[r.Priority] += r.N
		}
		if r.School != "" {
			schools[r.School] = true
		}
	}
	v.Schools = len(schools)

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
