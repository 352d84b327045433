package kit

import "testing"

func TestSetOrDelete(t *testing.T) {
	var m map[string]int
	m = SetOrDelete(m, "a", 1, true)
	m = SetOrDelete(m, "b", 2, true)
	if len(m) != 2 || m["a"] != 1 || m["b"] != 2 {
		t.Fatalf("after two keeps: %v", m)
	}
	m = SetOrDelete(m, "a", 0, false)
	if _, ok := m["a"]; ok || len(m) != 1 {
		t.Fatalf("after taking a out: %v", m)
	}
	// Taking a key out of no map still gives a map (the edits compare against stored maps).
	if e := SetOrDelete[string, int](nil, "x", 0, false); e == nil || len(e) != 0 {
		t.Fatalf("nil map: %#v", e)
	}
}
