package persistence_test

import (
	"strings"
	"testing"
	"time"

	"schulit-lotse/domain"
	"schulit-lotse/persistence"
)

// pagedProject has seven tickets – two in January, three in February (one of them in package
// 1), two in March 2027, stored out of creation order – and three calls.
func pagedProject() *domain.Project {
	p := domain.NewProject("Seiten", time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC))
	p.Packages = []domain.Package{{ID: 1, Name: "Hardware"}}
	day := func(m time.Month, d, h int) time.Time { return time.Date(2027, m, d, h, 0, 0, 0, time.UTC) }
	one := int64(1)
	done := day(3, 20, 9)
	p.Tickets = []domain.Ticket{
		{ID: 1, ExternalID: "M-2", Created: day(3, 15, 8), Priority: "P2"},
		{ID: 2, ExternalID: "J-1", Created: day(1, 5, 8), Priority: "P1"},
		{ID: 3, ExternalID: "F-3", Created: day(2, 20, 8), Priority: "P3", PackageID: &one},
		{ID: 4, ExternalID: "F-1", Created: day(2, 1, 8), Priority: "P1", Resolved: &done},
		{ID: 5, ExternalID: "J-2", Created: day(1, 9, 8), Priority: "P2"},
		{ID: 6, ExternalID: "F-2", Created: day(2, 1, 8), Priority: "P2"}, // same moment as F-1: by id
		{ID: 7, ExternalID: "M-1", Created: day(3, 2, 8), Priority: "P4", PackageID: &one},
	}
	p.Calls = []domain.Call{{ID: 1, At: day(1, 7, 9)}, {ID: 2, At: day(2, 7, 9)}, {ID: 3, At: day(2, 28, 9)}}
	return p
}

func externalIDs(ts []domain.Ticket) string {
	ids := make([]string, len(ts))
	for i, t := range ts {
		ids[i] = t.ExternalID
	}
	return strings.Join(ids, " ")
}

// Pages of two over February hold F-1 F-2 (same moment, by id), then F-3, then nothing; all
// three pages say there are 3. Over the whole file pages of three: J-1 J-2 F-1 | F-2 F-3 M-1 |
// M-2 of 7.
func TestTicketPagesInCreationOrder(t *testing.T) {
	f := createFile(t, pagedProject())
	feb := persistence.TicketQuery{From: time.Date(2027, 2, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC)}
	for _, c := range []struct {
		q              persistence.TicketQuery
		offset, limit  int
		want           string
		total, atFirst int
	}{
		{feb, 0, 2, "F-1 F-2", 3, 0},
		{feb, 2, 2, "F-3", 3, 2},
		{feb, 4, 2, "", 3, 4},
		{persistence.TicketQuery{}, 0, 3, "J-1 J-2 F-1", 7, 0},
		{persistence.TicketQuery{}, 3, 3, "F-2 F-3 M-1", 7, 3},
		{persistence.TicketQuery{}, 6, 3, "M-2", 7, 6},
		// Only a start: March on.
		{persistence.TicketQuery{From: time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC)}, 0, 200, "M-1 M-2", 2, 0},
	} {
		page, err := f.TicketPage(c.q, c.offset, c.limit)
		if err != nil {
			t.Fatal(err)
		}
		if got := externalIDs(page.Tickets); got != c.want || page.Total != c.total || page.Offset != c.atFirst {
			t.Errorf("offset %d limit %d: %q of %d from %d, want %q of %d", c.offset, c.limit, got, page.Total, page.Offset, c.want, c.total)
		}
	}
	// A page's tickets are whole: F-1 carries its resolution.
	page, _ := f.TicketPage(feb, 0, 1)
	if len(page.Tickets) != 1 || page.Tickets[0].Resolved == nil || page.Tickets[0].Resolved.Day() != 20 {
		t.Errorf("F-1 read as %+v", page.Tickets)
	}
}

func TestOneTicketSpanAndCountsFromTheStore(t *testing.T) {
	f := createFile(t, pagedProject())
	tk, err := f.Ticket(3)
	if err != nil || tk == nil || tk.ExternalID != "F-3" || tk.PackageID == nil || *tk.PackageID != 1 {
		t.Fatalf("ticket 3: %+v %v", tk, err)
	}
	if tk, err := f.Ticket(99); tk != nil || err != nil {
		t.Errorf("ticket 99: %+v %v", tk, err)
	}
	if ids, err := f.TicketsOfPackage(1); err != nil || len(ids) != 2 || ids[0] != 3 || ids[1] != 7 {
		t.Errorf("tickets of package 1: %v %v", ids, err)
	}
	// Calls on 7 Feb and 28 Feb lie in [1 Feb, 28 Feb 09:00] (both ends count).
	if n, err := f.CountCallsBetween(time.Date(2027, 2, 1, 0, 0, 0, 0, time.UTC), time.Date(2027, 2, 28, 9, 0, 0, 0, time.UTC)); err != nil || n != 2 {
		t.Errorf("calls in February: %d %v", n, err)
	}
	s, err := f.MonitoringSpan()
	if err != nil {
		t.Fatal(err)
	}
	// First ticket 5 Jan, last created 15 Mar, but F-1's resolution on 20 Mar is the horizon.
	if s.Tickets != 7 || s.Calls != 3 || s.Answers != 0 || s.FirstTicket.Day() != 5 || s.LastTicket.Day() != 15 ||
		s.TicketHorizon.Day() != 20 || !s.Horizon.Equal(s.TicketHorizon) || s.FirstCall.Day() != 7 || s.LastCall.Month() != 2 ||
		!s.First().Equal(s.FirstTicket) {
		t.Errorf("span %+v", s)
	}
	empty, err := createFile(t, domain.NewProject("leer", time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC))).MonitoringSpan()
	if err != nil || empty.Tickets != 0 || !empty.Horizon.IsZero() || !empty.First().IsZero() {
		t.Errorf("empty span %+v %v", empty, err)
	}
}
