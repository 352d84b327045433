package resources

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"schulit-lotse/domain"
	"schulit-lotse/reports/charts"
	"schulit-lotse/ui/kit"
	"schulit-lotse/ui/session"
)

// scoreField is one of the eight scores of the four question groups.
type scoreField struct {
	key   string // translation stem and test handle
	group string
	ref   func(d *domain.SourcingDecision) *int
}

var scoreFields = []scoreField{
	{"risk_data_protection", domain.GroupOutsourcingRisk, func(d *domain.SourcingDecision) *int { return &d.RiskDataProtection }},
	{"risk_security", domain.GroupOutsourcingRisk, func(d *domain.SourcingDecision) *int { return &d.RiskSecurity }},
	{"risk_outage", domain.GroupOutsourcingRisk, func(d *domain.SourcingDecision) *int { return &d.RiskOutage }},
	{"project_risk", domain.GroupProjectRisk, func(d *domain.SourcingDecision) *int { return &d.ProjectRisk }},
	{"importance_users", domain.GroupImportance, func(d *domain.SourcingDecision) *int { return &d.ImportanceUsers }},
	{"importance_carrier", domain.GroupImportance, func(d *domain.SourcingDecision) *int { return &d.ImportanceCarrier }},
	{"budget_internal", domain.GroupBudget, func(d *domain.SourcingDecision) *int { return &d.BudgetInternal }},
	{"budget_external", domain.GroupBudget, func(d *domain.SourcingDecision) *int { return &d.BudgetExternal }},
}

// outcomeChoices are the decision radio's values; "" is "offen".
var outcomeChoices = []domain.SourcingOutcome{domain.OutcomeOpen, domain.OutcomeInternal, domain.OutcomeExternal, domain.OutcomeMixed}

func outcomeLabel(o domain.SourcingOutcome) string {
	if o == domain.OutcomeOpen {
		return lang.L("src.outcome.open")
	}
	return lang.L("src.outcome." + string(o))
}

// sourcingEditor is step 6 (Sourcing-Entscheidung): per package the four question groups scored
// 1–5 with notes, the optional make-or-buy criteria, the matrix with its suggestion and the
// decision with who, when and why. The suggestion is shown, never applied by itself.
type sourcingEditor struct {
	ctx *kit.Context

	table *kit.InfoTable
	ids   []int64
	pkg   int64
	as    map[int64]domain.Assessment
	costs map[int64]domain.PackageCost

	tabs                                        *container.AppTabs
	tabScores, tabCriteria, tabDecide, tabChart *container.TabItem

	title, costLine, result *widget.Label
	scores                  map[string]*widget.Select
	notes                   map[string]*kit.CommitEntry
	weights                 map[string]*kit.NumberField
	criteria                map[string]*widget.Select
	makeOrBuy               *widget.Label

	suggestion *widget.Label
	adopt      *widget.Button
	outcome    *widget.RadioGroup
	decidedBy  *kit.CommitEntry
	decidedOn  *kit.CommitEntry
	rationale  *kit.CommitEntry
	payGroup   *widget.Select
	payIDs     []int64

	chart      *canvas.Image
	chartDirty bool
	points     []charts.MatrixPoint

	questions *kit.Findings
	findings  []domain.Finding
	loading   bool
	View      *kit.EditorView
}

func (ed *sourcingEditor) sess() *session.Session { return ed.ctx.Session }

