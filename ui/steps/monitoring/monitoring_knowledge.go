package monitoring

import (
	imgcolor "image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"schulit-lotse/domain"
	"schulit-lotse/domain/kpi"
	"schulit-lotse/reports"
	"schulit-lotse/ui/kit"
)

// knowledgeTab holds the checks of the provider's knowledge management: what was reviewed
// (process documentation, minutes, knowledge base, …), when, by whom and with what result.
type knowledgeTab struct {
	ed       *monitoringEditor
	table    *table
	checks   []domain.KnowledgeCheck
	selected int64

	subject  *widget.SelectEntry
	on, by   *kit.CommitEntry
	findings *kit.CommitEntry
	fields   []fyne.Disableable
	add, del *widget.Button
	suggest  *widget.Button
	content  fyne.CanvasObject
}

func newKnowledgeTab(ed *monitoringEditor) *knowledgeTab {
	t := &knowledgeTab{ed: ed}
	t.table = newTable([]col{
		{title: lang.L("kpi.col.subject"), width: 180, grow: 1}, {title: lang.L("kpi.col.reviewed_on"), width: 100},
		{title: lang.L("kpi.col.reviewed_by"), width: 140, grow: 1}, {title: lang.L("kpi.col.findings"), width: 220, grow: 3},
	}, 200, func() int { return len(t.checks) }, t.cell, func(r int) {
		if r < len(t.checks) {
			t.selected = t.checks[r].ID
			t.load()
		}
	})
	t.table.tint = func(r int) imgcolor.Color {
		if r >= len(t.checks) {
			return nil
		}
		k := t.checks[r]
		if k.ReviewedOn == nil || k.ReviewedOn.Before(t.ed.sess().Today().AddDate(0, -domain.KnowledgeStaleAfter, 0)) {
			return lightTint(kpi.LightAmber) // never or long ago: an open question
		}
		if k.ID == t.selected {
			return selected
		}
		return nil
	}
	t.subject = widget.NewSelectEntry(domain.SuggestedKnowledgeSubjects)
	t.subject.OnSubmitted = func(string) { t.save() }
	t.subject.OnChanged = func(s string) {
		for _, x := range domain.SuggestedKnowledgeSubjects {
			if s == x { // picked from the list
				t.save()
			}
		}
	}
	t.on = kit.NewCommitEntry()
	t.on.SetPlaceHolder(lang.L("steps.date.placeholder"))
	t.by = kit.NewCommitEntry()
	t.findings = kit.AsNote(kit.NewCommitEntry(), 4)
	for _, e := range []*kit.CommitEntry{t.on, t.by, t.findings} {
		e.OnLeave = t.save
		if !e.MultiLine {
			e.OnSubmitted = func(string) { t.save() }
		}
	}
	t.fields = []fyne.Disableable{t.subject, t.on, t.by, t.findings}
	t.add = widget.NewButtonWithIcon(lang.L("mon.know.add"), theme.ContentAddIcon(), t.addCheck)
	t.suggest = widget.NewButtonWithIcon(lang.L("mon.know.suggest"), theme.ListIcon(), t.addSuggested)
	t.del = widget.NewButtonWithIcon(lang.L("mon.delete"), theme.DeleteIcon(), t.deleteCheck)
	intro := widget.NewLabel(lang.L("mon.know.intro"))
	intro.Wrapping = fyne.TextWrapWord
	form := container.New(&kit.WeightedRow{Weights: []float32{2, 0, 1}, Min: []float32{0, 130, 0}},
		kit.Labelled(lang.L("kpi.col.subject"), t.subject), kit.Labelled(lang.L("kpi.col.reviewed_on"), t.on), kit.Labelled(lang.L("kpi.col.reviewed_by"), t.by))
	bar := container.NewHBox(t.add, t.suggest, t.del)
	t.content = kit.NewBorder(container.NewVBox(intro, bar), container.NewVBox(form, kit.Labelled(lang.L("kpi.col.findings"), t.findings)),
		nil, nil, t.table)
	return t
}

