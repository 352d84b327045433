// Package clock is the one source of the date and time. main creates the system clock and hands
// it down through the session and the command line; tests pin a fixed one. Nothing else in the
// program reads the wall clock (internal/archtest enforces it).
package clock

import "time"

// Clock tells the current instant.
type Clock interface {
	Now() time.Time
}

// Func adapts a function to a Clock.
type Func func() time.Time

// Now calls f.
func (f Func) Now() time.Time { return f() }

// System is the wall clock of the machine.
func System() Clock { return Func(time.Now) }

// Fixed always tells t: the clock of tests and of reproducible output.
func Fixed(t time.Time) Clock { return Func(func() time.Time { return t }) }

// OrSystem returns c, or the system clock when c is nil (an unset option field).
func OrSystem(c Clock) Clock {
	if c == nil {
		return System()
	}
	return c
}

// Stopwatch measures elapsed time on c, for progress and timing output.
type Stopwatch struct {
	c     Clock
	start time.Time
}

// Start begins a measurement.
func Start(c Clock) Stopwatch { c = OrSystem(c); return Stopwatch{c: c, start: c.Now()} }

// Elapsed is the time since Start.
func (s Stopwatch) Elapsed() time.Duration { return s.c.Now().Sub(s.start) }