func NewSourcingEditor(ctx *kit.Context) *sourcingEditor {
	ed := &sourcingEditor{ctx: ctx, scores: map[string]*widget.Select{}, notes: map[string]*kit.CommitEntry{},
		weights: map[string]*kit.NumberField{}, criteria: map[string]*widget.Select{}}
	// Package, suggestion and decision; the scores behind the suggestion are on the right.
	ed.table = kit.NewInfoTable([]kit.InfoCol{
		{Title: lang.L("res.col.package"), Width: 140, Grow: 2},
		{Title: lang.L("src.col.suggestion"), Width: 82},
		{Title: lang.L("src.col.decision"), Width: 90},
	}, 160)
	ed.table.OnSelect = func(row int) {
		if row >= 0 && row < len(ed.ids) {
			ed.pick(ed.ids[row])
		}
	}
	ed.questions = kit.NewFindings(kit.FindingsConfig{Lines: 2, NoIcons: true, OnTap: ed.jump})
	left := container.NewVSplit(ed.table.Content, ed.questions.Content)
	left.Offset = 0.55

	ed.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	ed.title.Truncation = fyne.TextTruncateEllipsis
	ed.costLine = kit.Caption("")
	ed.result = widget.NewLabel("")
	ed.result.Wrapping = fyne.TextWrapWord

	ed.tabScores = container.NewTabItem(lang.L("src.tab.scores"), ed.buildScores())
	ed.tabCriteria = container.NewTabItem(lang.L("src.tab.criteria"), ed.buildCriteria())
	ed.tabDecide = container.NewTabItem(lang.L("src.tab.decide"), ed.buildDecision())
	ed.chart = canvas.NewImageFromResource(nil)
	ed.chart.FillMode = canvas.ImageFillContain
	ed.chart.SetMinSize(fyne.NewSize(420, 320))
	ed.tabChart = container.NewTabItem(lang.L("src.tab.matrix"), kit.NewBorder(nil,
		kit.Caption(lang.L("src.matrix.legend")), nil, nil, ed.chart))
	ed.tabs = container.NewAppTabs(ed.tabScores, ed.tabCriteria, ed.tabDecide, ed.tabChart)
	ed.tabs.OnSelected = func(*container.TabItem) { ed.showChart() }

	right := kit.NewBorder(container.NewVBox(ed.title, ed.costLine), nil, nil, nil, ed.tabs)
	split := container.NewHSplit(left, right)
	split.Offset = 0.38
	ed.View = kit.NewEditorView(split, ctx.Session.Subscribe(ed.refresh))
	ed.refresh()
	if len(ed.ids) > 0 {
		ed.pick(ed.ids[0])
	}
	return ed
}

func (ed *sourcingEditor) buildScores() fyne.CanvasObject {
	box := container.NewVBox()
	for _, g := range domain.QuestionGroups {
		form := widget.NewForm()
		for _, f := range scoreFields {
			if f.group != g {
				continue
			}
			field := f
			sel := widget.NewSelect(scoreOptions(), func(string) { ed.commitScore(field) })
			ed.scores[f.key] = sel
			form.Append(lang.L("src.score."+f.key), sel)
		}
		note := kit.AsNote(kit.NewCommitEntry(), 2)
		note.SetPlaceHolder(lang.L("src.note.placeholder"))
		group := g
		note.CommitOn(func() { ed.commitNote(group) })
		ed.notes[g] = note
		form.Append(lang.L("src.note"), note)
		box.Add(container.NewVBox(kit.Heading(lang.L("src.group."+g)), kit.Caption(lang.L("src.group."+g+".question")), form, widget.NewSeparator()))
	}
	box.Add(ed.result)
	return container.NewVScroll(box)
}

func (ed *sourcingEditor) buildCriteria() fyne.CanvasObject {
	grid := container.NewGridWithColumns(3, kit.Heading(lang.L("src.criteria.col.name")), kit.Heading(lang.L("src.criteria.col.weight")),
		kit.Heading(lang.L("src.criteria.col.score")))
	for _, c := range domain.MakeOrBuyCriteria {
		crit := c
		w := kit.NewNumberField(func() float64 { return ed.weightOf(crit) }, func(v float64) error {
			return ed.update("undo.sourcing.criteria", func(d *domain.SourcingDecision) {
				if d.CriteriaWeights == nil {
					d.CriteriaWeights = map[string]float64{}
				}
				d.CriteriaWeights[crit] = v
			})
		}, false, ed.ctx.Report)
		ed.weights[c] = w
		sel := widget.NewSelect(scoreOptions(), func(string) { ed.commitCriterion(crit) })
		ed.criteria[c] = sel
		name := widget.NewLabel(lang.L("src.criterion." + c))
		name.Wrapping = fyne.TextWrapWord
		grid.Add(container.NewVBox(name, kit.Caption(lang.L("src.criterion."+c+".hint"))))
		grid.Add(w.Entry)
		grid.Add(sel)
	}
	ed.makeOrBuy = widget.NewLabel("")
	ed.makeOrBuy.Wrapping = fyne.TextWrapWord
	return container.NewVScroll(container.NewVBox(kit.Caption(lang.L("src.criteria.intro")), grid, ed.makeOrBuy))
}

