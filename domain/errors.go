package domain

// Error is a rule violation. Its value is a translation key; the UI and the command line turn it
// into a sentence in the user's language.
type Error string

func (e Error) Error() string { return string(e) }

// rule is nil when a rule holds (ok) and its violation err when it does not; a check lists its
// rules in order with cmp.Or, which gives the first violation.
func rule(ok bool, err Error) error {
	if ok {
		return nil
	}
	return err
}

// Rule violations of steps 1–2.
const (
	ErrTaskNameEmpty          Error = "err.task.name_empty"
	ErrEffortNotFinite        Error = "err.effort.not_finite"
	ErrEffortNegative         Error = "err.effort.negative"
	ErrEffortUnit             Error = "err.effort.unit"
	ErrPriorityRange          Error = "err.priority.range"
	ErrCoverageUnknown        Error = "err.coverage.unknown"
	ErrKeepWithoutResponsible Error = "err.coverage.keep_without_responsible"
	ErrHoursPerPersonDay      Error = "err.settings.hours_per_person_day"
	ErrPriorityMode           Error = "err.settings.priority_mode"
	ErrProjectNameEmpty       Error = "err.project.name_empty"
)
