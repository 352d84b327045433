package resources

import (
	"sort"
	"strconv"
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
	"schulit-lotse/ui/plural"
)

// payGroupsPart is the "Kostensätze" tab: the pay groups with their source, and which pay group
// prices the hours of each person or group.
type payGroupsPart struct {
	ed *resourcesEditor

	table    *kit.InfoTable
	ids      []int64
	selected int64

	addBtn, exampleBtn, deleteBtn *widget.Button
	name, source                  *kit.CommitEntry
	hourly, yearly, year          *kit.NumberField
	form                          *fyne.Container
	formWidget                    *widget.Form

	mapTable      *kit.InfoTable
	parties       []string
	party         string
	mapSelect     *widget.Select
	defaultSelect *widget.Select
	mapCaption    *widget.Label
	loading       bool

	content fyne.CanvasObject
}

func newPayGroupsPart(ed *resourcesEditor) *payGroupsPart {
	g := &payGroupsPart{ed: ed}
	g.table = kit.NewInfoTable([]kit.InfoCol{
		{Title: lang.L("res.col.pay_group"), Width: 170, Grow: 2},
		{Title: lang.L("res.col.hourly"), Width: 80, Align: fyne.TextAlignTrailing},
		{Title: lang.L("res.col.yearly"), Width: 100, Align: fyne.TextAlignTrailing},
		{Title: lang.L("res.col.source"), Width: 200, Grow: 3},
		{Title: lang.L("res.col.source_year"), Width: 60, Align: fyne.TextAlignTrailing},
	}, 140)
	g.table.OnSelect = kit.PickRow(&g.ids, &g.selected, g.load)
	g.addBtn = widget.NewButtonWithIcon(lang.L("res.group.add"), theme.ContentAddIcon(), g.add)
	g.exampleBtn = widget.NewButtonWithIcon(lang.L("res.group.examples"), theme.DocumentCreateIcon(), g.addExamples)
	g.deleteBtn = widget.NewButtonWithIcon(lang.L("res.group.delete"), theme.DeleteIcon(), g.delete)

	g.name = kit.NewCommitEntry()
	g.name.CommitOn(func() { g.commitText(g.name) })
	g.source = kit.NewCommitEntry()
	g.source.SetPlaceHolder(lang.L("res.group.source_placeholder"))
	g.source.CommitOn(func() { g.commitText(g.source) })
	cur := func() domain.PayGroup {
		if pg := ed.sess().Project.PayGroupByID(g.selected); pg != nil {
			return *pg
		}
		return domain.PayGroup{}
	}
	update := func(change func(pg *domain.PayGroup)) error { return ed.sess().UpdatePayGroup(g.selected, change) }
	g.hourly = kit.NewNumberField(func() float64 { return cur().HourlyRate },
		func(v float64) error { return update(func(pg *domain.PayGroup) { pg.HourlyRate = v }) }, false, ed.report)
	g.yearly = kit.NewNumberField(func() float64 { return cur().YearlyCost },
		func(v float64) error { return update(func(pg *domain.PayGroup) { pg.YearlyCost = v }) }, false, ed.report)
	g.year = kit.NewNumberField(func() float64 { return float64(cur().SourceYear) },
		func(v float64) error { return update(func(pg *domain.PayGroup) { pg.SourceYear = int(v) }) }, true, ed.report)
	form := widget.NewForm(
		widget.NewFormItem(lang.L("res.group.name"), g.name),
		widget.NewFormItem(lang.L("res.group.hourly"), g.hourly.Entry),
		widget.NewFormItem(lang.L("res.group.yearly"), g.yearly.Entry),
		widget.NewFormItem(lang.L("res.group.source"), g.source),
		widget.NewFormItem(lang.L("res.group.year"), g.year.Entry),
	)
	g.formWidget = form
	g.form = container.NewVBox(form, kit.Caption(lang.L("res.group.form_hint")))

	g.mapTable = kit.NewInfoTable([]kit.InfoCol{
		{Title: lang.L("res.col.party"), Width: 180, Grow: 2},
		{Title: lang.L("res.col.year_before"), Width: 100, Align: fyne.TextAlignTrailing},
		{Title: lang.L("res.col.year_after"), Width: 110, Align: fyne.TextAlignTrailing},
		{Title: lang.L("res.col.pay_group"), Width: 170, Grow: 2},
		{Title: lang.L("res.col.hourly"), Width: 80, Align: fyne.TextAlignTrailing},
	}, 140)
	g.mapTable.OnSelect = kit.PickRow(&g.parties, &g.party, g.loadMapping)
	g.mapSelect = widget.NewSelect(nil, func(string) { g.commitMapping() })
	g.defaultSelect = widget.NewSelect(nil, func(string) { g.commitDefault() })
	g.mapCaption = widget.NewLabel("")
	g.mapCaption.Truncation = fyne.TextTruncateEllipsis

	// One scrolling column: the pay groups with their form, then who is priced with which.
	g.content = container.NewVScroll(container.NewVBox(
		kit.Heading(lang.L("res.groups.title")), kit.Caption(lang.L("res.groups.intro")),
		container.NewHBox(g.addBtn, g.exampleBtn, g.deleteBtn),
		g.table.Content, g.form,
		widget.NewSeparator(),
		kit.Heading(lang.L("res.mapping.title")), kit.Caption(lang.L("res.mapping.intro")),
		g.mapTable.Content,
		kit.NewBorder(nil, nil, g.mapCaption, nil, g.mapSelect),
		kit.NewBorder(nil, nil, widget.NewLabel(lang.L("res.mapping.default")), nil, g.defaultSelect),
	))
	return g
}

