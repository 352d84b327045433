package kpi

import (
	"time"

	"schulit-lotse/domain"
)

// Source hands a computation the monitoring rows it needs: the project's own lists
// (FromProject) or a store that keeps the rows outside the model (the project file). Screens,
// reports and the command line compute through it, so none of them needs every row in memory.
type Source interface {
	// TicketHorizon is TicketHorizon over every ticket the source holds (zero without any).
	TicketHorizon() (time.Time, error)
	// KPIData returns at least the rows n names (NeedsOf), tickets in creation order, with
	// horizon as the data's TicketHorizon.
	KPIData(n Needs, horizon time.Time) (Data, error)
}

// FromProject is the source of the rows the project itself holds.
func FromProject(p *domain.Project) Source { return projectSource{p} }

type projectSource struct{ p *domain.Project }

func (s projectSource) TicketHorizon() (time.Time, error) { return TicketHorizon(s.p), nil }

// KPIData hands over every row: ComputeData reads only those n names.
func (s projectSource) KPIData(_ Needs, horizon time.Time) (Data, error) {
	return Data{Tickets: s.p.Tickets, Calls: s.p.Calls, Answers: s.p.SurveyAnswers, TicketHorizon: horizon}, nil
}

// ComputeFrom is Compute over the rows src holds for the period (p's own lists are not read).
func ComputeFrom(p *domain.Project, src Source, period Period, opt Options) (*Report, error) {
	if !period.Valid() {
		return nil, ErrPeriod
	}
	horizon, err := src.TicketHorizon()
	if err != nil {
		return nil, err
	}
	d, err := src.KPIData(NeedsOf(period, AsOfFor(opt, horizon, period)), horizon)
	if err != nil {
		return nil, err
	}
	return ComputeData(p, d, period, opt)
}
