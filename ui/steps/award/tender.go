package award

import (
	"errors"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"schulit-lotse/domain"
	"schulit-lotse/reports"
	"schulit-lotse/ui/kit"
)

// Procedures the editor suggests; any other text is accepted.
var tenderProcedures = []string{"award.procedure.open", "award.procedure.restricted", "award.procedure.negotiated",
	"award.procedure.public", "award.procedure.limited", "award.procedure.negotiated_national", "award.procedure.direct"}

// tenderEditor is step 8 (Ausschreibung und Auswahl): the procedure data and the announced
// evaluation method, the A- and B-criteria, the bids with their scores, and the evaluation by the
// UfAB method with ranking, winner and the chart of performance points against price.
type tenderEditor struct {
	editor
	tabs *container.AppTabs

	procedure                   *widget.SelectEntry
	publication                 *kit.CommitEntry
	published, deadline, awards *kit.CommitEntry
	method                      *widget.RadioGroup
	fluct                       *kit.NumberField
	tie                         *widget.Select
	methodHelp                  *widget.Label

	crit      *kit.InfoTable
	critIDs   []int64
	selCrit   int64
	cKind     *widget.Select
	cGroup    *widget.SelectEntry
	cName     *kit.CommitEntry
	cWeight   *kit.NumberField
	cMin      *kit.NumberField
	addA      *widget.Button
	addB      *widget.Button
	delCrit   *widget.Button
	groupText *widget.Label
	freeze    *widget.Label
	reopen    *widget.Button
	closeAgn  *widget.Button

	bids      *kit.InfoTable
	bidIDs    []int64
	selBid    int64
	bBidder   *kit.CommitEntry
	bPrice    *kit.NumberField
	bNote     *kit.CommitEntry
	scoreBox  *fyne.Container
	scoreFor  string // which bid and criteria the score rows show
	scoreRows []*scoreRow
	addBid    *widget.Button
	delBid    *widget.Button

	rank     *kit.InfoTable
	winner   *widget.Label
	explain  *widget.Label
	chart    *canvas.Image
	chartGen int
	tabEval  *container.TabItem
	tabBids  *container.TabItem
	tabCrit  *container.TabItem
	tabProc  *container.TabItem
}

func NewTenderEditor(ctx *kit.Context) *tenderEditor {
	ed := &tenderEditor{editor: editor{ctx: ctx}}
	ed.tabProc = container.NewTabItem(lang.L("award.tab.procedure"), ed.buildProcedure())
	ed.tabCrit = container.NewTabItem(lang.L("award.tab.criteria"), ed.buildCriteria())
	ed.tabBids = container.NewTabItem(lang.L("award.tab.bids"), ed.buildBids())
	ed.tabEval = container.NewTabItem(lang.L("award.tab.evaluation"), ed.buildEvaluation())
	ed.tabs = container.NewAppTabs(ed.tabProc, ed.tabCrit, ed.tabBids, ed.tabEval)
	ed.tabs.OnSelected = func(t *container.TabItem) {
		if t == ed.tabEval {
			ed.refreshChart()
		}
	}
	ed.questions = kit.NewFindings(kit.FindingsConfig{Lines: 3, OnTap: ed.jump})
	ed.View = kit.NewEditorView(kit.WithSide(ed.tabs, ed.questions.Content, 200, 0.78), ctx.Session.Subscribe(ed.refresh))
	ed.refresh()
	return ed
}

// --- procedure ---

func (ed *tenderEditor) setTender(change func(t *domain.Tender)) {
	if ed.loading {
		return
	}
	next := ed.sess().Project.Tender
	for _, d := range []**domain.Date{&next.PublishedOn, &next.OfferDeadline, &next.AwardDate} {
		if *d != nil {
			v := **d
			*d = &v
		}
	}
	change(&next)
	if err := ed.sess().SetTender(next); err != nil {
		ed.refresh()
		ed.report(err)
	}
}

func (ed *tenderEditor) dateEntry(get func(t domain.Tender) *domain.Date, set func(t *domain.Tender, d *domain.Date)) *kit.CommitEntry {
	e := newDateEntry(&ed.loading, func() *domain.Date { return get(ed.sess().Project.Tender) },
		func(d *domain.Date) { ed.setTender(func(t *domain.Tender) { set(t, d) }) }, ed.report)
	ed.editable = append(ed.editable, e)
	return e
}