func (g *payGroupsPart) add() {
	ids, err := g.ed.sess().AddPayGroups(domain.PayGroup{Name: lang.L("res.group.new_name")})
	if err != nil {
		g.ed.report(err)
		return
	}
	g.pick(ids[0])
	g.ed.focus(g.name)
}

func (g *payGroupsPart) addExamples() {
	ids, err := g.ed.sess().AddExamplePayGroups()
	if err != nil {
		g.ed.report(err)
		return
	}
	g.pick(ids[0])
}

func (g *payGroupsPart) delete() {
	if g.selected == 0 {
		return
	}
	if err := g.ed.sess().DeletePayGroup(g.selected); err != nil {
		g.ed.report(err)
	}
}

// pick selects a pay group by id.
func (g *payGroupsPart) pick(id int64) {
	for row, x := range g.ids {
		if x == id {
			g.selected = id
			g.table.SelectRow(row)
			g.load()
			return
		}
	}
}

// pickParty selects a person or group in the mapping table.
func (g *payGroupsPart) pickParty(party string) {
	for row, x := range g.parties {
		if x == party {
			g.party = party
			g.mapTable.SelectRow(row)
			g.loadMapping()
			return
		}
	}
}

func (g *payGroupsPart) commitText(e *kit.CommitEntry) {
	pg := g.ed.sess().Project.PayGroupByID(g.selected)
	if pg == nil || g.loading {
		return
	}
	text := strings.TrimSpace(e.Text)
	var err error
	switch e {
	case g.name:
		if text == pg.Name {
			return
		}
		err = g.ed.sess().UpdatePayGroup(g.selected, func(x *domain.PayGroup) { x.Name = text })
	case g.source:
		if text == pg.Source {
			return
		}
		err = g.ed.sess().UpdatePayGroup(g.selected, func(x *domain.PayGroup) { x.Source = text })
	}
	if err != nil {
		g.load()
		g.ed.report(err)
	}
}

