package kit

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

// NumberField is an entry for one number: it commits on Enter and when the user leaves it, refuses
// what is not a number with a German message, and shows the stored value again when the edit was
// refused.
type NumberField struct {
	Entry   *CommitEntry
	get     func() float64
	set     func(v float64) error
	integer bool
	Money   bool // reads "150.000" as a grouped amount
	report  func(error)
	loading bool
}

func NewNumberField(get func() float64, set func(v float64) error, integer bool, report func(error)) *NumberField {
	f := &NumberField{Entry: NewCommitEntry(), get: get, set: set, integer: integer, report: report}
	f.Entry.CommitOn(f.commit)
	return f
}

func (f *NumberField) text(v float64) string {
	if f.integer {
		return strconv.Itoa(int(v))
	}
	if f.Money {
		return FormatNumber(v) // grouped: ParseAmount reads "150.000" back as an amount
	}
	return FormatValue(v)
}

// Load shows the stored value.
func (f *NumberField) Load() {
	f.loading = true
	defer func() { f.loading = false }()
	ShowValue(f.Entry, f.text(f.get()))
}

func (f *NumberField) commit() {
	if f.loading {
		return
	}
	in := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(f.Entry.Text), "€"))
	in = strings.TrimSpace(strings.TrimSuffix(in, "%"))
	if in == "" {
		in = "0"
	}
	var v float64
	var err error
	if f.Money {
		v, err = ParseAmount(in)
	} else {
		v, err = ParseNumber(in)
	}
	if err == nil && f.integer && v != float64(int(v)) {
		err = InputError(lang.L("err.number", map[string]any{"Value": in}))
	}
	if err == nil && v == f.get() {
		f.Load()
		return
	}
	if err == nil {
		err = f.set(v)
	}
	if err != nil {
		f.Load()
		f.report(err)
	}
}

// ShowValue puts a value from the model into an entry. Only a focused entry can hold a selection
// that would swallow the next key (see setValue).
func ShowValue(e *CommitEntry, s string) {
	if e.Text == s {
		return
	}
	if app := fyne.CurrentApp(); app != nil {
		if c := app.Driver().CanvasForObject(e); c != nil && c.Focused() == e {
			e.SetValue(s)
			return
		}
	}
	e.SetText(s)
}