func (ed *tenderEditor) buildProcedure() fyne.CanvasObject {
	opts := make([]string, len(tenderProcedures))
	for i, k := range tenderProcedures {
		opts[i] = lang.L(k)
	}
	ed.procedure = widget.NewSelectEntry(opts)
	ed.procedure.OnSubmitted = func(s string) { ed.setTender(func(t *domain.Tender) { t.Procedure = strings.TrimSpace(s) }) }
	ed.procedure.OnChanged = func(s string) {
		// A choice from the list commits at once; typing commits on Enter.
		for _, o := range opts {
			if s == o && s != ed.sess().Project.Tender.Procedure {
				ed.setTender(func(t *domain.Tender) { t.Procedure = s })
			}
		}
	}
	ed.publication = kit.NewCommitEntry()
	ed.publication.SetPlaceHolder(lang.L("award.tender.publication_placeholder"))
	ed.publication.CommitOn(func() {
		if v := strings.TrimSpace(ed.publication.Text); v != ed.sess().Project.Tender.Publication {
			ed.setTender(func(t *domain.Tender) { t.Publication = v })
		}
	})
	ed.published = ed.dateEntry(func(t domain.Tender) *domain.Date { return t.PublishedOn }, func(t *domain.Tender, d *domain.Date) { t.PublishedOn = d })
	ed.deadline = ed.dateEntry(func(t domain.Tender) *domain.Date { return t.OfferDeadline }, func(t *domain.Tender, d *domain.Date) { t.OfferDeadline = d })
	ed.awards = ed.dateEntry(func(t domain.Tender) *domain.Date { return t.AwardDate }, func(t *domain.Tender, d *domain.Date) { t.AwardDate = d })

	methods := []string{lang.L("award.method.simple"), lang.L("award.method.extended")}
	ed.method = widget.NewRadioGroup(methods, func(s string) {
		m := domain.MethodSimple
		if s == methods[1] {
			m = domain.MethodExtended
		}
		if s == "" || m == ed.sess().Project.Tender.Method {
			return
		}
		ed.setTender(func(t *domain.Tender) {
			t.Method = m
			if m == domain.MethodExtended && t.TieBreaker == "" {
				t.TieBreaker = domain.TieBreakPerformance
			}
		})
	})
	ed.fluct = kit.NewNumberField(func() float64 { return ed.sess().Project.Tender.FluctuationPct }, func(v float64) error {
		t := ed.sess().Project.Tender
		t.FluctuationPct = v
		return ed.sess().SetTender(t)
	}, false, ed.report)
	ties := []string{lang.L("award.tie.none"), lang.L("award.tie.performance"), lang.L("award.tie.price")}
	ed.tie = widget.NewSelect(ties, func(string) {
		v := []string{"", domain.TieBreakPerformance, domain.TieBreakPrice}[max(ed.tie.SelectedIndex(), 0)]
		if v != ed.sess().Project.Tender.TieBreaker {
			ed.setTender(func(t *domain.Tender) { t.TieBreaker = v })
		}
	})
	ed.methodHelp = kit.Caption("")
	ed.editable = append(ed.editable, ed.procedure, ed.publication, ed.method, ed.fluct.Entry, ed.tie)
	form := widget.NewForm(
		widget.NewFormItem(lang.L("award.tender.procedure"), ed.procedure),
		widget.NewFormItem(lang.L("award.tender.publication"), ed.publication),
		widget.NewFormItem(lang.L("award.tender.published_on"), ed.published),
		widget.NewFormItem(lang.L("award.tender.deadline"), ed.deadline),
		widget.NewFormItem(lang.L("award.tender.award_date"), ed.awards),
	)
	evalForm := widget.NewForm(
		widget.NewFormItem(lang.L("award.tender.method"), ed.method),
		&widget.FormItem{Text: lang.L("award.tender.fluctuation_pct"), Widget: ed.fluct.Entry, HintText: lang.L("award.tender.fluctuation_hint")},
		&widget.FormItem{Text: lang.L("award.tender.tie_breaker_short"), Widget: ed.tie, HintText: lang.L("award.tender.tie_hint")},
	)
	return container.NewVScroll(container.NewVBox(
		kit.Heading(lang.L("award.tender.procedure_title")), form,
		kit.Heading(lang.L("award.tender.method_title")), kit.Caption(lang.L("award.tender.method_intro")), evalForm, ed.methodHelp))
}

// --- criteria ---