func (ed *sourcingEditor) buildDecision() fyne.CanvasObject {
	ed.suggestion = widget.NewLabel("")
	ed.suggestion.Wrapping = fyne.TextWrapWord
	ed.adopt = widget.NewButtonWithIcon(lang.L("src.adopt"), theme.ConfirmIcon(), ed.adoptSuggestion)
	labels := make([]string, len(outcomeChoices))
	for i, o := range outcomeChoices {
		labels[i] = outcomeLabel(o)
	}
	ed.outcome = widget.NewRadioGroup(labels, func(string) { ed.commitOutcome() })
	ed.outcome.Horizontal = true
	ed.outcome.Required = true
	ed.decidedBy = kit.NewCommitEntry()
	ed.decidedBy.SetPlaceHolder(lang.L("src.decided_by.placeholder"))
	ed.decidedOn = kit.NewCommitEntry()
	ed.decidedOn.SetPlaceHolder(lang.L("src.decided_on.placeholder"))
	ed.rationale = kit.AsNote(kit.NewCommitEntry(), 4)
	ed.rationale.SetPlaceHolder(lang.L("src.rationale.placeholder"))
	for _, e := range []*kit.CommitEntry{ed.decidedBy, ed.decidedOn, ed.rationale} {
		entry := e
		entry.OnLeave = func() { ed.commitText(entry) }
		entry.OnCtrlEnter = func() { ed.commitText(entry) }
		if !entry.MultiLine {
			entry.OnSubmitted = func(string) { ed.commitText(entry) }
		}
	}
	ed.payGroup = widget.NewSelect(nil, func(string) { ed.commitPayGroup() })
	form := widget.NewForm(
		widget.NewFormItem(lang.L("src.outcome_label"), ed.outcome),
		widget.NewFormItem(lang.L("src.decided_by"), ed.decidedBy),
		&widget.FormItem{Text: lang.L("src.decided_on"), Widget: ed.decidedOn, HintText: lang.L("src.decided_on.hint")},
		widget.NewFormItem(lang.L("src.rationale"), ed.rationale),
		&widget.FormItem{Text: lang.L("src.pay_group"), Widget: ed.payGroup, HintText: lang.L("src.pay_group.hint")},
	)
	return container.NewVScroll(container.NewVBox(
		kit.Heading(lang.L("src.suggestion.title")), ed.suggestion, container.NewHBox(ed.adopt), widget.NewSeparator(),
		kit.Heading(lang.L("src.decision.title")), kit.Caption(lang.L("src.decision.subtitle")), form))
}

// decision is the selected package's decision as stored (an empty one when there is none yet).
func (ed *sourcingEditor) decision() domain.SourcingDecision {
	if d := ed.sess().Project.DecisionFor(ed.pkg); d != nil {
		return *d
	}
	return domain.SourcingDecision{PackageID: ed.pkg}
}

func (ed *sourcingEditor) update(name string, change func(d *domain.SourcingDecision)) error {
	if ed.pkg == 0 {
		return nil
	}
	return ed.sess().UpdateDecision(ed.pkg, name, change)
}

func (ed *sourcingEditor) fail(err error) {
	if err != nil {
		ed.load()
		ed.ctx.Report(err)
	}
}

func (ed *sourcingEditor) commitScore(f scoreField) {
	if ed.loading {
		return
	}
	v := ed.scores[f.key].SelectedIndex()
	if v < 0 {
		v = 0
	}
	d := ed.decision()
	if *f.ref(&d) == v {
		return
	}
	ed.fail(ed.update("undo.sourcing.score", func(d *domain.SourcingDecision) { *f.ref(d) = v }))
}

