package persistence

import "schulit-lotse/internal/leftover"

// The temporary files of whole-file writes and their removal after a killed run live in
// internal/leftover, shared with the exports; these names keep the package's own short.
var (
	tempPattern     = leftover.Pattern
	hostTag         = leftover.Host
	leftoverName    = leftover.Name
	removeLeftovers = leftover.Remove
	processAlive    = leftover.Alive
)