func (ed *tenderEditor) buildCriteria() fyne.CanvasObject {
	ed.crit = kit.NewInfoTable([]kit.InfoCol{
		{Title: lang.L("award.report.col.kind"), Width: 50},
		{Title: lang.L("award.report.col.group"), Width: 110},
		{Title: lang.L("award.report.col.criterion"), Width: 220, Grow: 1},
		{Title: lang.L("award.report.col.weight"), Width: 80, Align: fyne.TextAlignTrailing},
		{Title: lang.L("award.report.col.share"), Width: 80, Align: fyne.TextAlignTrailing},
		{Title: lang.L("award.report.col.min"), Width: 110, Align: fyne.TextAlignTrailing},
	}, 100)
	ed.crit.OnSelect = kit.PickRow(&ed.critIDs, &ed.selCrit, ed.refresh)
	ed.cKind = widget.NewSelect([]string{lang.L("award.kind.A"), lang.L("award.kind.B")}, func(string) {
		kind := domain.CriterionA
		if ed.cKind.SelectedIndex() == 1 {
			kind = domain.CriterionB
		}
		ed.updateCrit(func(k *domain.TenderCriterion) {
			if k.Kind != kind && kind == domain.CriterionB && k.Weight == 0 {
				k.Weight = 10
			}
			k.Kind = kind
		})
	})
	ed.cGroup = widget.NewSelectEntry(nil)
	ed.cGroup.OnSubmitted = func(s string) { ed.updateCrit(func(k *domain.TenderCriterion) { k.Group = strings.TrimSpace(s) }) }
	ed.cName = kit.NewCommitEntry()
	ed.cName.CommitOn(func() {
		if k := ed.sess().Project.CriterionByID(ed.selCrit); k != nil && ed.cName.Text != k.Name {
			v := ed.cName.Text
			ed.updateCrit(func(k *domain.TenderCriterion) { k.Name = v })
		}
	})
	critGet := func(f func(k domain.TenderCriterion) float64) func() float64 {
		return func() float64 {
			if k := ed.sess().Project.CriterionByID(ed.selCrit); k != nil {
				return f(*k)
			}
			return 0
		}
	}
	ed.cWeight = kit.NewNumberField(critGet(func(k domain.TenderCriterion) float64 { return k.Weight }), func(v float64) error {
		return ed.sess().UpdateCriterion(ed.selCrit, func(k *domain.TenderCriterion) { k.Weight = v })
	}, false, ed.report)
	ed.cMin = kit.NewNumberField(critGet(func(k domain.TenderCriterion) float64 { return k.MinScore }), func(v float64) error {
		return ed.sess().UpdateCriterion(ed.selCrit, func(k *domain.TenderCriterion) { k.MinScore = v })
	}, false, ed.report)
	ed.addA = widget.NewButtonWithIcon(lang.L("award.criterion.add_a"), theme.ContentAddIcon(), func() { ed.addCriterion(domain.CriterionA) })
	ed.addB = widget.NewButtonWithIcon(lang.L("award.criterion.add_b"), theme.ContentAddIcon(), func() { ed.addCriterion(domain.CriterionB) })
	ed.delCrit = widget.NewButtonWithIcon(lang.L("award.criterion.delete"), theme.DeleteIcon(), func() {
		if err := ed.sess().DeleteCriterion(ed.selCrit); err != nil {
			ed.report(err)
		}
	})
	ed.groupText = kit.Caption("")
	ed.freeze = kit.Caption("")
	ed.reopen = widget.NewButtonWithIcon(lang.L("award.reopen.button"), theme.ContentUndoIcon(), ed.askReopen)
	ed.closeAgn = widget.NewButtonWithIcon(lang.L("award.close.button"), theme.ConfirmIcon(), func() {
		if err := ed.sess().CloseTender(); err != nil {
			ed.report(err)
		}
	})
	ed.editable = append(ed.editable, ed.cKind, ed.cGroup, ed.cName, ed.cWeight.Entry, ed.cMin.Entry, ed.delCrit)
	form := widget.NewForm(
		widget.NewFormItem(lang.L("award.criterion.kind"), ed.cKind),
		widget.NewFormItem(lang.L("award.report.col.group"), ed.cGroup),
		widget.NewFormItem(lang.L("award.report.col.criterion"), ed.cName),
		&widget.FormItem{Text: lang.L("award.report.col.weight"), Widget: ed.cWeight.Entry, HintText: lang.L("award.criterion.weight_hint")},
		&widget.FormItem{Text: lang.L("award.report.col.min"), Widget: ed.cMin.Entry, HintText: lang.L("award.criterion.min_hint")},
	)
	top := kit.NewBorder(kit.Caption(lang.L("award.criteria.intro")), container.NewVBox(ed.groupText,
		kit.NewBorder(nil, nil, nil, container.NewHBox(ed.reopen, ed.closeAgn), ed.freeze),
		container.NewHBox(ed.addA, ed.addB, ed.delCrit)), nil, nil, ed.crit.Content)
	split := container.NewVSplit(top, container.NewVScroll(form))
	split.Offset = 0.55
	return split
}

// askReopen asks for the reason and reopens the frozen criteria.
func (ed *tenderEditor) askReopen() {
	reason := widget.NewMultiLineEntry()
	reason.Wrapping = fyne.TextWrapWord
	reason.SetMinRowsVisible(3)
	items := []*widget.FormItem{{Text: lang.L("award.reopen.reason"), Widget: reason, HintText: lang.L("award.reopen.hint")}}
	showAwForm(ed.ctx, lang.L("award.reopen.title"), items, func() error { return ed.sess().ReopenTender(reason.Text) })
}

func (ed *tenderEditor) addCriterion(kind string) {
	k := domain.TenderCriterion{Kind: kind, Name: lang.L("award.criterion.new")}
	if kind == domain.CriterionB {
		k.Weight = 10
		k.Name = lang.L("award.criterion.new_b")
	}
	id, err := ed.sess().AddCriterion(k)
	if err != nil {
		ed.report(err)
		return
	}
	ed.selCrit = id
	ed.refresh()
}