func (t *knowledgeTab) cell(r, c int) string {
	k := t.checks[r]
	switch c {
	case 0:
		return kit.OneLine(k.Subject)
	case 1:
		if k.ReviewedOn == nil {
			return lang.L("kpi.report.never")
		}
		return reports.FormatDay(k.ReviewedOn.Time)
	case 2:
		return kit.OneLine(k.ReviewedBy)
	}
	return kit.OneLine(k.Findings)
}

func (t *knowledgeTab) current() *domain.KnowledgeCheck {
	for i := range t.ed.sess().Project.KnowledgeChecks {
		if k := &t.ed.sess().Project.KnowledgeChecks[i]; k.ID == t.selected {
			return k
		}
	}
	return nil
}

func (t *knowledgeTab) refresh() {
	t.checks = append(t.checks[:0], t.ed.sess().Project.KnowledgeChecks...)
	if t.current() == nil {
		t.selected = 0
	}
	ro := t.ed.sess().ReadOnly()
	kit.SetEnabled(!ro, t.add, t.suggest)
	t.table.refresh()
	t.load()
}

func (t *knowledgeTab) load() {
	k := t.current()
	if k == nil {
		t.subject.SetText("")
		for _, e := range []*kit.CommitEntry{t.on, t.by, t.findings} {
			set(e, "")
		}
		kit.SetEnabled(false, append(t.fields, t.del)...)
		t.table.refresh()
		return
	}
	kit.SetEnabled(!t.ed.sess().ReadOnly(), append(t.fields, t.del)...)
	if t.subject.Text != k.Subject {
		f := t.subject.OnChanged
		t.subject.OnChanged = nil
		t.subject.SetText(k.Subject)
		t.subject.OnChanged = f
	}
	set(t.on, kit.DateText(k.ReviewedOn))
	set(t.by, k.ReviewedBy)
	set(t.findings, k.Findings)
	t.table.refresh()
}

// pick shows a check (0 = just the tab).
func (t *knowledgeTab) pick(id int64) {
	if id != 0 {
		t.selected = id
	}
	t.load()
}

// save commits the form.
func (t *knowledgeTab) save() {
	if t.current() == nil {
		return
	}
	d, err := kit.ParseDate(t.on.Text)
	if err != nil {
		t.ed.ctx.Report(err)
		revert(t.load)
		return
	}
	subject := strings.TrimSpace(t.subject.Text)
	err = t.ed.sess().UpdateKnowledgeCheck(t.selected, "undo.monitoring.check", func(k *domain.KnowledgeCheck) {
		k.Subject, k.ReviewedOn, k.ReviewedBy, k.Findings = subject, d, strings.TrimSpace(t.by.Text), strings.TrimRight(t.findings.Text, " \n")
	})
	if err != nil {
		t.ed.ctx.Report(err)
		revert(t.load)
	}
}

func (t *knowledgeTab) addCheck() {
	id, err := t.ed.sess().AddKnowledgeCheck(domain.KnowledgeCheck{Subject: lang.L("mon.know.new")})
	if err != nil {
		t.ed.ctx.Report(err)
		return
	}
	t.selected = id
	t.load()
}

// addSuggested adds the kinds of documentation the seed names that are not listed yet.
func (t *knowledgeTab) addSuggested() {
	have := map[string]bool{}
	for _, k := range t.ed.sess().Project.KnowledgeChecks {
		have[domain.NormalizedName(k.Subject)] = true
	}
	for _, s := range domain.SuggestedKnowledgeSubjects {
		if have[domain.NormalizedName(s)] {
			continue
		}
		if _, err := t.ed.sess().AddKnowledgeCheck(domain.KnowledgeCheck{Subject: s}); err != nil {
			t.ed.ctx.Report(err)
			return
		}
	}
}

func (t *knowledgeTab) deleteCheck() {
	if t.current() == nil {
		return
	}
	if err := t.ed.sess().DeleteKnowledgeCheck(t.selected); err != nil {
		t.ed.ctx.Report(err)
	}
}