// load shows the selected pay group in the form (an empty, disabled form when none).
func (g *payGroupsPart) load() {
	g.loading = true
	defer func() { g.loading = false }()
	pg := g.ed.sess().Project.PayGroupByID(g.selected)
	ro := g.ed.sess().ReadOnly()
	for _, w := range []fyne.Disableable{g.name, g.source, g.hourly.Entry, g.yearly.Entry, g.year.Entry, g.deleteBtn} {
		if pg == nil || ro {
			w.Disable()
		} else {
			w.Enable()
		}
	}
	g.formWidget.Refresh() // the labels follow their fields' enabled state
	if pg == nil {
		kit.ShowValue(g.name, "")
		kit.ShowValue(g.source, "")
		kit.ShowValue(g.hourly.Entry, "")
		kit.ShowValue(g.yearly.Entry, "")
		kit.ShowValue(g.year.Entry, "")
		return
	}
	kit.ShowValue(g.name, pg.Name)
	kit.ShowValue(g.source, pg.Source)
	g.hourly.Load()
	g.yearly.Load()
	g.year.Load()
}

// groupOptions are the select's choices: "keine" first, then every pay group by name.
func (g *payGroupsPart) groupOptions() ([]string, []int64) {
	opts := []string{lang.L("res.mapping.none")}
	ids := []int64{0}
	for _, pg := range g.ed.sess().Project.PayGroups {
		opts = append(opts, pg.Name+" (#"+strconv.FormatInt(pg.ID, 10)+")")
		ids = append(ids, pg.ID)
	}
	return opts, ids
}

func (g *payGroupsPart) loadMapping() {
	g.loading = true
	defer func() { g.loading = false }()
	opts, ids := g.groupOptions()
	plan := g.ed.plan()
	ro := g.ed.sess().ReadOnly()
	g.mapSelect.SetOptions(opts)
	g.defaultSelect.SetOptions(opts)
	if g.party == "" || ro {
		g.mapSelect.Disable()
	} else {
		g.mapSelect.Enable()
	}
	if ro {
		g.defaultSelect.Disable()
	}
	g.mapCaption.SetText(lang.L("res.mapping.for", map[string]any{"Party": partyName(g.party)}))
	sel := 0
	for i, id := range ids {
		if id != 0 && id == plan.PayGroupOf[g.party] {
			sel = i
		}
	}
	g.mapSelect.SetSelectedIndex(sel)
	def := 0
	for i, id := range ids {
		if id != 0 && id == plan.DefaultPayGroupID {
			def = i
		}
	}
	g.defaultSelect.SetSelectedIndex(def)
}

func (g *payGroupsPart) commitMapping() {
	if g.loading || g.party == "" {
		return
	}
	_, ids := g.groupOptions()
	i := g.mapSelect.SelectedIndex()
	if i < 0 || i >= len(ids) || ids[i] == g.ed.plan().PayGroupOf[g.party] {
		return
	}
	if err := g.ed.sess().MapPayGroup(g.party, ids[i]); err != nil {
		g.ed.report(err)
		g.loadMapping()
	}
}

func (g *payGroupsPart) commitDefault() {
	if g.loading {
		return
	}
	_, ids := g.groupOptions()
	i := g.defaultSelect.SelectedIndex()
	if i < 0 || i >= len(ids) || ids[i] == g.ed.plan().DefaultPayGroupID {
		return
	}
	if err := g.ed.sess().SetDefaultPayGroup(ids[i]); err != nil {
		g.ed.report(err)
		g.loadMapping()
	}
}