func (ed *tenderEditor) updateCrit(change func(k *domain.TenderCriterion)) {
	ed.updatePicked(ed.sess().Project.CriterionByID(ed.selCrit) != nil, func() error { return ed.sess().UpdateCriterion(ed.selCrit, change) })
}

// updatePicked runs update, a change of the picked criterion or bid, unless the editor loads or
// nothing is picked; a refused change shows the stored values again and says why.
func (ed *tenderEditor) updatePicked(picked bool, update func() error) {
	if ed.loading || !picked {
		return
	}
	if err := update(); err != nil {
		ed.refresh()
		ed.report(err)
	}
}

// --- bids ---

// scoreRow edits one criterion's score of the selected bid.
type scoreRow struct {
	id     int64
	kind   string
	check  *widget.Select   // A: offen / erfüllt / nicht erfüllt
	entry  *kit.CommitEntry // B: 0–10, empty = not scored
	reason *kit.CommitEntry // why the score, for the Vergabevermerk
	label  *widget.Label
}

func (ed *tenderEditor) buildBids() fyne.CanvasObject {
	ed.bids = kit.NewInfoTable([]kit.InfoCol{
		{Title: lang.L("award.report.col.bidder"), Width: 200, Grow: 1},
		{Title: lang.L("award.report.col.price"), Width: 120, Align: fyne.TextAlignTrailing},
		{Title: lang.L("award.report.col.points"), Width: 70, Align: fyne.TextAlignTrailing},
		{Title: lang.L("award.report.col.z"), Width: 110, Align: fyne.TextAlignTrailing},
		{Title: lang.L("award.report.col.status"), Width: 180, Grow: 1},
	}, 130)
	ed.bids.OnSelect = kit.PickRow(&ed.bidIDs, &ed.selBid, ed.refresh)
	ed.bBidder = ed.bidText(kit.NewCommitEntry(), func(b *domain.Bid) string { return b.Bidder }, func(b *domain.Bid, v string) { b.Bidder = v })
	ed.bPrice = kit.NewNumberField(func() float64 {
		if b := ed.sess().Project.BidByID(ed.selBid); b != nil {
			return b.Price
		}
		return 0
	}, func(v float64) error {
		return ed.sess().UpdateBid(ed.selBid, func(b *domain.Bid) { b.Price = v })
	}, false, ed.report)
	ed.bPrice.Money = true
	ed.bNote = ed.bidText(kit.AsNote(kit.NewCommitEntry(), 2), func(b *domain.Bid) string { return b.Note }, func(b *domain.Bid, v string) { b.Note = v })
	ed.scoreBox = container.NewVBox()
	ed.addBid = widget.NewButtonWithIcon(lang.L("award.bid.add"), theme.ContentAddIcon(), ed.newBid)
	ed.delBid = widget.NewButtonWithIcon(lang.L("award.bid.delete"), theme.DeleteIcon(), func() {
		if err := ed.sess().DeleteBid(ed.selBid); err != nil {
			ed.report(err)
		}
	})
	ed.editable = append(ed.editable, ed.bBidder, ed.bPrice.Entry, ed.bNote, ed.delBid)
	form := widget.NewForm(
		widget.NewFormItem(lang.L("award.report.col.bidder"), ed.bBidder),
		&widget.FormItem{Text: lang.L("award.bid.price"), Widget: ed.bPrice.Entry, HintText: lang.L("award.bid.price_hint")},
		widget.NewFormItem(lang.L("award.bid.note"), ed.bNote),
	)
	details := container.NewVBox(form, kit.Heading(lang.L("award.bid.scores")), kit.Caption(lang.L("award.bid.scores_intro")), ed.scoreBox)
	top := kit.NewBorder(nil, container.NewHBox(ed.addBid, ed.delBid), nil, nil, ed.bids.Content)
	split := container.NewVSplit(top, container.NewVScroll(details))
	split.Offset = 0.35
	return split
}

// bidText makes e commit its text to the picked bid's field that get reads and set writes.
func (ed *tenderEditor) bidText(e *kit.CommitEntry, get func(b *domain.Bid) string, set func(b *domain.Bid, v string)) *kit.CommitEntry {
	return e.CommitOn(func() {
		if b := ed.sess().Project.BidByID(ed.selBid); b != nil && get(b) != e.Text {
			v := e.Text
			ed.updateBid(func(b *domain.Bid) { set(b, v) })
		}
	})
}

// newBid asks for the bidder and the price: a bid without a price cannot be stored.
func (ed *tenderEditor) newBid() {
	name := widget.NewEntry()
	price := widget.NewEntry()
	price.SetPlaceHolder(lang.L("award.bid.price_placeholder"))
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("award.report.col.bidder"), name),
		widget.NewFormItem(lang.L("award.bid.price"), price),
	}
	showAwForm(ed.ctx, lang.L("award.bid.add"), items, func() error {
		v, err := kit.ParseAmount(price.Text)
		if strings.TrimSpace(price.Text) == "" {
			return domain.ErrBidPrice
		}
		if err != nil {
			return err
		}
		id, err := ed.sess().AddBid(domain.Bid{Bidder: strings.TrimSpace(name.Text), Price: v})
		if err == nil {
			ed.selBid = id
			ed.refresh()
		}
		return err
	})
}

