package kpi

import (
	"math/rand"
	"sort"
	"strconv"
	"testing"
	"time"

	"schulit-lotse/domain"
)

// landkreis is the scale of DESIGN.md: 250,000 tickets over three years from 120 schools,
// 400,000 calls and 5,000 survey answers, made deterministically.
func landkreis(tickets, calls int) *domain.Project {
	p := domain.NewProject("Landkreis", time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	p.SLAs = []domain.SLA{officeSLA()}
	for i := 0; i < 40; i++ {
		p.Packages = append(p.Packages, domain.Package{ID: int64(i + 1), Name: "Paket " + strconv.Itoa(i+1)})
	}
	rnd := rand.New(rand.NewSource(1))
	start := at(2025, 1, 1, 0, 0)
	span := int64(3 * 365 * 24 * time.Hour / time.Second)
	cats := []string{"Netzwerk", "Drucker", "Tablets", "Konten", "Software", "Beamer", "WLAN", "Sonstiges"}
	prios := []string{"P1", "P2", "P3", "P3", "P2", "P2"}
	p.Tickets = make([]domain.Ticket, tickets)
	for i := range p.Tickets {
		c := start.Add(time.Duration(rnd.Int63n(span)) * time.Second)
		t := domain.Ticket{ID: int64(i + 1), ExternalID: strconv.Itoa(100000 + i), Created: c,
			Priority: prios[rnd.Intn(len(prios))], Category: cats[rnd.Intn(len(cats))],
			School: "Schule " + strconv.Itoa(rnd.Intn(120)+1), Status: "closed"}
		r := c.Add(time.Duration(rnd.Intn(600)) * time.Minute)
		t.FirstResponse = &r
		if rnd.Intn(50) > 0 {
			s := r.Add(time.Duration(rnd.Intn(14*24*60)) * time.Minute)
			t.Resolved = &s
		}
		if rnd.Intn(3) == 0 {
			pk := int64(rnd.Intn(40) + 1)
			t.PackageID = &pk
		}
		p.Tickets[i] = t
	}
	// The file gives tickets and calls in time order.
	sort.Slice(p.Tickets, func(a, b int) bool { return p.Tickets[a].Created.Before(p.Tickets[b].Created) })
	p.Calls = make([]domain.Call, calls)
	for i := range p.Calls {
		p.Calls[i] = domain.Call{ID: int64(i + 1), At: start.Add(time.Duration(rnd.Int63n(span)) * time.Second),
			Answered: rnd.Intn(10) > 0, WaitSeconds: rnd.Intn(120), TalkSeconds: rnd.Intn(900)}
	}
	sort.Slice(p.Calls, func(a, b int) bool { return p.Calls[a].At.Before(p.Calls[b].At) })
	for i := 0; i < 5000; i++ {
		p.SurveyAnswers = append(p.SurveyAnswers, domain.SurveyAnswer{ID: int64(i + 1),
			At: start.Add(time.Duration(rnd.Int63n(span)) * time.Second), Question: "Q1", Score: rnd.Intn(5) + 1})
	}
	return p
}

// BenchmarkKPIQuarter250k computes every KPI of one quarter (and the quarter before, for the
// comparison) over 250,000 tickets, 400,000 calls and 5,000 answers. Target: under 0.2 s.
func BenchmarkKPIQuarter250k(b *testing.B) {
	p := landkreis(250_000, 400_000)
	q := QuarterPeriod(domain.NewDate(2026, 5, 1))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r, err := Compute(p, q, Options{})
		if err != nil || r.Tickets.Total.Tickets < 15000 {
			b.Fatalf("%v, %d tickets", err, r.Tickets.Total.Tickets)
		}
	}
}

// BenchmarkHotlineQuarter400k is the hotline part alone over 400,000 calls.
func BenchmarkHotlineQuarter400k(b *testing.B) {
	p := landkreis(0, 400_000)
	q := QuarterPeriod(domain.NewDate(2026, 5, 1))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if h := computeHotline(p.Calls, q, 30); h.Calls == 0 {
			b.Fatal("no calls")
		}
	}
}
