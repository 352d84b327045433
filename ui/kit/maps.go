package kit

// SetOrDelete keeps v under k in m when keep holds and takes k out of m otherwise; a nil m is
// made first (so the result is never nil). It returns m, for the caller to store back.
func SetOrDelete[K comparable, V any](m map[K]V, k K, v V, keep bool) map[K]V {
	if m == nil {
		m = map[K]V{}
	}
	if keep {
		m[k] = v
	} else {
		delete(m, k)
	}
	return m
}