func (g *payGroupsPart) refresh(cc domain.CostComparison) {
	p := g.ed.sess().Project
	g.ids = g.ids[:0]
	var rows [][]string
	for _, pg := range p.PayGroups {
		g.ids = append(g.ids, pg.ID)
		year := ""
		if pg.SourceYear != 0 {
			year = strconv.Itoa(pg.SourceYear)
		}
		rows = append(rows, []string{pg.Name, money(pg.HourlyRate), money(pg.YearlyCost), pg.Source, year})
	}
	g.table.SetRows(rows)
	if p.PayGroupByID(g.selected) == nil {
		g.selected = 0
		g.table.SelectRow(-1)
	}
	if g.ed.sess().ReadOnly() {
		g.addBtn.Disable()
		g.exampleBtn.Disable()
	}
	g.load()

	// Everyone with hours before or after step 4, except the external provider.
	before, after := map[string]float64{}, map[string]float64{}
	for _, x := range cc.Demand.ByBefore {
		before[x.Key] = x.HoursPerYear
	}
	for _, x := range cc.Demand.ByAfter {
		after[x.Key] = x.HoursPerYear
	}
	seen := map[string]bool{}
	g.parties = g.parties[:0]
	for _, list := range [][]domain.DemandGroup{cc.Demand.ByAfter, cc.Demand.ByBefore} {
		for _, x := range list {
			if x.Key == "" || domain.IsExternal(x.Key) || seen[x.Key] {
				continue
			}
			seen[x.Key] = true
			g.parties = append(g.parties, x.Key)
		}
	}
	sort.SliceStable(g.parties, func(a, b int) bool { return after[g.parties[a]] > after[g.parties[b]] })
	var mrows [][]string
	for _, party := range g.parties {
		name, rate := lang.L("res.mapping.none"), "–"
		if pg := domain.PayGroupOf(p, party); pg != nil {
			name = pg.Name
			if r, ok := pg.CostPerHour(cc.Demand.Time.Hours); ok {
				rate = money(r)
			}
			if _, own := p.Resource.PayGroupOf[party]; !own {
				name = lang.L("res.mapping.by_default", map[string]any{"Name": pg.Name})
			}
		}
		mrows = append(mrows, []string{party, number(before[party], 2), number(after[party], 2), name, rate})
	}
	g.mapTable.SetRows(mrows)
	if !seen[g.party] {
		g.party = ""
	}
	g.loadMapping()
}

// money is an amount of euros in a table cell, "–" for none.
func money(v float64) string {
	if v == 0 {
		return "–"
	}
	return euroText(v)
}

// comparePart is the "Vergleich" tab: per package the yearly cost done in-house and bought, the
// external price of the selected package, and the chart.
type comparePart struct {
	ed *resourcesEditor

	table  *kit.InfoTable
	rows   []domain.PackageCost
	pkg    int64
	basis  *widget.Select
	price  *kit.CommitEntry
	detail *widget.Label
	after  *widget.Label

	chart      *canvas.Image
	chartDirty bool
	chartBars  []charts.CostBar
	loading    bool

	content fyne.CanvasObject
}

var priceBases = []domain.PriceBasis{domain.PriceNone, domain.PriceHourly, domain.PriceMonthly}

func newComparePart(ed *resourcesEditor) *comparePart {
	c := &comparePart{ed: ed}
	c.table = kit.NewInfoTable([]kit.InfoCol{
		{Title: lang.L("res.col.package"), Width: 150, Grow: 2},
		{Title: lang.L("res.col.surcharged"), Width: 84, Align: fyne.TextAlignTrailing},
		{Title: lang.L("res.col.internal"), Width: 100, Align: fyne.TextAlignTrailing},
		{Title: lang.L("res.col.price"), Width: 100, Grow: 1, Align: fyne.TextAlignTrailing},
		{Title: lang.L("res.col.external"), Width: 96, Align: fyne.TextAlignTrailing},
		{Title: lang.L("res.col.cheaper"), Width: 72},
	}, 230)
	c.table.Bold = func(row int) bool { return row == len(c.rows) }
	c.table.OnSelect = func(row int) {
		if row >= 0 && row < len(c.rows) {
			c.pkg = c.rows[row].PackageID
		} else {
			c.pkg = 0
		}
		c.load()
	}
	labels := []string{lang.L("res.price.basis.none"), lang.L("res.price.basis.hourly"), lang.L("res.price.basis.monthly")}
	c.basis = widget.NewSelect(labels, func(string) { c.commit() })
	c.price = kit.NewCommitEntry()
	c.price.CommitOn(c.commit)
	c.detail = widget.NewLabel("")
	c.detail.Wrapping = fyne.TextWrapWord
	c.after = kit.Caption("")
	c.chart = canvas.NewImageFromResource(nil)
	c.chart.FillMode = canvas.ImageFillContain
	c.chart.SetMinSize(fyne.NewSize(480, 260))

	priceRow := kit.NewBorder(nil, nil, widget.NewLabel(lang.L("res.price.label")), nil,
		container.NewGridWithColumns(2, c.basis, c.price))
	c.content = container.NewVScroll(container.NewVBox(
		kit.Heading(lang.L("res.compare.title")), kit.Caption(lang.L("res.compare.intro")),
		c.table.Content, priceRow, c.detail, c.after, container.NewPadded(c.chart)))
	return c
}