func (ed *tenderEditor) updateBid(change func(b *domain.Bid)) {
	ed.updatePicked(ed.sess().Project.BidByID(ed.selBid) != nil, func() error { return ed.sess().UpdateBid(ed.selBid, change) })
}

// syncScores shows one row per criterion for the selected bid.
func (ed *tenderEditor) syncScores() {
	p := ed.sess().Project
	b := p.BidByID(ed.selBid)
	crit := domain.SortedCriteria(p.Criteria)
	key := ""
	for _, c := range crit {
		key += c.Kind + strconv.FormatInt(c.ID, 10) + c.Name + ";"
	}
	if b != nil {
		key += "|" + strconv.FormatInt(b.ID, 10)
	}
	if key != ed.scoreFor {
		ed.scoreFor = key
		ed.scoreRows = nil
		ed.scoreBox.RemoveAll()
		if b == nil {
			ed.scoreBox.Add(kit.Caption(lang.L("award.bid.none_selected")))
			return
		}
		for _, c := range crit {
			r := ed.newScoreRow(c)
			ed.scoreRows = append(ed.scoreRows, r)
			var field fyne.CanvasObject = r.entry
			if r.check != nil {
				field = r.check
			}
			ed.scoreBox.Add(kit.NewBorder(nil, nil, nil, container.NewGridWrap(fyne.NewSize(170, field.MinSize().Height), field), r.label))
			ed.scoreBox.Add(r.reason)
		}
	}
	if b == nil {
		return
	}
	readOnly := ed.sess().ReadOnly()
	for _, r := range ed.scoreRows {
		kit.ShowValue(r.reason, b.Reasons[r.id])
		setEnabled(r.reason, !readOnly)
		s, ok := b.Scores[r.id]
		if r.check != nil {
			idx := 0
			if ok && s >= 1 {
				idx = 1
			} else if ok {
				idx = 2
			}
			r.check.SetSelectedIndex(idx)
			setEnabled(r.check, !readOnly)
		} else {
			text := ""
			if ok {
				text = kit.FormatValue(s)
			}
			kit.ShowValue(r.entry, text)
			setEnabled(r.entry, !readOnly)
		}
	}
}

func (ed *tenderEditor) newScoreRow(c domain.TenderCriterion) *scoreRow {
	r := &scoreRow{id: c.ID, kind: c.Kind}
	label := c.Name
	if c.Kind == domain.CriterionB {
		label = lang.L("award.bid.score_label", map[string]any{"Name": c.Name, "Weight": kit.FormatNumber(c.Weight)})
		if c.MinScore > 0 {
			label += " · " + lang.L("award.bid.score_min", map[string]any{"Min": kit.FormatNumber(c.MinScore)})
		}
	}
	r.label = widget.NewLabel(kind(c.Kind) + " · " + label)
	r.label.Wrapping = fyne.TextWrapWord
	id := c.ID
	r.reason = kit.NewCommitEntry()
	r.reason.SetPlaceHolder(lang.L("award.bid.reason_placeholder"))
	r.reason.CommitOn(func() {
		b := ed.sess().Project.BidByID(ed.selBid)
		if b == nil || ed.loading || strings.TrimSpace(r.reason.Text) == b.Reasons[id] {
			return
		}
		v := strings.TrimSpace(r.reason.Text)
		ed.updateBid(func(b *domain.Bid) { b.Reasons = kit.SetOrDelete(b.Reasons, id, v, v != "") })
	})
	if c.Kind == domain.CriterionA {
		r.check = widget.NewSelect([]string{lang.L("award.score.open"), lang.L("award.score.met"), lang.L("award.score.not_met")}, func(string) {
			if ed.loading {
				return
			}
			i := r.check.SelectedIndex()
			ed.updateBid(func(b *domain.Bid) {
				if b.Scores == nil {
					b.Scores = map[int64]float64{}
				}
				switch i {
				case 1:
					b.Scores[id] = 1
				case 2:
					b.Scores[id] = 0
				default:
					delete(b.Scores, id)
				}
			})
		})
		return r
	}
	r.entry = kit.NewCommitEntry()
	r.entry.SetPlaceHolder(lang.L("award.bid.score_placeholder"))
	r.entry.CommitOn(func() {
		b := ed.sess().Project.BidByID(ed.selBid)
		if b == nil || ed.loading {
			return
		}
		in := strings.TrimSpace(r.entry.Text)
		old, had := b.Scores[id]
		if in == "" && !had || had && in == kit.FormatValue(old) {
			return
		}
		var v float64
		var err error
		if in != "" {
			v, err = kit.ParseNumber(in)
		}
		if err != nil {
			ed.refresh()
			ed.report(err)
			return
		}
		ed.updateBid(func(b *domain.Bid) { b.Scores = kit.SetOrDelete(b.Scores, id, v, in != "") })
	})
	return r
}

