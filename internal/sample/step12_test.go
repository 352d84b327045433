package sample

import (
	"testing"
	"time"

	"schulit-lotse/domain"
	"schulit-lotse/domain/kpi"
)

// TestSampleStep12 checks the worked example of step 12 in the committed sample.
func TestSampleStep12(t *testing.T) {
	p := committedSample(t)
	if len(p.Tickets) < 400 || len(p.Calls) < 600 || len(p.SurveyAnswers) < 150 || len(p.JourFixes) != 2 || len(p.Measures) != 5 || len(p.KnowledgeChecks) != 3 {
		t.Fatalf("tickets %d, calls %d, answers %d, meetings %d, measures %d, checks %d",
			len(p.Tickets), len(p.Calls), len(p.SurveyAnswers), len(p.JourFixes), len(p.Measures), len(p.KnowledgeChecks))
	}
	// Every ticket's priority is a class of the SLA, every time lies in the first half of 2027.
	classes := map[string]bool{}
	for _, c := range p.ClassCodes() {
		classes[c] = true
	}
	from, to := time.Date(2027, 1, 1, 0, 0, 0, 0, domain.Berlin), time.Date(2027, 7, 1, 0, 0, 0, 0, domain.Berlin)
	for _, tk := range p.Tickets {
		if !classes[tk.Priority] || tk.Created.Before(from) || !tk.Created.Before(to) ||
			tk.FirstResponse != nil && tk.FirstResponse.Before(tk.Created) || tk.Resolved != nil && tk.FirstResponse != nil && tk.Resolved.Before(*tk.FirstResponse) {
			t.Fatalf("ticket %+v", tk)
		}
	}
	// The default period is the second quarter; it is compared with the first.
	period := kpi.DefaultPeriod(p, time.Time{})
	if period.From.String() != "2027-04-01" || period.To.String() != "2027-06-30" {
		t.Fatalf("default period %v", period)
	}
	r, err := kpi.Compute(p, period, kpi.Options{})
	if err != nil {
		t.Fatal(err)
	}
	resp, _ := r.Indicator("kpi.response_share")
	if !resp.HasValue || resp.Previous == nil || resp.Value <= *resp.Previous || resp.Light == kpi.LightNone {
		t.Errorf("response share %+v: the provider should get better from Q1 to Q2", resp)
	}
	if r.Hotline.Calls == 0 || r.Satisfaction.Answers == 0 || len(r.Tickets.Breaches) == 0 || r.Tickets.Unclassified != 0 {
		t.Errorf("hotline %d calls, %d answers, %d breaches, %d unclassified", r.Hotline.Calls, r.Satisfaction.Answers, len(r.Tickets.Breaches), r.Tickets.Unclassified)
	}
	// The July minutes froze the second quarter and carried the open measure from April.
	f, ok := kpi.ParseFrozen(p.JourFixes[1].FrozenKPIs)
	if !ok || f.Period != period || len(f.CarriedMeasures) != 1 || f.CarriedMeasures[0].ID != 1212 {
		t.Errorf("frozen %+v", f)
	}
	// The day after the July meeting: the WLAN plan (due 30 June, in progress) is overdue and
	// the knowledge base was never reviewed – the open questions of step 12.
	fs := domain.MonitoringFindings(p, domain.NewDate(2027, 7, 14))
	if len(fs) != 2 || fs[0].Code != domain.FindMeasureOverdue || fs[0].EntityID != 1212 ||
		fs[1].Code != domain.FindKnowledgeNever || fs[1].Subject != "Wissensdatenbank" {
		t.Errorf("findings %+v", fs)
	}
}