// pick selects a package's row by id.
func (c *comparePart) pick(id int64) {
	for row, pc := range c.rows {
		if pc.PackageID == id && id != 0 {
			c.pkg = id
			c.table.SelectRow(row)
			c.load()
			return
		}
	}
}

func (c *comparePart) selectedCost() (domain.PackageCost, bool) {
	for _, pc := range c.rows {
		if pc.PackageID == c.pkg && c.pkg != 0 {
			return pc, true
		}
	}
	return domain.PackageCost{}, false
}

// load shows the selected package's price and how its figures come about.
func (c *comparePart) load() {
	c.loading = true
	defer func() { c.loading = false }()
	pk := c.ed.sess().Project.PackageByID(c.pkg)
	if pk == nil || c.ed.sess().ReadOnly() {
		c.basis.Disable()
		c.price.Disable()
	} else {
		c.basis.Enable()
		c.price.Enable()
	}
	if pk == nil {
		c.basis.SetSelectedIndex(0)
		kit.ShowValue(c.price, "")
		c.detail.SetText(lang.L("res.compare.pick"))
		return
	}
	b, v := domain.ExternalPrice(*pk)
	for i, x := range priceBases {
		if x == b {
			c.basis.SetSelectedIndex(i)
		}
	}
	if b == domain.PriceNone {
		kit.ShowValue(c.price, "")
	} else {
		kit.ShowValue(c.price, kit.FormatValue(v))
	}
	pc, _ := c.selectedCost()
	c.detail.SetText(costDetail(pc))
}

// costDetail explains a package's two figures with their numbers.
func costDetail(pc domain.PackageCost) string {
	internal := plural.L("res.compare.internal_unknown", pc.InternalMissing)
	if pc.InternalKnown() {
		internal = lang.L("res.compare.internal_detail", map[string]any{"Hours": number(pc.SurchargedYear, 2), "Cost": euroText(pc.Internal)})
	}
	var external string
	switch pc.ExternalBasis {
	case domain.PriceHourly:
		external = lang.L("res.compare.external_hourly", map[string]any{"Hours": number(pc.HoursPerYear, 2),
			"Rate": euroText(pc.ExternalRate), "Cost": euroText(pc.External)})
	case domain.PriceMonthly:
		external = lang.L("res.compare.external_monthly", map[string]any{"Fee": euroText(pc.ExternalRate), "Cost": euroText(pc.External)})
	default:
		external = lang.L("res.compare.external_unknown")
	}
	return pc.Name + " – " + internal + " " + external
}

func (c *comparePart) commit() {
	if c.loading {
		return
	}
	pk := c.ed.sess().Project.PackageByID(c.pkg)
	if pk == nil {
		return
	}
	i := c.basis.SelectedIndex()
	if i < 0 {
		return
	}
	basis := priceBases[i]
	var hourly, monthly float64
	if basis != domain.PriceNone {
		text := strings.TrimSpace(c.price.Text)
		if text == "" {
			return // the amount follows
		}
		v, err := kit.ParseNumber(text)
		if err != nil {
			c.load()
			c.ed.report(err)
			return
		}
		if basis == domain.PriceHourly {
			hourly = v
		} else {
			monthly = v
		}
	}
	if err := c.ed.sess().SetPackagePrice(c.pkg, hourly, monthly); err != nil {
		c.load()
		c.ed.report(err)
	}
}

