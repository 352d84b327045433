package session

import (
	"cmp"
	"slices"

	"schulit-lotse/domain"
)

// The row plumbing every change model shares: a change puts rows (ids set by the session) and
// deletes ids; its inverse puts back the old rows and deletes the new ones; the model mirrors
// the committed change with upsert and keeps the order a fresh Load gives.

// commitEdit records a change and its inverse as one undoable command: Do commits do, Undo
// commits undo, both through commit (which writes the file, then the model).
func commitEdit[C any](s *Session, name string, do, undo C, commit func(C) error) error {
	return s.Execute(Command{
		Name: name,
		Do:   func() error { return commit(do) },
		Undo: func() error { return commit(undo) },
	})
}

// commitChange records a checked change of steps 10–12 as one undoable edit: an empty change
// does nothing; otherwise a copy of it (the caller keeps its own) and its inverse, derived from
// the model before the edit, go to commitEdit.
func commitChange[C any](s *Session, name string, ch C, empty bool, clone func(C) C, inverse func(*domain.Project, C) C, commit func(C) error) error {
	if empty {
		return nil
	}
	ch = clone(ch)
	return commitEdit(s, name, ch, inverse(s.Project, ch), commit)
}

// invert adds to put/del what undoes putting puts and deleting dels on list.
func invert[T any](list, puts []T, dels []int64, id func(T) int64, put *[]T, del *[]int64) {
	byID := make(map[int64]T, len(list))
	for _, x := range list {
		byID[id(x)] = x
	}
	for _, x := range puts {
		if old, ok := byID[id(x)]; ok {
			*put = append(*put, old)
		} else {
			*del = append(*del, id(x))
		}
	}
	for _, i := range dels {
		if old, ok := byID[i]; ok {
			*put = append(*put, old)
		}
	}
}

// upsert replaces rows with the same id, appends new ones and drops deleted ones.
func upsert[T any](list, puts []T, dels []int64, id func(T) int64) []T {
	if len(puts)+len(dels) == 0 {
		return list
	}
	gone := idSet(dels)
	put := make(map[int64]T, len(puts))
	for _, x := range puts {
		put[id(x)] = x
	}
	out := make([]T, 0, len(list)+len(puts))
	for _, x := range list {
		if gone[id(x)] {
			continue
		}
		if nx, ok := put[id(x)]; ok {
			out = append(out, nx)
			delete(put, id(x))
			continue
		}
		out = append(out, x)
	}
	for _, x := range puts {
		if _, ok := put[id(x)]; ok {
			out = append(out, x)
			delete(put, id(x))
		}
	}
	return out
}

// liveIDs are the ids of list once a change put puts and deleted dels.
func liveIDs[T any](list, puts []T, dels []int64, id func(T) int64) map[int64]bool {
	m := make(map[int64]bool, len(list)+len(puts))
	for _, x := range list {
		m[id(x)] = true
	}
	for _, x := range puts {
		m[id(x)] = true
	}
	for _, d := range dels {
		delete(m, d)
	}
	return m
}

// upsertByID is upsert for a list the file loads in id order: the result is in id order too.
func upsertByID[T any](list, puts []T, dels []int64, id func(T) int64) []T {
	out := upsert(list, puts, dels, id)
	slices.SortStableFunc(out, func(a, b T) int { return cmp.Compare(id(a), id(b)) })
	return out
}

// sortByDay orders rows by their day, rows of the same day by id (the order Load gives).
func sortByDay[T any](list []T, day func(T) domain.Date, id func(T) int64) {
	slices.SortStableFunc(list, func(a, b T) int {
		if c := day(a).Compare(day(b).Time); c != 0 {
			return c
		}
		return cmp.Compare(id(a), id(b))
	})
}

func idSet(ids []int64) map[int64]bool {
	m := make(map[int64]bool, len(ids))
	for _, id := range ids {
		m[id] = true
	}
	return m
}

// nextID is one more than the largest id of the list.
func nextID[T any](list []T, id func(T) int64) int64 {
	var m int64
	for _, x := range list {
		m = max(m, id(x))
	}
	return m + 1
}

func hasID[T any](list []T, id int64, get func(T) int64) bool {
	return rowByID(list, id, get) != nil
}

// rowByID is the row of the list with the id, nil when there is none.
func rowByID[T any](list []T, id int64, get func(T) int64) *T {
	for i := range list {
		if get(list[i]) == id {
			return &list[i]
		}
	}
	return nil
}

func maxOrder[T any](list []T, get func(T) int) int {
	m := 0
	for _, x := range list {
		m = max(m, get(x))
	}
	return m
}

func mapClone[T any](in []T, fn func(T) T) []T {
	if in == nil {
		return nil
	}
	out := make([]T, len(in))
	for i, x := range in {
		out[i] = fn(x)
	}
	return out
}

// clonePtr copies what p points to, so that model and undo history share no date or id.
func clonePtr[T any](p *T) *T {
	if p == nil {
		return nil
	}
	x := *p
	return &x
}