func kind(kind string) string { return lang.L("award.kind.short." + kind) }

// --- evaluation ---

func (ed *tenderEditor) buildEvaluation() fyne.CanvasObject {
	ed.rank = kit.NewInfoTable([]kit.InfoCol{
		{Title: lang.L("award.report.col.rank"), Width: 55, Align: fyne.TextAlignCenter},
		{Title: lang.L("award.report.col.bidder"), Width: 200, Grow: 1},
		{Title: lang.L("award.report.col.price"), Width: 120, Align: fyne.TextAlignTrailing},
		{Title: lang.L("award.report.col.points"), Width: 70, Align: fyne.TextAlignTrailing},
		{Title: lang.L("award.report.col.z"), Width: 110, Align: fyne.TextAlignTrailing},
		{Title: lang.L("award.report.col.status"), Width: 240, Grow: 1.5},
	}, 110)
	ed.winner = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	ed.winner.Wrapping = fyne.TextWrapWord
	ed.explain = kit.Caption("")
	ed.chart = canvas.NewImageFromResource(nil)
	ed.chart.FillMode = canvas.ImageFillContain
	ed.chart.SetMinSize(fyne.NewSize(400, 220))
	// The Vergabevermerk documents this evaluation (also in the Projekt menu).
	record := widget.NewButtonWithIcon(lang.L("award.action.record_pdf"), theme.DocumentPrintIcon(), func() { saveAwardRecord(ed.ctx) })
	top := kit.NewBorder(container.NewVBox(kit.NewBorder(nil, nil, nil, record, ed.winner), ed.explain), nil, nil, nil, ed.rank.Content)
	split := container.NewVSplit(top, ed.chart)
	split.Offset = 0.45
	return split
}

// refreshChart draws the chart off the UI thread; a newer drawing wins over an older one.
func (ed *tenderEditor) refreshChart() {
	if ed.tabs.Selected() != ed.tabEval {
		return
	}
	ed.chartGen++
	gen := ed.chartGen
	var png []byte
	ed.ctx.Background(func(snap *domain.Project) error {
		var err error
		png, err = reports.BidsChartPNG(snap, 16, 9.5)
		return err
	}, func(err error) {
		if gen != ed.chartGen {
			return
		}
		if err != nil {
			fyne.LogError("bids chart", err)
			return
		}
		ed.chart.Resource = fyne.NewStaticResource("angebote.png", png)
		ed.chart.Refresh()
	})
}

// --- refresh from the session ---

