package kit

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"schulit-lotse/domain"
)

// AttendeePicker edits a list of attendees – the participants of a meeting or a Jour fixe, the
// owners of a measure: persons of step 11 are chosen from a list, anyone else is added as a
// guest by name; each entry has a button that removes it. The caller stores the new list.
type AttendeePicker struct {
	onChange func([]domain.Attendee) error
	report   func(error)

	p       *domain.Project
	list    []domain.Attendee
	ids     []int64 // the person of each option of person
	enabled bool

	rows     *fyne.Container
	Removes  []*widget.Button
	Person   *widget.Select
	Guest    *widget.Entry
	AddGuest *widget.Button
	Content  fyne.CanvasObject
}

func NewAttendeePicker(onChange func([]domain.Attendee) error, report func(error)) *AttendeePicker {
	a := &AttendeePicker{onChange: onChange, report: report}
	a.rows = container.NewVBox()
	a.Person = widget.NewSelect(nil, nil) // render sets what a choice does
	a.Person.PlaceHolder = lang.L("people.pick")
	a.Guest = widget.NewEntry()
	a.Guest.SetPlaceHolder(lang.L("people.guest.placeholder"))
	add := func() {
		name := strings.TrimSpace(a.Guest.Text)
		if name == "" {
			return
		}
		a.Guest.SetText("")
		a.change(append(domain.CloneAttendees(a.list), domain.Attendee{Guest: name}))
	}
	a.Guest.OnSubmitted = func(string) { add() }
	a.AddGuest = widget.NewButtonWithIcon(lang.L("people.guest.add"), theme.ContentAddIcon(), add)
	adders := container.New(&WeightedRow{Weights: []float32{1, 1, 0}}, a.Person, a.Guest, a.AddGuest)
	a.Content = container.NewVBox(a.rows, adders)
	return a
}

// Set shows the list of p; enabled false shows it read-only.
func (a *AttendeePicker) Set(p *domain.Project, list []domain.Attendee, enabled bool) {
	a.p, a.list, a.enabled = p, domain.CloneAttendees(list), enabled
	a.render()
}

func (a *AttendeePicker) change(next []domain.Attendee) {
	if err := a.onChange(next); err != nil {
		a.report(err)
	} else {
		a.list = next
	}
	a.render()
}

func (a *AttendeePicker) render() {
	a.rows.RemoveAll()
	a.Removes = a.Removes[:0]
	if a.p == nil {
		a.Person.Disable()
		a.Guest.Disable()
		a.AddGuest.Disable()
		return
	}
	if len(a.list) == 0 {
		a.rows.Add(widget.NewLabel(lang.L("people.none")))
	}
	chosen := map[int64]bool{}
	for i, x := range a.list {
		if x.PersonID != nil {
			chosen[*x.PersonID] = true
		}
		text := a.p.AttendeeName(x)
		if x.PersonID == nil {
			text = lang.L("people.guest", map[string]any{"Name": text})
		} else if d := personDetail(a.p, *x.PersonID); d != "" {
			text += " – " + d
		}
		label := widget.NewLabel(text)
		label.Truncation = fyne.TextTruncateEllipsis
		i := i
		rm := widget.NewButtonWithIcon("", theme.ContentRemoveIcon(), func() {
			next := domain.CloneAttendees(a.list)
			a.change(append(next[:i], next[i+1:]...))
		})
		a.Removes = append(a.Removes, rm)
		a.rows.Add(NewBorder(nil, nil, nil, rm, label))
	}
	a.ids = a.ids[:0]
	var opts []string
	for _, x := range domain.SortedPersons(a.p.Persons) {
		if chosen[x.ID] {
			continue
		}
		a.ids = append(a.ids, x.ID)
		opt := x.Name
		if d := personDetail(a.p, x.ID); d != "" {
			opt += " – " + d
		}
		opts = append(opts, opt)
	}
	a.Person.OnChanged, a.Person.Options = nil, opts
	a.Person.ClearSelected()
	a.Person.OnChanged = func(string) {
		i := a.Person.SelectedIndex()
		if i < 0 || i >= len(a.ids) {
			return
		}
		id := a.ids[i]
		a.change(append(domain.CloneAttendees(a.list), domain.Attendee{PersonID: &id}))
	}
	for _, d := range append([]fyne.Disableable{a.Person, a.Guest, a.AddGuest}, toDisableable(a.Removes)...) {
		if a.enabled && (d != fyne.Disableable(a.Person) || len(opts) > 0) {
			d.Enable()
		} else {
			d.Disable()
		}
	}
	a.rows.Refresh()
}

func toDisableable(bs []*widget.Button) []fyne.Disableable {
	out := make([]fyne.Disableable, len(bs))
	for i, b := range bs {
		out[i] = b
	}
	return out
}

// personDetail names a person's organisation, or else the side they work for.
func personDetail(p *domain.Project, id int64) string {
	x := p.PersonByID(id)
	if x == nil {
		return ""
	}
	if o := strings.TrimSpace(x.Organisation); o != "" {
		return o
	}
	return PartyLabel(x.Party)
}

// PartyLabel is a side in the user's words: Schulträger, Schule, Dienstleister.
func PartyLabel(p domain.Party) string { return lang.L("party." + string(p)) }
