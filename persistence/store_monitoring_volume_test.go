package persistence

import (
	"fmt"
	"reflect"
	"testing"
	"time"

	"schulit-lotse/domain"
)

// The store's grouped counts equal the in-memory count of the same tickets and calls, at the
// window's edges too (midnight in Berlin on the 1st), and per school.
func TestServiceVolumeCountsInTheStoreAsInMemory(t *testing.T) {
	f := monitoringFile(t)
	b := func(y int, m time.Month, d, h, min int) time.Time {
		return time.Date(y, m, d, h, min, 0, 0, domain.Berlin)
	}
	var ts []domain.Ticket
	add := func(at time.Time, prio, school string) {
		x := tk(fmt.Sprintf("T-%d", len(ts)), at, prio)
		x.School = school
		ts = append(ts, x)
	}
	add(b(2026, time.June, 30, 23, 59), "P1", "A") // before the window
	add(b(2026, time.July, 1, 0, 0), "P2", "A")    // first month
	for d := 1; d <= 28; d++ {                     // February 2027: 28 tickets, P1 … P4 in turn
		add(b(2027, time.February, d, 9, 0), fmt.Sprintf("P%d", d%4+1), fmt.Sprintf("S%d", d%5))
	}
	add(b(2027, time.March, 3, 9, 0), "", "")      // no priority, no school
	add(b(2027, time.June, 30, 23, 59), "P3", "A") // last month
	add(b(2027, time.July, 1, 0, 0), "P1", "Z")    // after the window
	if _, err := f.UpsertTickets(ts, nil, nil); err != nil {
		t.Fatal(err)
	}
	var cs []domain.Call
	for i := 0; i < 10; i++ {
		cs = append(cs, domain.Call{At: b(2027, time.January, 31, 20, 0).Add(time.Duration(i) * time.Hour), Answered: true})
	}
	if _, err := f.ReplaceCallsBetween(cs[0].At, cs[9].At, cs, nil, nil); err != nil {
		t.Fatal(err)
	}
	window := domain.VolumeWindow(domain.NewDate(2027, time.July, 14))
	got, err := f.ServiceVolume(window)
	if err != nil {
		t.Fatal(err)
	}
	want := domain.CountServiceVolume(ts, cs, window)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("store\n%+v\nmemory\n%+v", got, want)
	}
	// By hand: February 2027 (month 7) holds 28 tickets, 7 of each priority; calls from
	// 31.01. 20:00 hourly: 20:00 … 23:00 = 4 in January, 00:00 … 05:00 = 6 in February.
	feb := got.Months[7]
	if feb.Month != domain.NewDate(2027, time.February, 1) || feb.TicketCount() != 28 || feb.Tickets["P1"] != 7 || feb.Calls != 6 || got.Months[6].Calls != 4 {
		t.Errorf("February %+v, January calls %d", feb, got.Months[6].Calls)
	}
	// Schools in the window: A and S0 … S4 = 6 (Z is after it, "" is none).
	if got.Schools != 6 {
		t.Errorf("schools %d, want 6", got.Schools)
	}
}
