package reports

import (
	"errors"
	"time"

	"schulit-lotse/domain"
	"schulit-lotse/domain/kpi"
	"schulit-lotse/reports/pdfkit"
)

// MonitoringSource is where the reports read the monitoring data (pdfkit.MonitoringSource):
// Options.Monitoring, else the project's own lists.
type MonitoringSource = pdfkit.MonitoringSource

// monitoring is a book's access to the monitoring data: its source and what the sections
// computed from it – the newest data point, the KPIs of a period – kept in the book's memo, so
// the layout runs read the source once. A read that fails is kept in err and ends the report.
type monitoring struct {
	src  MonitoringSource
	memo *pdfkit.Memo
	err  error
}

func newMonitoring(p *domain.Project, opt Options, memo *pdfkit.Memo) *monitoring {
	return &monitoring{src: opt.MonitoringOf(p), memo: memo}
}

// fail keeps the first failure of the source.
func (m *monitoring) fail(err error) {
	if m.err == nil {
		m.err = err
	}
}

type timeRead struct {
	t   time.Time
	err error
}

type kpiRead struct {
	rep *kpi.Report
	err error
}

// horizon is the source's newest data point, read once for the book.
func (m *monitoring) horizon() timeRead {
	return pdfkit.Remember(m.memo, "monitoring.horizon", func() timeRead {
		t, err := m.src.Horizon()
		return timeRead{t, err}
	})
}

// kpis is the KPIs of period measured to the newest ticket data, computed once for the book.
func (m *monitoring) kpis(p *domain.Project, period kpi.Period) kpiRead {
	return pdfkit.Remember(m.memo, "monitoring.kpis "+period.String(), func() kpiRead {
		rep, err := kpi.ComputeFrom(p, m.src, period, kpi.Options{})
		return kpiRead{rep, err}
	})
}

// prefetch reads and computes the KPIs of the newest quarter (the period step 12, the Roter
// Faden and the Kurzfassung show) on a goroutine, while the layout writes the steps before, and
// with trend draws the section's trend chart from them; the section that needs them waits for
// them. Only reading happens there: a failure is kept with the figures and reported when a
// section asks for them.
func (m *monitoring) prefetch(p *domain.Project, trend bool) {
	if !p.Monitoring().HasData() {
		return
	}
	go func() {
		h := m.horizon()
		if h.err != nil {
			return
		}
		k := m.kpis(p, kpi.DefaultPeriodAt(h.t, p.Meta.CreatedAt))
		if trend && k.err == nil && k.rep.Tickets.Total.Tickets > 0 {
			pdfkit.DrawAhead(m.memo, trendChart(k.rep))
		}
	}()
}

// defaultPeriod is the quarter of the newest ticket, call or answer, the quarter of fallback
// when there is none (kpi.DefaultPeriod).
func (m *monitoring) defaultPeriod(fallback time.Time) kpi.Period {
	h := m.horizon()
	if h.err != nil {
		m.fail(h.err)
	}
	return kpi.DefaultPeriodAt(h.t, fallback)
}

// report is the KPIs of period measured to the newest ticket data (kpi.ComputeFrom); nil when
// the period is not valid or the source failed (then m.err says why).
func (m *monitoring) report(p *domain.Project, period kpi.Period) *kpi.Report {
	r := m.kpis(p, period)
	if r.err != nil && !errors.Is(r.err, kpi.ErrPeriod) {
		m.fail(r.err)
	}
	return r.rep
}

// allFindings is domain.AllFindings on the report's day, found once for the layout runs of r's
// document; the caller does not change the list.
func allFindings(r *pdfkit.Report, p *domain.Project) []domain.Finding {
	return pdfkit.Remember(r.Memo, "findings", func() []domain.Finding { return domain.AllFindings(p, r.AsOf()) })
}

// sectionPeriod is the period the Gesamtbericht and the Kurzfassung show: the quarter of the
// newest data (the project's creation when there is none).
func (m *monitoring) sectionPeriod(p *domain.Project) kpi.Period {
	return m.defaultPeriod(p.Meta.CreatedAt)
}
