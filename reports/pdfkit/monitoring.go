package pdfkit

import (
	"fmt"
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
	return rememberChart(r.Memo, key, draw)
}

func rememberChart(m *Memo, key string, draw func() ([]byte, error)) ([]byte, error) {
	c := Remember(m, key, func() (c chartRead) {
		// A chart drawn ahead runs on a goroutine of its own, where a panic would end the
		// program: it becomes the chart's error, which the section reports as any other.
		defer func() {
			if p := recover(); p != nil {
				c = chartRead{err: fmt.Errorf("chart %s: %v", key, p)}
			}
		}()
		png, err := draw()
		return chartRead{png, err}
	})
	return c.png, c.err
}

// Chart is a picture a section prints: the key it is kept under in the document's memo – made
// from everything it is drawn from, so that a chart drawn ahead (DrawAhead) serves only a
// section that would draw the same – and how it is drawn.
type Chart struct {
	Key  string
	Draw func() ([]byte, error)
}

// PNG is the chart, drawn once for all layout runs of r's document.
func (c Chart) PNG(r *Report) ([]byte, error) { return rememberChart(r.Memo, c.Key, c.Draw) }

// DrawAhead starts drawing charts into m on goroutines while the layout writes the pages before
// them (drawing and encoding a chart is most of a report's time); a section that reaches a
// chart still being drawn waits for it. A chart no section asks for only costs its drawing.
func DrawAhead(m *Memo, charts ...Chart) {
	if m == nil {
		return
	}
	for _, c := range charts {
		go rememberChart(m, c.Key, c.Draw)
	}
}

// PortraitWidth is the text width of a portrait page in mm (Report.Width there).
const PortraitWidth = a4Width - marginLeft - marginRight