func (ed *tenderEditor) refresh() {
	ed.loading = true
	defer func() { ed.loading = false }()
	p := ed.sess().Project
	t := p.Tender
	readOnly := ed.sess().ReadOnly()

	showSelectEntry(ed.procedure, t.Procedure)
	kit.ShowValue(ed.publication, t.Publication)
	kit.ShowValue(ed.published, kit.DateText(t.PublishedOn))
	kit.ShowValue(ed.deadline, kit.DateText(t.OfferDeadline))
	kit.ShowValue(ed.awards, kit.DateText(t.AwardDate))
	switch t.Method {
	case domain.MethodSimple:
		ed.method.SetSelected(ed.method.Options[0])
	case domain.MethodExtended:
		ed.method.SetSelected(ed.method.Options[1])
	default:
		ed.method.SetSelected("")
	}
	ed.fluct.Load()
	ed.tie.SetSelectedIndex(map[string]int{"": 0, domain.TieBreakPerformance: 1, domain.TieBreakPrice: 2}[t.TieBreaker])
	if t.Method == domain.MethodExtended {
		ed.fluct.Entry.Enable()
	} else {
		ed.fluct.Entry.Disable()
	}
	ed.methodHelp.SetText(lang.L("award.method.help." + map[bool]string{true: "extended", false: "simple"}[t.Method == domain.MethodExtended]))

	// Criteria.
	crit := domain.SortedCriteria(p.Criteria)
	total := domain.WeightTotal(crit)
	ed.critIDs = ed.critIDs[:0]
	rows := make([][]string, 0, len(crit))
	groups := map[string]bool{}
	var groupNames []string
	selRow := -1
	for i, c := range crit {
		weight, share, minScore := reports.CriterionCells(c, total, kit.FormatNumber)
		rows = append(rows, []string{kind(c.Kind), c.Group, c.Name, weight, share, minScore})
		ed.critIDs = append(ed.critIDs, c.ID)
		if c.ID == ed.selCrit {
			selRow = i
		}
		if g := strings.TrimSpace(c.Group); g != "" && !groups[g] {
			groups[g] = true
			groupNames = append(groupNames, g)
		}
	}
	ed.crit.SetRows(rows)
	if selRow < 0 && len(crit) > 0 {
		ed.selCrit, selRow = crit[0].ID, 0
	}
	ed.crit.SelectRow(selRow)
	ed.cGroup.SetOptions(groupNames)
	var parts []string
	for _, g := range domain.CriterionGroups(p.Criteria) {
		name := g.Name
		if name == "" {
			name = lang.L("award.group.none")
		}
		parts = append(parts, lang.L("award.criteria.group_share", map[string]any{"Group": name, "Share": kit.FormatNumber(g.Share * 100)}))
	}
	ed.groupText.SetText(lang.L("award.criteria.summary", map[string]any{"Max": kit.FormatNumber(total * domain.MaxScore), "Groups": strings.Join(parts, " · ")}))
	k := p.CriterionByID(ed.selCrit)
	if k != nil {
		ed.cKind.SetSelectedIndex(map[string]int{domain.CriterionA: 0, domain.CriterionB: 1}[k.Kind])
		showSelectEntry(ed.cGroup, k.Group)
		kit.ShowValue(ed.cName, k.Name)
		ed.cWeight.Load()
		ed.cMin.Load()
	}

	// Bids and evaluation.
	ev := domain.Evaluate(t, p.Criteria, p.Bids)
	ed.bidIDs = ed.bidIDs[:0]
	bidRows := make([][]string, 0, len(p.Bids))
	selBid := -1
	for i, b := range p.Bids {
		r := ev.Result(b.ID)
		points, z, status := kit.FormatNumber(r.Points), "–", statusText(ev, *r)
		if !r.Excluded {
			z = kit.FormatNumber(r.Ratio * 1000)
		}
		bidRows = append(bidRows, []string{b.Bidder, euroText(b.Price), points, z, status})
		ed.bidIDs = append(ed.bidIDs, b.ID)
		if b.ID == ed.selBid {
			selBid = i
		}
	}
	ed.bids.SetRows(bidRows)
	if selBid < 0 && len(p.Bids) > 0 {
		ed.selBid, selBid = p.Bids[0].ID, 0
	}
	ed.bids.SelectRow(selBid)
	if b := p.BidByID(ed.selBid); b != nil {
		kit.ShowValue(ed.bBidder, b.Bidder)
		ed.bPrice.Load()
		kit.ShowValue(ed.bNote, b.Note)
	}
	ed.syncScores()

	rankRows := make([][]string, 0, len(ev.Results))
	for _, r := range ev.Results {
		rank, z := "–", "–"
		if !r.Excluded {
			rank, z = strconv.Itoa(r.Rank), kit.FormatNumber(r.Ratio*1000)
		}
		rankRows = append(rankRows, []string{rank, r.Bidder, euroText(r.Price), kit.FormatNumber(r.Points), z, statusText(ev, r)})
	}
	ed.rank.Emphasis = func(row int) widget.Importance {
		if row < len(ev.Results) {
			switch {
			case ev.Results[row].BidID == ev.Winner:
				return widget.SuccessImportance
			case ev.Results[row].Excluded:
				return widget.LowImportance
			}
		}
		return widget.MediumImportance
	}
	ed.rank.SetRows(rankRows)
	ed.winner.SetText(winnerText(ev))
	ed.explain.SetText(explainText(t, ev))

	ed.enableAll(!readOnly)
	setEnabled(ed.addA, !readOnly)
	setEnabled(ed.addB, !readOnly)
	setEnabled(ed.addBid, !readOnly)
	for _, w := range []fyne.Disableable{ed.cKind, ed.cGroup, ed.cName, ed.cWeight.Entry, ed.cMin.Entry, ed.delCrit} {
		setEnabled(w, !readOnly && k != nil)
	}
	if k != nil && k.Kind == domain.CriterionA {
		ed.cWeight.Entry.Disable()
		ed.cMin.Entry.Disable()
	}
	// Frozen criteria: only names and groups can be corrected until the tender is reopened.
	today := ed.sess().Today()
	locked := domain.CriteriaLocked(p, today)
	if locked {
		for _, w := range []fyne.Disableable{ed.cKind, ed.cWeight.Entry, ed.cMin.Entry, ed.delCrit, ed.addA, ed.addB} {
			w.Disable()
		}
	}
	ed.freeze.SetText(reports.FreezeText(p, today))
	setEnabled(ed.reopen, !readOnly && locked)
	setEnabled(ed.closeAgn, !readOnly && domain.OpenReopening(p) != nil)
	hasBid := p.BidByID(ed.selBid) != nil
	for _, w := range []fyne.Disableable{ed.bBidder, ed.bPrice.Entry, ed.bNote, ed.delBid} {
		setEnabled(w, !readOnly && hasBid)
	}
	if t.Method != domain.MethodExtended {
		ed.fluct.Entry.Disable()
	}

	ed.findings = nil
	if domain.TenderStarted(p) {
		ed.findings = domain.TenderFindings(p, ev)
	}
	ed.questions.Set(ed.findings)
	ed.refreshChart()
}

