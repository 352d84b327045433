package kit

// PickRow is an OnSelect for a table whose rows show the records *ids names, in order: a tap on
// a row keeps that row's id in *picked and runs then (to show the record); a tap outside the
// rows does nothing.
func PickRow[K any](ids *[]K, picked *K, then func()) func(row int) {
	return func(row int) {
		if row >= 0 && row < len(*ids) {
			*picked = (*ids)[row]
			then()
		}
	}
}
