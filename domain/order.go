package domain

import "sort"

// userOrdered is a list item the user puts in order: by its sort key (the sort order the user
// set, or an escalation's level), then by id (the order of creation).
type userOrdered interface{ userOrder() (key int, id int64) }

func (t Task) userOrder() (int, int64)             { return t.SortOrder, t.ID }
func (pk Package) userOrder() (int, int64)         { return pk.SortOrder, pk.ID }
func (r Role) userOrder() (int, int64)             { return r.SortOrder, r.ID }
func (a RaciActivity) userOrder() (int, int64)     { return a.SortOrder, a.ID }
func (c CommunicationRow) userOrder() (int, int64) { return c.SortOrder, c.ID }
func (e EscalationLevel) userOrder() (int, int64)  { return e.Level, e.ID }
func (x Person) userOrder() (int, int64)           { return x.SortOrder, x.ID }
func (c TenderCriterion) userOrder() (int, int64)  { return c.SortOrder, c.ID }

// inUserOrder returns a copy of items sorted by sort key, then id (nil for an empty list).
func inUserOrder[T userOrdered](items []T) []T {
	out := append([]T(nil), items...)
	sort.SliceStable(out, func(a, b int) bool {
		ka, ia := out[a].userOrder()
		kb, ib := out[b].userOrder()
		if ka != kb {
			return ka < kb
		}
		return ia < ib
	})
	return out
}

// itemByID is the first item of the list whose id (as idOf reads it) is id, or nil.
func itemByID[T any](items []T, id int64, idOf func(*T) int64) *T {
	for i := range items {
		if idOf(&items[i]) == id {
			return &items[i]
		}
	}
	return nil
}
