package demo

import (
	"errors"
	"iter"
	"time"

	"schulit-lotse/domain"
	"schulit-lotse/domain/kpi"
)

// window hands the minutes the rows of each month while the three lists are generated: asked
// for what a period's KPIs need, it pulls each list on until past the period's end (every row
// pulled goes to the writer at once) and hands over what it holds; rows that no later period
// needs are dropped. Periods must be asked for in time order.
type window struct {
	tickets *puller[domain.Ticket]
	calls   *puller[domain.Call]
	answers *puller[domain.SurveyAnswer]
	held    kpi.Data
	last    kpi.Needs
}

func newWindow(tickets func(func(domain.Ticket) error) error, calls func(func(domain.Call) error) error,
	answers func(func(domain.SurveyAnswer) error) error, w RowWriter) *window {
	return &window{
		tickets: newPuller(tickets, func(t domain.Ticket) time.Time { return t.Created }, w.Ticket),
		calls:   newPuller(calls, func(c domain.Call) time.Time { return c.At }, w.Call),
		answers: newPuller(answers, func(a domain.SurveyAnswer) time.Time { return a.At }, w.Answer),
	}
}

// errOutOfOrder is returned when a period is asked for after a later one.
var errOutOfOrder = errors.New("demo: the months' rows were asked for out of order")

// KPIData hands over the tickets created before n.To that were created from n.From on or not
// resolved before n.OpenAt (in creation order), and the calls and answers of [n.From, n.To):
// at least what n names, as kpi.Source does.
func (w *window) KPIData(n kpi.Needs, horizon time.Time) (kpi.Data, error) {
	if n.From.Before(w.last.From) || n.OpenAt.Before(w.last.OpenAt) {
		return kpi.Data{}, errOutOfOrder
	}
	w.last = n
	var err error
	if w.held.Tickets, err = w.tickets.until(n.To, w.held.Tickets); err != nil {
		return kpi.Data{}, err
	}
	if w.held.Calls, err = w.calls.until(n.To, w.held.Calls); err != nil {
		return kpi.Data{}, err
	}
	if w.held.Answers, err = w.answers.until(n.To, w.held.Answers); err != nil {
		return kpi.Data{}, err
	}
	// Fresh lists: what was handed over before stays as it was.
	w.held.Tickets = keep(w.held.Tickets, func(t domain.Ticket) bool {
		return !t.Created.Before(n.From) || t.Resolved == nil || !t.Resolved.Before(n.OpenAt)
	})
	w.held.Calls = keep(w.held.Calls, func(c domain.Call) bool { return !c.At.Before(n.From) })
	w.held.Answers = keep(w.held.Answers, func(a domain.SurveyAnswer) bool { return !a.At.Before(n.From) })
	d := w.held
	d.TicketHorizon = horizon
	return d, nil
}

// drain writes the rows no period asked for.
func (w *window) drain() error {
	for _, d := range []func() error{w.tickets.drain, w.calls.drain, w.answers.drain} {
		if err := d(); err != nil {
			return err
		}
	}
	return nil
}

// stop ends the generators that still run.
func (w *window) stop() {
	w.tickets.stop()
	w.calls.stop()
	w.answers.stop()
}

func keep[T any](rows []T, ok func(T) bool) []T {
	out := make([]T, 0, len(rows))
	for _, r := range rows {
		if ok(r) {
			out = append(out, r)
		}
	}
	return out
}

// puller pulls the rows of one list, in time order, from its generator.
type puller[T any] struct {
	next   func() (T, bool)
	stop   func()
	at     func(T) time.Time
	put    func(T) error
	peeked *T // pulled, not yet due
}

func newPuller[T any](gen func(emit func(T) error) error, at func(T) time.Time, put func(T) error) *puller[T] {
	// The generator stops when yield says so; it has no other error than the one it is given.
	stopped := errors.New("stopped")
	seq := func(yield func(T) bool) {
		_ = gen(func(x T) error {
			if !yield(x) {
				return stopped
			}
			return nil
		})
	}
	next, stop := iter.Pull(iter.Seq[T](seq))
	return &puller[T]{next: next, stop: stop, at: at, put: put}
}

// until writes and appends to held the rows before to.
func (p *puller[T]) until(to time.Time, held []T) ([]T, error) {
	for {
		if p.peeked == nil {
			x, ok := p.next()
			if !ok {
				return held, nil
			}
			p.peeked = &x
		}
		if !p.at(*p.peeked).Before(to) {
			return held, nil
		}
		if err := p.put(*p.peeked); err != nil {
			return held, err
		}
		held = append(held, *p.peeked)
		p.peeked = nil
	}
}

// drain writes the rest of the rows.
func (p *puller[T]) drain() error {
	if p.peeked != nil {
		if err := p.put(*p.peeked); err != nil {
			return err
		}
		p.peeked = nil
	}
	for {
		x, ok := p.next()
		if !ok {
			return nil
		}
		if err := p.put(x); err != nil {
			return err
		}
	}
}