func (c *comparePart) refresh(cc domain.CostComparison) {
	c.rows = cc.Packages
	var rows [][]string
	c.chartBars = c.chartBars[:0]
	for _, pc := range cc.Packages {
		name := pc.Name
		if pc.PackageID == 0 {
			name = lang.L("res.no_package")
		}
		rows = append(rows, c.costRow(name, pc))
		c.chartBars = append(c.chartBars, charts.CostBar{Label: name, Internal: pc.Internal, External: pc.External,
			InternalKnown: pc.InternalKnown(), ExternalKnown: pc.ExternalKnown()})
	}
	total := cc.Total
	rows = append(rows, c.costRow(lang.L("res.total"), total))
	c.chartBars = append(c.chartBars, charts.CostBar{Label: lang.L("res.total"), Internal: total.Internal, External: total.External,
		InternalKnown: total.InternalKnown(), ExternalKnown: total.ExternalKnown()})
	c.table.SetRows(rows)
	if _, ok := c.selectedCost(); !ok {
		c.pkg = 0
	}
	c.load()

	var parts []string
	for _, g := range cc.InternalAfter {
		parts = append(parts, lang.L("res.compare.after_group", map[string]any{"Name": g.Name, "FTE": fTEText(g.FTE), "Cost": euroText(g.Cost)}))
	}
	if len(parts) == 0 {
		c.after.SetText("")
	} else {
		c.after.SetText(lang.L("res.compare.after", map[string]any{"List": strings.Join(parts, "; ")}))
	}
	c.chartDirty = true
	c.showChart()
}

func (c *comparePart) costRow(name string, pc domain.PackageCost) []string {
	internal, external := "–", "–"
	if pc.InternalKnown() {
		internal = euroText(pc.Internal)
	}
	if pc.ExternalKnown() {
		external = euroText(pc.External)
	}
	price := ""
	switch pc.ExternalBasis {
	case domain.PriceHourly:
		price = lang.L("res.price.per_hour", map[string]any{"Value": euroText(pc.ExternalRate)})
	case domain.PriceMonthly:
		price = lang.L("res.price.per_month", map[string]any{"Value": euroText(pc.ExternalRate)})
	}
	cheaper := ""
	if o := pc.Cheaper(); o != domain.OutcomeOpen {
		cheaper = lang.L("src.outcome." + string(o))
	}
	return []string{name, number(pc.SurchargedYear, 2), internal, price, external, cheaper}
}

// showChart draws the chart when its tab is visible and the figures changed since.
func (c *comparePart) showChart() {
	drawChart(c.chart, &c.chartDirty, c.ed.tabs != nil && c.ed.tabs.Selected() == c.ed.tabCompare, "kosten.png",
		func() ([]byte, error) { return costChartPNG(c.chartBars, 16, 8) })
}

// drawChart draws a chart into img when its tab is visible and the figures changed since.
func drawChart(img *canvas.Image, dirty *bool, visible bool, name string, render func() ([]byte, error)) {
	if !*dirty || !visible {
		return
	}
	*dirty = false
	png, err := render()
	if err != nil {
		fyne.LogError("chart "+name, err)
		return
	}
	img.Resource = fyne.NewStaticResource(name, png)
	img.Refresh()
}

// costChartPNG draws the comparison in the user's language.
func costChartPNG(bars []charts.CostBar, wCm, hCm float64) ([]byte, error) {
	p, err := charts.CostChart(bars, charts.CostLabels{
		Title: lang.L("res.chart.title"), YAxis: lang.L("res.chart.y"),
		Internal: lang.L("res.chart.internal"), External: lang.L("res.chart.external"),
		Format: func(v float64) string { return number(v, 0) },
	})
	if err != nil {
		return nil, err
	}
	return charts.PNG(p, wCm, hCm)
}