// showSelectEntry shows a value in a SelectEntry without committing it again.
func showSelectEntry(e *widget.SelectEntry, s string) {
	if e.Text != s {
		e.SetText(s)
	}
}

// statusText is the result column: the winner, within or outside the range, or why excluded.
func statusText(ev domain.Evaluation, r domain.BidResult) string {
	if r.Excluded {
		parts := make([]string, 0, len(r.Exclusions))
		for _, x := range r.Exclusions {
			parts = append(parts, lang.L("award.exclusion."+x.Reason, map[string]any{"Criterion": x.Criterion,
				"Score": kit.FormatNumber(x.Score), "Min": kit.FormatNumber(x.Min)}))
		}
		return lang.L("award.status.excluded") + ": " + strings.Join(parts, "; ")
	}
	switch {
	case r.BidID == ev.Winner:
		return lang.L("award.status.winner")
	case ev.Method == domain.MethodExtended && r.InRange:
		return lang.L("award.status.in_range")
	case ev.Method == domain.MethodExtended:
		return lang.L("award.status.out_of_range")
	}
	return ""
}

func winnerText(ev domain.Evaluation) string {
	switch {
	case ev.Winner != 0:
		w := ev.Result(ev.Winner)
		return lang.L("award.outcome.winner", map[string]any{"Bidder": w.Bidder, "Points": kit.FormatNumber(w.Points),
			"Price": euroText(w.Price), "Z": kit.FormatNumber(w.Ratio * 1000)})
	case len(ev.Tied) > 0:
		var names []string
		for _, id := range ev.Tied {
			names = append(names, ev.Result(id).Bidder)
		}
		return lang.L("award.outcome.tie", map[string]any{"Bidders": strings.Join(names, ", ")})
	case len(ev.Results) > 0:
		return lang.L("award.outcome.none")
	}
	return lang.L("award.eval.no_bids")
}

func explainText(t domain.Tender, ev domain.Evaluation) string {
	s := lang.L("award.explain.simple", map[string]any{"Max": kit.FormatNumber(ev.MaxPoints)})
	if ev.Method == domain.MethodExtended {
		s += " " + lang.L("award.explain.extended", map[string]any{"Pct": kit.FormatNumber(t.FluctuationPct),
			"Best": kit.FormatNumber(ev.BestRatio * 1000), "Floor": kit.FormatNumber(ev.Floor * 1000), "Rule": lang.L("award.tie." + orNone(t.TieBreaker))})
	}
	return s
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// jump opens the tab and row an open question is about.
func (ed *tenderEditor) jump(f domain.Finding) {
	switch f.Code {
	case domain.FindTenderNoProcedure, domain.FindTenderNoDeadline, domain.FindTenderNoMethod:
		ed.tabs.Select(ed.tabProc)
	case domain.FindTenderNoCriteria, domain.FindTenderNoB:
		ed.tabs.Select(ed.tabCrit)
	case domain.FindTenderTie, domain.FindTenderAllOut:
		ed.tabs.Select(ed.tabEval)
	default:
		if f.EntityID != 0 {
			ed.selBid = f.EntityID
			ed.refresh()
		}
		ed.tabs.Select(ed.tabBids)
	}
}

// showAwForm is a small form dialog whose OK commits; a refused input keeps the dialog open
// with the reason shown.
func showAwForm(ctx *kit.Context, title string, items []*widget.FormItem, ok func() error) {
	if ctx.Window == nil {
		return
	}
	msg := widget.NewLabel("")
	msg.Importance = widget.DangerImportance
	msg.Wrapping = fyne.TextWrapWord
	msg.Hide()
	form := widget.NewForm(items...)
	content := container.NewVBox(form, msg)
	var d *widget.PopUp
	cancel := widget.NewButton(lang.L("ui.cancel"), func() { d.Hide() })
	confirm := widget.NewButtonWithIcon(lang.L("award.ok"), theme.ConfirmIcon(), nil)
	confirm.Importance = widget.HighImportance
	confirm.OnTapped = func() {
		if err := ok(); err != nil {
			msg.SetText(errorText(err))
			msg.Show()
			return
		}
		d.Hide()
	}
	box := container.NewVBox(kit.Heading(title), fixedSize(content, 420, 0), container.NewHBox(layout.NewSpacer(), cancel, confirm))
	d = widget.NewModalPopUp(container.NewPadded(box), ctx.Window.Canvas())
	d.Show()
	if len(items) > 0 {
		if f, ok := items[0].Widget.(fyne.Focusable); ok {
			ctx.Window.Canvas().Focus(f)
		}
	}
}

// errorText is an error in the user's words (rule violations are translation keys).
func errorText(err error) string {
	var um interface{ UserMessage() string }
	if errors.As(err, &um) {
		return um.UserMessage()
	}
	if key := err.Error(); kit.IsKey(key) {
		return lang.L(key)
	}
	return err.Error()
}