func (ed *sourcingEditor) commitNote(group string) {
	if ed.loading || ed.pkg == 0 {
		return
	}
	text := strings.TrimSpace(ed.notes[group].Text)
	if text == ed.decision().Notes[group] {
		return
	}
	ed.fail(ed.update("undo.sourcing.note", func(d *domain.SourcingDecision) {
		d.Notes = kit.SetOrDelete(d.Notes, group, text, text != "")
	}))
}

func (ed *sourcingEditor) weightOf(c string) float64 {
	d := ed.decision()
	if w, ok := d.CriteriaWeights[c]; ok {
		return w
	}
	return 1
}

func (ed *sourcingEditor) commitCriterion(c string) {
	if ed.loading {
		return
	}
	v := float64(max(ed.criteria[c].SelectedIndex(), 0))
	if ed.decision().CriteriaScores[c] == v {
		return
	}
	ed.fail(ed.update("undo.sourcing.criteria", func(d *domain.SourcingDecision) {
		d.CriteriaScores = kit.SetOrDelete(d.CriteriaScores, c, v, v != 0)
	}))
}

// setOutcome records a decision; a first decision gets today's date unless one is set.
func (ed *sourcingEditor) setOutcome(o domain.SourcingOutcome) {
	if ed.decision().Outcome == o {
		return
	}
	ed.fail(ed.update("undo.sourcing.decision", func(d *domain.SourcingDecision) {
		d.Outcome = o
		if o != domain.OutcomeOpen && d.DecidedOn == nil {
			t := ed.ctx.Session.Today()
			d.DecidedOn = &t
		}
	}))
}

func (ed *sourcingEditor) commitOutcome() {
	if ed.loading || ed.pkg == 0 {
		return
	}
	for i, l := range ed.outcome.Options {
		if l == ed.outcome.Selected {
			ed.setOutcome(outcomeChoices[i])
		}
	}
}

// adoptSuggestion records the matrix's suggestion as the decision — only when the user asks.
func (ed *sourcingEditor) adoptSuggestion() {
	if a, ok := ed.as[ed.pkg]; ok && a.Suggestion != domain.OutcomeOpen {
		ed.setOutcome(a.Suggestion)
	}
}

func (ed *sourcingEditor) commitText(e *kit.CommitEntry) {
	if ed.loading || ed.pkg == 0 {
		return
	}
	d := ed.decision()
	text := strings.TrimSpace(e.Text)
	switch e {
	case ed.decidedBy:
		if text != d.DecidedBy {
			ed.fail(ed.update("undo.sourcing.decision", func(d *domain.SourcingDecision) { d.DecidedBy = text }))
		}
	case ed.rationale:
		if text != strings.TrimSpace(d.Rationale) {
			ed.fail(ed.update("undo.sourcing.decision", func(d *domain.SourcingDecision) { d.Rationale = text }))
		}
	case ed.decidedOn:
		day, err := kit.ParseDate(text)
		if err != nil {
			ed.fail(err)
			return
		}
		if !kit.SameDate(day, d.DecidedOn) {
			ed.fail(ed.update("undo.sourcing.decision", func(d *domain.SourcingDecision) { d.DecidedOn = day }))
		}
	}
}

func (ed *sourcingEditor) commitPayGroup() {
	if ed.loading || ed.pkg == 0 {
		return
	}
	i := ed.payGroup.SelectedIndex()
	if i < 0 || i >= len(ed.payIDs) {
		return
	}
	var id *int64
	if ed.payIDs[i] != 0 {
		x := ed.payIDs[i]
		id = &x
	}
	cur := ed.decision().PayGroupID
	if (cur == nil && id == nil) || (cur != nil && id != nil && *cur == *id) {
		return
	}
	ed.fail(ed.update("undo.sourcing.pay_group", func(d *domain.SourcingDecision) { d.PayGroupID = id }))
}

// pick shows a package in the form.
func (ed *sourcingEditor) pick(id int64) {
	ed.pkg = id
	for row, x := range ed.ids {
		if x == id {
			ed.table.SelectRow(row)
		}
	}
	ed.load()
}

