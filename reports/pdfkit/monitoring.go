package pdfkit

import (
	"sync"
	"time"

	"schulit-lotse/domain"
	"schulit-lotse/domain/kpi"
)

// MonitoringSource is where a report reads the monitoring data (tickets, calls, survey
// answers): the project file's store for a project read without its rows (the command line and
// the GUI pass their open file), else the project's own lists (ProjectMonitoring). Reports ask
// it for what their sections need – the rows of a period, a horizon, grouped counts – never
// for every row.
type MonitoringSource interface {
	kpi.Source
	// Horizon is kpi.Horizon over every ticket, call and answer the source holds (zero
	// without any): the newest data point, which chooses a report's default period.
	Horizon() (time.Time, error)
	// ServiceVolume is the Leistungsbeschreibung's Mengengerüst over the window's months
	// (domain.VolumeWindow), as domain.CountServiceVolume counts it.
	ServiceVolume(window []time.Time) (domain.ServiceVolume, error)
}

// ProjectMonitoring is the source of the rows the project itself holds.
func ProjectMonitoring(p *domain.Project) MonitoringSource {
	return projectMonitoring{kpi.FromProject(p), p}
}

type projectMonitoring struct {
	kpi.Source
	p *domain.Project
}

func (s projectMonitoring) Horizon() (time.Time, error) { return kpi.Horizon(s.p), nil }

func (s projectMonitoring) ServiceVolume(window []time.Time) (domain.ServiceVolume, error) {
	return domain.CountServiceVolume(s.p.Tickets, s.p.Calls, window), nil
}

// Memo keeps what a document computes once for all its layout runs – a chart's PNG, the KPIs
// of a period – so a second run (the one after the table of contents was measured) does not
// draw or read again. Values are kept by key; a key stands for one computation of the document.
// A value may be computed ahead on another goroutine: who asks for it meanwhile waits.
type Memo struct {
	mu     sync.Mutex
	values map[string]*memoEntry
}

type memoEntry struct {
	once sync.Once
	v    any
}

// Remember returns the value kept under key, computing it with f the first time; without a
// memo (nil) it computes every time.
func Remember[T any](m *Memo, key string, f func() T) T {
	if m == nil {
		return f()
	}
	m.mu.Lock()
	e := m.values[key]
	if e == nil {
		if m.values == nil {
			m.values = map[string]*memoEntry{}
		}
		e = &memoEntry{}
		m.values[key] = e
	}
	m.mu.Unlock()
	e.once.Do(func() { e.v = f() })
	return e.v.(T)
}

type chartRead struct {
	png []byte
	err error
}

// RememberPNG is a chart that r's document draws once for all its layout runs (Remember under
// key): its PNG, or the error drawing it gave.
func RememberPNG(r *Report, key string, draw func() ([]byte, error)) ([]byte, error) {
	c := Remember(r.Memo, key, func() chartRead {
		png, err := draw()
		return chartRead{png, err}
	})
	return c.png, c.err
}
