package wording

import (
	"errors"

	"fyne.io/fyne/v2/lang"

	"schulit-lotse/persistence/importers/ics"
)

// ICSError is a calendar reader's error in the user's words, naming the line.
func ICSError(err error) string {
	var pe *ics.ParseError
	if errors.As(err, &pe) {
		return lang.L(pe.Key, map[string]any{"Line": pe.Line, "Detail": pe.Detail})
	}
	return err.Error()
}

// ICSRecurrenceNotes say how many events recurrence rules made and which rules were not
// expanded (their first day only was read).
func ICSRecurrenceNotes(res *ics.Result) []string {
	var out []string
	if res.Expanded > 0 {
		out = append(out, lang.L("award.ics.expanded", map[string]any{"Count": res.Expanded}))
	}
	for _, u := range res.Unsupported {
		out = append(out, lang.L("award.ics.unsupported_rule", map[string]any{"Line": u.Line, "Rule": u.Rule}))
	}
	return out
}

// ICSReason explains which reading of DTEND the file suggests and why.
func ICSReason(res *ics.Result) string {
	ev := res.Evidence
	return lang.L(res.Reason, map[string]any{"SameDay": ev.SameDay, "Sunday": ev.EndsSunday, "Friday": ev.EndsFriday, "Monday": ev.EndsMonday})
}