// load shows the selected package's assessment and decision in the form.
func (ed *sourcingEditor) load() {
	ed.loading = true
	defer func() { ed.loading = false }()
	p := ed.sess().Project
	pk := p.PackageByID(ed.pkg)
	editable := pk != nil && !ed.sess().ReadOnly()
	enable := func(w fyne.Disableable) {
		if editable {
			w.Enable()
		} else {
			w.Disable()
		}
	}
	d := ed.decision()
	if pk == nil {
		ed.title.SetText(lang.L("src.pick"))
		ed.costLine.SetText("")
	} else {
		ed.title.SetText(pk.Name)
		ed.costLine.SetText(costDetail(ed.costs[pk.ID]))
	}
	for _, f := range scoreFields {
		sel := ed.scores[f.key]
		sel.SetSelectedIndex(*f.ref(&d))
		enable(sel)
	}
	for _, g := range domain.QuestionGroups {
		kit.ShowValue(ed.notes[g], d.Notes[g])
		enable(ed.notes[g])
	}
	for _, c := range domain.MakeOrBuyCriteria {
		ed.weights[c].Load()
		enable(ed.weights[c].Entry)
		ed.criteria[c].SetSelectedIndex(int(d.CriteriaScores[c]))
		enable(ed.criteria[c])
	}
	for i, o := range outcomeChoices {
		if o == d.Outcome {
			ed.outcome.SetSelected(ed.outcome.Options[i])
		}
	}
	enable(ed.outcome)
	kit.ShowValue(ed.decidedBy, d.DecidedBy)
	date := ""
	if d.DecidedOn != nil {
		date = d.DecidedOn.String()
	}
	kit.ShowValue(ed.decidedOn, date)
	kit.ShowValue(ed.rationale, d.Rationale)
	for _, w := range []fyne.Disableable{ed.decidedBy, ed.decidedOn, ed.rationale, ed.payGroup} {
		enable(w)
	}
	opts := []string{lang.L("src.pay_group.by_people")}
	ed.payIDs = []int64{0}
	sel := 0
	for _, g := range p.PayGroups {
		opts = append(opts, g.Name)
		ed.payIDs = append(ed.payIDs, g.ID)
		if d.PayGroupID != nil && *d.PayGroupID == g.ID {
			sel = len(opts) - 1
		}
	}
	ed.payGroup.SetOptions(opts)
	ed.payGroup.SetSelectedIndex(sel)

	a := ed.as[ed.pkg]
	ed.result.SetText(assessmentText(a))
	ed.makeOrBuy.SetText(makeOrBuyText(a))
	ed.suggestion.SetText(suggestionText(a))
	if editable && a.Suggestion != domain.OutcomeOpen && a.Suggestion != a.Recorded {
		ed.adopt.Enable()
	} else {
		ed.adopt.Disable()
	}
}

// assessmentText explains the package's place in the matrix with its numbers.
func assessmentText(a domain.Assessment) string {
	return lang.L("src.result", map[string]any{
		"Risk": scoreText(a.Risk, a.RiskKnown), "Strength": scoreText(a.Strength, a.StrengthKnown),
		"Importance": scoreText(a.Importance, a.Importance > 0), "Cost": scoreText(a.CostScore, a.CostScore > 0),
		"MakeOrBuy": scoreText(a.MakeOrBuy, a.MakeOrBuy > 0),
	})
}

func makeOrBuyText(a domain.Assessment) string {
	if a.MakeOrBuy <= 0 {
		return lang.L("src.criteria.none")
	}
	return lang.L("src.criteria.result", map[string]any{"Value": number(a.MakeOrBuy, 2)})
}

// suggestionText says what the matrix suggests and that the decision stays with the user.
func suggestionText(a domain.Assessment) string {
	if a.Suggestion == domain.OutcomeOpen {
		return lang.L("src.suggestion.none")
	}
	key := "src.suggestion." + string(a.Suggestion)
	text := lang.L(key, map[string]any{"Risk": scoreText(a.Risk, true), "Strength": scoreText(a.Strength, true)})
	if a.Recorded != domain.OutcomeOpen && a.Recorded != a.Suggestion {
		text += " " + lang.L("src.suggestion.differs", map[string]any{"Decision": outcomeLabel(a.Recorded)})
	}
	return text
}

func (ed *sourcingEditor) refresh() { withSeparator(ed.redraw) }

