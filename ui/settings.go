package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"schulit-lotse/domain"
	"schulit-lotse/internal/numfmt"
)

// settingsDialog edits the project's name, Schulträger, Bundesland and settings, and the UI
// language (a preference of this computer, not of the project).
type settingsDialog struct {
	dlg          *dialog.CustomDialog
	name         *widget.Entry
	schultraeger *widget.Entry
	land         *widget.Select
	hours        *widget.Entry
	mode         *widget.Select
	asOf         *widget.Entry
	language     *widget.Select
	message      *widget.Label
	save         *widget.Button
}

var priorityModes = []domain.PriorityMode{domain.PriorityRanking, domain.PriorityMustNice}

func (sh *shell) showSettings() { sh.settingsDialog() }

func (sh *shell) settingsDialog() *settingsDialog {
	if sh.sess == nil {
		return nil
	}
	p := sh.sess.Project
	d := &settingsDialog{}
	d.name = widget.NewEntry()
	d.name.SetText(p.Meta.Name)
	d.schultraeger = widget.NewEntry()
	d.schultraeger.SetText(p.Meta.Schultraeger)
	d.land = bundeslandSelect(p.Meta.Bundesland)
	d.hours = widget.NewEntry()
	d.hours.SetText(numfmt.Format(p.Settings.HoursPerPersonDay, sh.language))
	modeNames := make([]string, len(priorityModes))
	for i, m := range priorityModes {
		modeNames[i] = lang.L("priority.mode." + string(m))
	}
	d.mode = widget.NewSelect(modeNames, nil)
	for i, m := range priorityModes {
		if m == p.Settings.PriorityMode {
			d.mode.SetSelectedIndex(i)
		}
	}
	d.asOf = widget.NewEntry()
	d.asOf.SetPlaceHolder(lang.L("ui.settings.as_of_placeholder"))
	if p.Meta.DataAsOf != nil {
		d.asOf.SetText(p.Meta.DataAsOf.String())
	}
	languageNote := paragraph("")
	languageNote.Hide()
	d.language = languageSelect(sh.app.Preferences(), func() { setMessage(languageNote, lang.L("ui.settings.language_restart")) })
	d.message = messageLabel()

	form := widget.NewForm(
		widget.NewFormItem(lang.L("ui.settings.name"), d.name),
		widget.NewFormItem(lang.L("ui.settings.schultraeger"), d.schultraeger),
		widget.NewFormItem(lang.L("ui.settings.bundesland"), d.land),
		&widget.FormItem{Text: lang.L("ui.settings.hours"), Widget: d.hours, HintText: lang.L("ui.settings.hours_hint")},
		&widget.FormItem{Text: lang.L("ui.settings.mode"), Widget: d.mode, HintText: lang.L("ui.settings.mode_hint")},
		&widget.FormItem{Text: lang.L("ui.settings.as_of"), Widget: d.asOf, HintText: lang.L("ui.settings.as_of_hint")},
		&widget.FormItem{Text: lang.L("ui.settings.language"), Widget: d.language, HintText: lang.L("ui.settings.language_hint")},
	)
	body := container.NewVBox(form, languageNote, d.message)
	if sh.sess.ReadOnly() {
		for _, w := range []fyne.Disableable{d.name, d.schultraeger, d.land, d.hours, d.mode, d.asOf} {
			w.Disable()
		}
		body = container.NewVBox(paragraph(lang.L("ui.settings.readonly")), form, languageNote, d.message)
	}
	d.dlg, d.save = sh.formDialog(lang.L("ui.settings.title"), 600, body, lang.L("ui.settings.save"), func() {
		if msg := sh.applySettings(d); msg != "" {
			setMessage(d.message, msg)
			return
		}
		d.dlg.Hide()
	})
	return d
}

// applySettings checks every field first and then commits what changed; it returns a message
// for the user when something is wrong, and changes nothing then.
func (sh *shell) applySettings(d *settingsDialog) string {
	if sh.sess == nil {
		return ""
	}
	if sh.sess.ReadOnly() {
		return "" // only the language can change, and it is stored already
	}
	p := sh.sess.Project
	meta := p.Meta
	meta.Name = strings.TrimSpace(d.name.Text)
	meta.Schultraeger = strings.TrimSpace(d.schultraeger.Text)
	meta.Bundesland = selectedBundesland(d.land)
	if meta.Name == "" {
		return lang.L(string(domain.ErrProjectNameEmpty))
	}
	switch in := strings.TrimSpace(d.asOf.Text); {
	case in == "":
		meta.DataAsOf = nil
	case p.Meta.DataAsOf != nil && in == p.Meta.DataAsOf.String():
	default:
		day, err := domain.ParseDate(in)
		if err != nil {
			return lang.L("err.date", map[string]any{"Value": in})
		}
		meta.DataAsOf = &day
	}
	settings := p.Settings
	hours, ok := parseNumber(d.hours.Text)
	if !ok {
		return lang.L("err.number", map[string]any{"Value": d.hours.Text})
	}
	settings.HoursPerPersonDay = hours
	if i := d.mode.SelectedIndex(); i >= 0 && i < len(priorityModes) {
		settings.PriorityMode = priorityModes[i]
	}
	if err := domain.ValidateSettings(settings); err != nil {
		return sh.errorText(err)
	}
	if meta != p.Meta {
		if err := sh.sess.SetMeta(meta); err != nil {
			return sh.errorText(err)
		}
	}
	if settings != p.Settings {
		if err := sh.sess.SetSettings(settings); err != nil {
			return sh.errorText(err)
		}
	}
	return ""
}

// bundeslandSelect offers the sixteen states by name.
func bundeslandSelect(current domain.Bundesland) *widget.Select {
	names := make([]string, len(domain.Bundeslaender))
	for i, b := range domain.Bundeslaender {
		names[i] = bundeslandName(b)
	}
	sel := widget.NewSelect(names, nil)
	for i, b := range domain.Bundeslaender {
		if b == current {
			sel.SetSelectedIndex(i)
		}
	}
	return sel
}

func selectedBundesland(sel *widget.Select) domain.Bundesland {
	if i := sel.SelectedIndex(); i >= 0 && i < len(domain.Bundeslaender) {
		return domain.Bundeslaender[i]
	}
	return ""
}
