package steps

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

// numberField is an entry for one number: it commits on Enter and when the user leaves it, refuses
// what is not a number with a German message, and shows the stored value again when the edit was
// refused.
type numberField struct {
	entry   *commitEntry
	get     func() float64
	set     func(v float64) error
	integer bool
	money   bool // reads "150.000" as a grouped amount
	report  func(error)
	loading bool
}

func newNumberField(get func() float64, set func(v float64) error, integer bool, report func(error)) *numberField {
	f := &numberField{entry: newCommitEntry(), get: get, set: set, integer: integer, report: report}
	f.entry.OnSubmitted = func(string) { f.commit() }
	f.entry.onLeave = f.commit
	return f
}

func (f *numberField) text(v float64) string {
	if f.integer {
		return strconv.Itoa(int(v))
	}
	if f.money {
		return formatNumber(v) // grouped: awParseAmount reads "150.000" back as an amount
	}
	return formatValue(v)
}

// load shows the stored value.
func (f *numberField) load() {
	f.loading = true
	defer func() { f.loading = false }()
	showValue(f.entry, f.text(f.get()))
}

func (f *numberField) commit() {
	if f.loading {
		return
	}
	in := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(f.entry.Text), "€"))
	in = strings.TrimSpace(strings.TrimSuffix(in, "%"))
	if in == "" {
		in = "0"
	}
	var v float64
	var err error
	if f.money {
		v, err = awParseAmount(in)
	} else {
		v, err = parseNumber(in)
	}
	if err == nil && f.integer && v != float64(int(v)) {
		err = inputError(lang.L("err.number", map[string]any{"Value": in}))
	}
	if err == nil && v == f.get() {
		f.load()
		return
	}
	if err == nil {
		err = f.set(v)
	}
	if err != nil {
		f.load()
		f.report(err)
	}
}

// showValue puts a value from the model into an entry. Only a focused entry can hold a selection
// that would swallow the next key (see setValue).
func showValue(e *commitEntry, s string) {
	if e.Text == s {
		return
	}
	if app := fyne.CurrentApp(); app != nil {
		if c := app.Driver().CanvasForObject(e); c != nil && c.Focused() == e {
			e.setValue(s)
			return
		}
	}
	e.SetText(s)
}
