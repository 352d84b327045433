package kpi

import (
	"errors"
	"reflect"
	"testing"
	"time"

	"schulit-lotse/domain"
)

func TestComputeFromProjectEqualsCompute(t *testing.T) {
	p := handProject()
	for _, opt := range []Options{{}, {AsOf: at(2027, time.March, 20, 12, 0)}, {Scope: ScopeProvider}} {
		want, err := Compute(p, march, opt)
		if err != nil {
			t.Fatal(err)
		}
		got, err := ComputeFrom(p, FromProject(p), march, opt)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("options %+v: ComputeFrom differs from Compute:\n got %+v\nwant %+v", opt, got, want)
		}
	}
}

type failingSource struct{ err error }

func (s failingSource) TicketHorizon() (time.Time, error) { return time.Time{}, nil }
func (s failingSource) KPIData(Needs, time.Time) (Data, error) {
	return Data{}, s.err
}

func TestComputeFromPassesTheSourcesError(t *testing.T) {
	boom := errors.New("row unreadable")
	_, err := ComputeFrom(handProject(), failingSource{boom}, march, Options{})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v, want the source's error", err)
	}
	if _, err := ComputeFrom(handProject(), failingSource{boom}, Period{From: domain.NewDate(2027, 3, 2), To: domain.NewDate(2027, 3, 1)}, Options{}); !errors.Is(err, ErrPeriod) {
		t.Fatalf("invalid period: err = %v, want ErrPeriod", err)
	}
}
