package pdfkit

import (
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
)

// A value is computed once per key however many ask for it at the same time; without a memo
// every call computes.
func TestRememberComputesOncePerKey(t *testing.T) {
	m := &Memo{}
	var calls atomic.Int32
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if v := Remember(m, "a", func() int { calls.Add(1); return 42 }); v != 42 {
				t.Errorf("got %d", v)
			}
		}()
	}
	wg.Wait()
	if n := calls.Load(); n != 1 {
		t.Errorf("computed %d times, want 1", n)
	}
	if v := Remember(m, "b", func() int { return 7 }); v != 7 {
		t.Errorf("second key: %d", v)
	}
	n := 0
	Remember(nil, "a", func() int { n++; return 0 })
	Remember(nil, "a", func() int { n++; return 0 })
	if n != 2 {
		t.Errorf("without a memo: computed %d times, want 2", n)
	}
}

// A chart drawn ahead is the one the section prints, drawn once; its error comes back as well.
func TestDrawAheadServesTheSection(t *testing.T) {
	m := &Memo{}
	var draws atomic.Int32
	c := Chart{Key: "x", Draw: func() ([]byte, error) { draws.Add(1); return []byte{1, 2, 3}, nil }}
	bad := Chart{Key: "y", Draw: func() ([]byte, error) { draws.Add(1); return nil, errors.New("no data") }}
	DrawAhead(m, c, bad)
	r := &Report{Memo: m}
	for i := 0; i < 2; i++ { // two layout runs
		if png, err := c.PNG(r); err != nil || len(png) != 3 {
			t.Fatalf("run %d: %v %v", i, png, err)
		}
		if _, err := bad.PNG(r); err == nil {
			t.Fatalf("run %d: the drawing's error is lost", i)
		}
	}
	if n := draws.Load(); n != 2 {
		t.Errorf("%d drawings, want 2 (one per chart)", n)
	}
}

// A chart whose drawing panics on its goroutine does not end the program: the section gets
// the panic as the chart's error, in every layout run.
func TestAChartThatPanicsAheadBecomesAnError(t *testing.T) {
	m := &Memo{}
	broken := Chart{Key: "z", Draw: func() ([]byte, error) {
		var values []float64
		return nil, fmt.Errorf("%v", values[3]) // index out of range
	}}
	DrawAhead(m, broken)
	r := &Report{Memo: m}
	for i := 0; i < 2; i++ {
		if png, err := broken.PNG(r); err == nil || png != nil {
			t.Fatalf("run %d: %v, %v; want the panic as an error", i, png, err)
		}
	}
}
