package domain

import "testing"

func TestPriorityClass(t *testing.T) {
	want := map[int]PriorityClass{0: ClassNone, 1: ClassNice, 2: ClassNice, 3: ClassMust, 4: ClassMust, 5: ClassMust}
	for rank, c := range want {
		if got := (Priority{rank}).Class(); got != c {
			t.Errorf("rank %d: got %q, want %q", rank, got, c)
		}
	}
}

func TestPriorityWithClass(t *testing.T) {
	cases := []struct {
		rank  int
		class PriorityClass
		want  int
	}{
		{0, ClassMust, 4}, {0, ClassNice, 2},
		{5, ClassMust, 5}, {3, ClassMust, 3}, // already vorrangig: the rank is kept
		{1, ClassNice, 1}, {2, ClassNice, 2}, // already nachrangig: kept
		{1, ClassMust, 4}, {5, ClassNice, 2}, // class changes: representative rank
		{4, ClassNone, 0},
	}
	for _, c := range cases {
		if got := (Priority{c.rank}).WithClass(c.class).Rank; got != c.want {
			t.Errorf("rank %d WithClass(%q): got %d, want %d", c.rank, c.class, got, c.want)
		}
	}
}

// Switching the mode back and forth never changes a stored value: the mode only changes the view,
// and confirming the class a value already has keeps its rank.
func TestPriorityModeSwitchIsLossless(t *testing.T) {
	for rank := 0; rank <= 5; rank++ {
		p := Priority{rank}
		viaClass := p.WithClass(p.Class())
		if viaClass.Rank != rank {
			t.Errorf("rank %d -> class %q -> rank %d", rank, p.Class(), viaClass.Rank)
		}
	}
	for _, c := range []PriorityClass{ClassMust, ClassNice, ClassNone} {
		p := Priority{}.WithClass(c)
		if p.Class() != c {
			t.Errorf("class %q -> rank %d -> class %q", c, p.Rank, p.Class())
		}
	}
}

func TestCountNeeds(t *testing.T) {
	tasks := []Task{
		{Name: "a", IsNew: true, Critical: true, Priority: Priority{5}}, // new, critical, must
		{Name: "b", Priority: Priority{3}},                              // must
		{Name: "c", IsNew: true, Priority: Priority{1}},                 // new, nice
		{Name: "d", Critical: true},                                     // critical, open (rank 0)
		{Name: "e", Priority: Priority{2}},                              // nice
	}
	// new: a, c = 2; critical: a, d = 2; must: a, b = 2; nice: c, e = 2; open: d = 1
	want := NeedsCount{New: 2, Critical: 2, Must: 2, Nice: 2, Open: 1}
	if got := CountNeeds(tasks); got != want {
		t.Fatalf("got %+v, want %+v", got, want)
	}
	if got := CountNeeds(nil); got != (NeedsCount{}) {
		t.Fatalf("no tasks: got %+v", got)
	}
}
