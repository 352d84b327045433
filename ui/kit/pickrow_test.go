package kit

import "testing"

func TestPickRow(t *testing.T) {
	ids := []int64{7, 9}
	var picked int64
	shown := 0
	pick := PickRow(&ids, &picked, func() { shown++ })
	pick(1)
	if picked != 9 || shown != 1 {
		t.Fatalf("row 1: picked %d, shown %d times", picked, shown)
	}
	ids = []int64{4} // the table was filled again
	pick(0)
	pick(1) // past the rows
	pick(-1)
	if picked != 4 || shown != 2 {
		t.Fatalf("after refilling: picked %d, shown %d times", picked, shown)
	}
}