func (ed *sourcingEditor) redraw() {
	p := ed.sess().Project
	cc := domain.CompareCosts(p)
	ed.costs = map[int64]domain.PackageCost{}
	for _, pc := range cc.Packages {
		ed.costs[pc.PackageID] = pc
	}
	list := domain.AssessSourcing(p)
	ed.as = map[int64]domain.Assessment{}
	ed.ids = ed.ids[:0]
	ed.points = ed.points[:0]
	var rows [][]string
	for _, a := range list {
		ed.as[a.PackageID] = a
		ed.ids = append(ed.ids, a.PackageID)
		sugg := ""
		if a.Suggestion != domain.OutcomeOpen {
			sugg = outcomeLabel(a.Suggestion)
		}
		rows = append(rows, []string{a.Name, sugg, outcomeLabel(a.Recorded)})
		if a.RiskKnown && a.StrengthKnown {
			ed.points = append(ed.points, charts.MatrixPoint{Label: a.Name, X: a.Risk, Y: a.Strength, Size: a.Importance, Class: outcomeClass(a.Recorded)})
		}
	}
	ed.table.SetRows(rows)
	if p.PackageByID(ed.pkg) == nil {
		ed.pkg = 0
		ed.table.SelectRow(-1)
	}
	ed.load()
	ed.findings = domain.SourcingFindings(p, list)
	if len(p.Packages) == 0 {
		// Nothing to decide yet: say where the packages come from (the question is step 3's).
		ed.findings = append(ed.findings, domain.Finding{Step: 3, Code: "src.no_packages"})
	}
	ed.questions.Set(ed.findings)
	ed.chartDirty = true
	ed.showChart()
}

// outcomeClass is the colour class of a recorded decision in the matrix chart.
func outcomeClass(o domain.SourcingOutcome) int {
	switch o {
	case domain.OutcomeInternal:
		return 1
	case domain.OutcomeExternal:
		return 2
	case domain.OutcomeMixed:
		return 3
	}
	return 0
}

func (ed *sourcingEditor) showChart() {
	drawChart(ed.chart, &ed.chartDirty, ed.tabs != nil && ed.tabs.Selected() == ed.tabChart, "matrix.png",
		func() ([]byte, error) { return matrixChartPNG(ed.points, 16, 12) })
}

// matrixChartPNG draws the sourcing matrix in the user's language.
func matrixChartPNG(points []charts.MatrixPoint, wCm, hCm float64) ([]byte, error) {
	l := charts.MatrixLabels{
		Title: lang.L("src.chart.title"), XAxis: lang.L("src.chart.x"), YAxis: lang.L("src.chart.y"),
		Format: func(v float64) string { return number(v, 1) },
	}
	for i, k := range []string{"top_left", "top_right", "bottom_left", "bottom_right"} {
		l.Quadrants[i] = lang.L("src.chart.quadrant." + k)
	}
	for i, o := range outcomeChoices {
		l.Classes[i] = outcomeLabel(o)
	}
	p, err := charts.MatrixChart(points, l)
	if err != nil {
		return nil, err
	}
	return charts.PNG(p, wCm, hCm)
}

// jump selects the package an open question is about and opens the field that answers it.
func (ed *sourcingEditor) jump(f domain.Finding) {
	if f.EntityID == 0 {
		return
	}
	ed.pick(f.EntityID)
	var target fyne.Focusable
	switch f.Code {
	case domain.FindSrcOpen:
		ed.tabs.Select(ed.tabDecide)
	case domain.FindSrcNoRationale:
		ed.tabs.Select(ed.tabDecide)
		target = ed.rationale
	case domain.FindSrcNoDecider:
		ed.tabs.Select(ed.tabDecide)
		target = ed.decidedBy
	case domain.FindSrcNoDate:
		ed.tabs.Select(ed.tabDecide)
		target = ed.decidedOn
	case domain.FindSrcNoExternalMoney, domain.FindSrcNoInternalMoney:
		ed.tabs.Select(ed.tabScores)
		target = ed.scores["budget_internal"]
	}
	if target != nil && ed.ctx.Window != nil {
		c := ed.ctx.Window.Canvas()
		fyne.Do(func() { c.Focus(target) })
	}
}
