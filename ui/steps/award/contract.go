package award

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"schulit-lotse/domain"
	"schulit-lotse/ui/kit"
	"schulit-lotse/ui/plural"
)

// contractEditor is step 9 (Vertragsunterzeichnung): the contract record, the next notice date
// computed from term and notice period with a warning when it is near, the provider's contacts,
// the document references, and the SLA version frozen with the contract.
type contractEditor struct {
	editor

	provider        *widget.SelectEntry
	providerOpts    []string
	providerContact *kit.CommitEntry
	ctype           *widget.Select
	typeOther       *kit.CommitEntry
	signed, start   *kit.CommitEntry
	term            *kit.NumberField
	afterTerm       *widget.Select
	renewal         *kit.NumberField
	notice          *kit.NumberField
	monthEnd        *widget.Check
	value           *kit.NumberField

	deadline *widget.Label
	noticeIn *widget.Label
	warning  *widget.Label
	termEnd  *widget.Label

	contacts   *kit.InfoTable
	docs       *widget.List
	docSel     int
	addContact *widget.Button
	delContact *widget.Button
	addDoc     *widget.Button
	delDoc     *widget.Button
	newDoc     *kit.CommitEntry

	slaState  *widget.Label
	freezeBtn *widget.Button
}

func NewContractEditor(ctx *kit.Context) *contractEditor {
	ed := &contractEditor{editor: editor{ctx: ctx}, docSel: -1}
	form := ed.buildForm()
	status := ed.buildStatus()
	lists := ed.buildLists()
	body := container.NewVScroll(container.NewVBox(status, form, widget.NewSeparator(), lists))
	ed.questions = kit.NewFindings(kit.FindingsConfig{Lines: 3})
	ed.View = kit.NewEditorView(kit.WithSide(body, ed.questions.Content, 200, 0.8), ctx.Session.Subscribe(ed.refresh))
	ed.refresh()
	return ed
}

// set changes the contract through the session; a refused change shows the stored values
// again and says why.
func (ed *contractEditor) set(change func(c *domain.Contract)) {
	if ed.loading {
		return
	}
	if err := ed.setErr(change); err != nil {
		ed.refresh()
		ed.report(err)
	}
}

func (ed *contractEditor) setErr(change func(c *domain.Contract)) error {
	next := domain.CloneContract(ed.sess().Project.Contract)
	change(&next)
	return ed.sess().SetContract(next)
}

func (ed *contractEditor) textEntry(get func(c domain.Contract) string, set func(c *domain.Contract, v string)) *kit.CommitEntry {
	e := kit.NewCommitEntry()
	e.CommitOn(func() {
		if ed.loading || e.Text == get(ed.sess().Project.Contract) {
			return
		}
		v := strings.TrimSpace(e.Text)
		ed.set(func(c *domain.Contract) { set(c, v) })
	})
	ed.editable = append(ed.editable, e)
	return e
}

func (ed *contractEditor) dateEntry(get func(c domain.Contract) *domain.Date, set func(c *domain.Contract, d *domain.Date)) *kit.CommitEntry {
	e := newDateEntry(&ed.loading, func() *domain.Date { return get(ed.sess().Project.Contract) },
		func(d *domain.Date) { ed.set(func(c *domain.Contract) { set(c, d) }) }, ed.report)
	ed.editable = append(ed.editable, e)
	return e
}

func (ed *contractEditor) number(get func(c domain.Contract) float64, set func(c *domain.Contract, v float64), integer bool) *kit.NumberField {
	n := kit.NewNumberField(func() float64 { return get(ed.sess().Project.Contract) }, func(v float64) error {
		return ed.setErr(func(c *domain.Contract) { set(c, v) })
	}, integer, ed.report)
	ed.editable = append(ed.editable, n.Entry)
	return n
}

func (ed *contractEditor) buildForm() fyne.CanvasObject {
	ed.provider = widget.NewSelectEntry(nil)
	ed.provider.OnSubmitted = func(s string) { ed.set(func(c *domain.Contract) { c.Provider = strings.TrimSpace(s) }) }
	ed.provider.OnChanged = func(s string) {
		for _, o := range ed.providerOpts {
			if s == o && s != ed.sess().Project.Contract.Provider {
				ed.set(func(c *domain.Contract) { c.Provider = s })
			}
		}
	}
	ed.providerContact = ed.textEntry(func(c domain.Contract) string { return c.ProviderContact }, func(c *domain.Contract, v string) { c.ProviderContact = v })
	types := make([]string, len(domain.ContractTypes))
	for i, t := range domain.ContractTypes {
		types[i] = contractTypeLabel(t)
	}
	ed.ctype = widget.NewSelect(types, func(string) {
		i := ed.ctype.SelectedIndex()
		if i < 0 || ed.loading {
			return
		}
		t := domain.ContractTypes[i]
		if t == domain.ContractOther && strings.TrimSpace(ed.sess().Project.Contract.TypeOther) == "" {
			// "other" needs its name first: the field below takes it.
			ed.typeOther.Show()
			ed.ctx.Window.Canvas().Focus(ed.typeOther)
			return
		}
		ed.set(func(c *domain.Contract) { c.Type = t })
	})
	ed.typeOther = kit.NewCommitEntry()
	ed.typeOther.SetPlaceHolder(lang.L("award.contract.type_other_placeholder"))
	ed.typeOther.CommitOn(func() {
		v := strings.TrimSpace(ed.typeOther.Text)
		if ed.loading || v == ed.sess().Project.Contract.TypeOther {
			return
		}
		ed.set(func(c *domain.Contract) {
			c.TypeOther = v
			if v != "" {
				c.Type = domain.ContractOther
			}
		})
	})
	ed.signed = ed.dateEntry(func(c domain.Contract) *domain.Date { return c.SignedOn }, func(c *domain.Contract, d *domain.Date) { c.SignedOn = d })
	ed.start = ed.dateEntry(func(c domain.Contract) *domain.Date { return c.Start }, func(c *domain.Contract, d *domain.Date) { c.Start = d })
	ed.term = ed.number(func(c domain.Contract) float64 { return float64(c.TermMonths) }, func(c *domain.Contract, v float64) { c.TermMonths = int(v) }, true)
	afters := []string{lang.L("award.contract.after.open"), lang.L("award.contract.after.renew"), lang.L("award.contract.after.end")}
	afterKeys := []string{domain.AfterTermOpen, domain.AfterTermRenew, domain.AfterTermEnd}
	ed.afterTerm = widget.NewSelect(afters, func(string) {
		i := ed.afterTerm.SelectedIndex()
		if i < 0 || ed.loading {
			return
		}
		k := afterKeys[i]
		ed.set(func(c *domain.Contract) {
			c.AfterTerm = k
			if k == domain.AfterTermRenew && c.RenewalMonths == 0 {
				c.RenewalMonths = 12
			}
		})
	})
	ed.renewal = ed.number(func(c domain.Contract) float64 { return float64(c.RenewalMonths) }, func(c *domain.Contract, v float64) { c.RenewalMonths = int(v) }, true)
	ed.notice = ed.number(func(c domain.Contract) float64 { return float64(c.NoticeMonths) }, func(c *domain.Contract, v float64) { c.NoticeMonths = int(v) }, true)
	ed.monthEnd = widget.NewCheck(lang.L("award.contract.month_end"), func(b bool) { ed.set(func(c *domain.Contract) { c.NoticeToMonthEnd = b }) })
	ed.value = ed.number(func(c domain.Contract) float64 { return c.Value }, func(c *domain.Contract, v float64) { c.Value = v }, false)
	ed.value.Money = true
	ed.editable = append(ed.editable, ed.provider, ed.ctype, ed.typeOther, ed.afterTerm, ed.monthEnd)

	noticeRow := kit.NewBorder(nil, nil, nil, ed.monthEnd, ed.notice.Entry)
	return widget.NewForm(
		widget.NewFormItem(lang.L("award.contract.provider"), ed.provider),
		widget.NewFormItem(lang.L("award.contract.provider_contact"), ed.providerContact),
		widget.NewFormItem(lang.L("award.contract.type"), container.NewVBox(ed.ctype, ed.typeOther)),
		widget.NewFormItem(lang.L("award.contract.signed"), ed.signed),
		widget.NewFormItem(lang.L("award.contract.start"), ed.start),
		&widget.FormItem{Text: lang.L("award.contract.term_months"), Widget: ed.term.Entry, HintText: lang.L("award.contract.term_hint")},
		widget.NewFormItem(lang.L("award.contract.after_term"), ed.afterTerm),
		&widget.FormItem{Text: lang.L("award.contract.renewal_months"), Widget: ed.renewal.Entry, HintText: lang.L("award.contract.renewal_hint")},
		&widget.FormItem{Text: lang.L("award.contract.notice_months"), Widget: noticeRow, HintText: lang.L("award.contract.notice_hint")},
		&widget.FormItem{Text: lang.L("award.contract.value_eur"), Widget: ed.value.Entry},
	)
}

// buildStatus is the box with the computed dates: the next notice deadline, big, and a warning
// when it is near.
func (ed *contractEditor) buildStatus() fyne.CanvasObject {
	ed.deadline = widget.NewLabel("")
	ed.deadline.TextStyle = fyne.TextStyle{Bold: true}
	ed.deadline.SizeName = theme.SizeNameSubHeadingText
	ed.deadline.Wrapping = fyne.TextWrapWord
	ed.noticeIn = widget.NewLabel("")
	ed.noticeIn.Wrapping = fyne.TextWrapWord
	ed.termEnd = kit.Caption("")
	ed.warning = widget.NewLabel("")
	ed.warning.Wrapping = fyne.TextWrapWord
	ed.warning.Importance = widget.DangerImportance
	ed.warning.TextStyle = fyne.TextStyle{Bold: true}
	ed.warning.Hide()
	return widget.NewCard("", lang.L("award.contract.status_title"), container.NewVBox(ed.warning, ed.deadline, ed.noticeIn, ed.termEnd))
}

func (ed *contractEditor) buildLists() fyne.CanvasObject {
	ed.contacts = kit.NewInfoTable([]kit.InfoCol{
		{Title: lang.L("award.contract.contact.name"), Width: 130, Grow: 1},
		{Title: lang.L("award.contract.contact.role"), Width: 130, Grow: 1},
		{Title: lang.L("award.contract.contact.phone"), Width: 110},
		{Title: lang.L("award.contract.contact.email"), Width: 160, Grow: 1},
	}, 110)
	ed.addContact = widget.NewButtonWithIcon(lang.L("award.contract.contact.add"), theme.ContentAddIcon(), ed.showContactForm)
	ed.delContact = widget.NewButtonWithIcon(lang.L("award.contract.contact.delete"), theme.DeleteIcon(), func() {
		i := ed.contacts.Selected
		ed.set(func(c *domain.Contract) {
			if i >= 0 && i < len(c.Contacts) {
				c.Contacts = append(c.Contacts[:i:i], c.Contacts[i+1:]...)
			}
		})
	})
	ed.docs = widget.NewList(
		func() int { return len(ed.sess().Project.Contract.Documents) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, widget.NewIcon(theme.FileIcon()), nil, l)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			docs := ed.sess().Project.Contract.Documents
			l := o.(*fyne.Container).Objects[0].(*widget.Label)
			if id >= 0 && id < len(docs) {
				l.SetText(docs[id])
			} else {
				l.SetText("")
			}
		},
	)
	ed.docs.OnSelected = func(id widget.ListItemID) { ed.docSel = id; setEnabled(ed.delDoc, !ed.sess().ReadOnly()) }
	ed.newDoc = kit.NewCommitEntry()
	ed.newDoc.SetPlaceHolder(lang.L("award.contract.doc_placeholder"))
	ed.newDoc.OnSubmitted = func(string) { ed.addDocument(ed.newDoc.Text) }
	ed.addDoc = widget.NewButtonWithIcon(lang.L("award.contract.doc_pick"), theme.FolderOpenIcon(), ed.pickDocument)
	ed.delDoc = widget.NewButtonWithIcon(lang.L("award.contract.doc_delete"), theme.DeleteIcon(), func() {
		i := ed.docSel
		ed.set(func(c *domain.Contract) {
			if i >= 0 && i < len(c.Documents) {
				c.Documents = append(c.Documents[:i:i], c.Documents[i+1:]...)
			}
		})
		ed.docSel = -1
		ed.docs.UnselectAll()
	})
	ed.slaState = widget.NewLabel("")
	ed.slaState.Wrapping = fyne.TextWrapWord
	ed.freezeBtn = widget.NewButtonWithIcon(lang.L("award.contract.freeze"), theme.ConfirmIcon(), ed.freeze)
	ed.editable = append(ed.editable, ed.addContact, ed.addDoc, ed.newDoc)

	docMin := canvas.NewRectangle(kit.Transparent)
	docMin.SetMinSize(fyne.NewSize(200, 90))
	return container.NewVBox(
		kit.Heading(lang.L("award.report.contacts")), ed.contacts.Content, container.NewHBox(ed.addContact, ed.delContact),
		widget.NewSeparator(),
		kit.Heading(lang.L("award.contract.documents")), kit.Caption(lang.L("award.contract.doc_intro")),
		container.NewStack(docMin, ed.docs), kit.NewBorder(nil, nil, nil, container.NewHBox(ed.addDoc, ed.delDoc), ed.newDoc),
		widget.NewSeparator(),
		kit.Heading(lang.L("award.contract.sla_title")), ed.slaState, container.NewHBox(ed.freezeBtn),
	)
}

func (ed *contractEditor) showContactForm() {
	name, role, phone, email := widget.NewEntry(), widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("award.contract.contact.name"), name),
		widget.NewFormItem(lang.L("award.contract.contact.role"), role),
		widget.NewFormItem(lang.L("award.contract.contact.phone"), phone),
		widget.NewFormItem(lang.L("award.contract.contact.email"), email),
	}
	showAwForm(ed.ctx, lang.L("award.contract.contact.add"), items, func() error {
		k := domain.ContractContact{Name: strings.TrimSpace(name.Text), Role: strings.TrimSpace(role.Text),
			Phone: strings.TrimSpace(phone.Text), Email: strings.TrimSpace(email.Text)}
		return ed.setErr(func(c *domain.Contract) { c.Contacts = append(c.Contacts, k) })
	})
}

func (ed *contractEditor) addDocument(path string) {
	p := strings.TrimSpace(path)
	if p == "" {
		return
	}
	if err := ed.setErr(func(c *domain.Contract) { c.Documents = append(c.Documents, p) }); err != nil {
		ed.report(err)
		return
	}
	ed.newDoc.SetText("")
}

// pickDocument takes a file's path as a reference; the file itself stays where it is.
func (ed *contractEditor) pickDocument() {
	ed.ctx.OpenFile(kit.FileChoice{}, func(r fyne.URIReadCloser) {
		path := r.URI().Path()
		r.Close()
		ed.addDocument(path)
	})
}

// freeze copies the working SLAs into the contract; freezing again asks first.
func (ed *contractEditor) freeze() {
	do := func() {
		if err := ed.sess().FreezeSLAs(ed.sess().Today()); err != nil {
			ed.report(err)
		}
	}
	if ed.sess().Project.Contract.SLAID == nil || ed.ctx.Window == nil {
		do()
		return
	}
	dialog.ShowConfirm(lang.L("award.contract.refreeze_title"), lang.L("award.contract.refreeze"), func(ok bool) {
		if ok {
			do()
		}
	}, ed.ctx.Window)
}

func (ed *contractEditor) refresh() {
	ed.loading = true
	defer func() { ed.loading = false }()
	p := ed.sess().Project
	c := p.Contract
	readOnly := ed.sess().ReadOnly()

	// The provider list offers the bidders, the winner first.
	ev := domain.Evaluate(p.Tender, p.Criteria, p.Bids)
	var opts []string
	for _, r := range ev.Results {
		opts = append(opts, r.Bidder)
	}
	ed.providerOpts = opts
	ed.provider.SetOptions(opts)
	showSelectEntry(ed.provider, c.Provider)
	kit.ShowValue(ed.providerContact, c.ProviderContact)
	ed.ctype.SetSelectedIndex(-1)
	for i, t := range domain.ContractTypes {
		if t == c.Type {
			ed.ctype.SetSelectedIndex(i)
		}
	}
	kit.ShowValue(ed.typeOther, c.TypeOther)
	if c.Type == domain.ContractOther || c.TypeOther != "" {
		ed.typeOther.Show()
	} else {
		ed.typeOther.Hide()
	}
	kit.ShowValue(ed.signed, kit.DateText(c.SignedOn))
	kit.ShowValue(ed.start, kit.DateText(c.Start))
	ed.term.Load()
	ed.renewal.Load()
	ed.notice.Load()
	ed.value.Load()
	ed.monthEnd.SetChecked(c.NoticeToMonthEnd)
	ed.afterTerm.SetSelectedIndex(map[string]int{"": 0, domain.AfterTermOpen: 0, domain.AfterTermRenew: 1, domain.AfterTermEnd: 2}[c.AfterTerm])

	// The computed deadline.
	today := ed.sess().Today()
	n := domain.NextNotice(c, today)
	ed.deadline.SetText(noticeHeadline(c, n))
	ed.noticeIn.SetText(noticeDetail(c, n))
	if end, ok := c.TermEnd(); ok {
		ed.termEnd.SetText(lang.L("award.contract.term_end", map[string]any{"End": dateDE(end)}))
	} else {
		ed.termEnd.SetText(lang.L("award.contract.open_ended"))
	}
	if n.NoticeNear() {
		ed.warning.SetText(lang.L("award.contract.warning", map[string]any{"Date": dateDE(n.Latest), "Days": n.DaysLeft}))
		ed.warning.Show()
	} else {
		ed.warning.Hide()
	}

	rows := make([][]string, len(c.Contacts))
	for i, k := range c.Contacts {
		rows[i] = []string{k.Name, k.Role, k.Phone, k.Email}
	}
	ed.contacts.SetRows(rows)
	ed.docs.Refresh()
	if ed.docSel >= len(c.Documents) {
		ed.docSel = -1
	}

	// The SLA agreed with the contract.
	switch {
	case len(domain.WorkingSLAs(p)) == 0 && c.SLAID == nil:
		ed.slaState.SetText(lang.L("award.contract.sla_none"))
	case c.SLAID == nil:
		ed.slaState.SetText(lang.L("award.contract.sla_not_frozen"))
	default:
		text := plural.L("award.contract.sla_frozen", len(domain.FrozenSLAs(p)), map[string]any{"Date": frozenDate(p)})
		if domain.SLAsChangedSinceContract(p) {
			text += " " + lang.L("award.contract.sla_changed")
		}
		ed.slaState.SetText(text)
	}
	if c.SLAID != nil {
		ed.freezeBtn.SetText(lang.L("award.contract.refreeze_button"))
	} else {
		ed.freezeBtn.SetText(lang.L("award.contract.freeze"))
	}

	ed.enableAll(!readOnly)
	setEnabled(ed.renewal.Entry, !readOnly && c.AfterTerm == domain.AfterTermRenew)
	setEnabled(ed.afterTerm, !readOnly && c.TermMonths > 0)
	setEnabled(ed.delContact, !readOnly && ed.contacts.Selected >= 0 && ed.contacts.Selected < len(c.Contacts))
	setEnabled(ed.delDoc, !readOnly && ed.docSel >= 0)
	setEnabled(ed.freezeBtn, !readOnly && len(domain.WorkingSLAs(p)) > 0)

	ed.findings = nil
	if !c.IsEmpty() {
		ed.findings = domain.ContractFindings(p, n)
	}
	ed.questions.Set(ed.findings)
}

func contractTypeLabel(t string) string {
	if t == domain.ContractOther {
		return lang.L("award.contract.type.other")
	}
	return t
}

// noticeHeadline is the big line: the latest notice date, or what replaces it.
func noticeHeadline(c domain.Contract, n domain.Notice) string {
	switch n.Kind {
	case domain.NoticeDeadline:
		return lang.L("award.contract.headline.deadline", map[string]any{"Date": day(n.Latest)})
	case domain.NoticeAnytime:
		return lang.L("award.contract.headline.anytime", map[string]any{"Months": c.NoticeMonths})
	case domain.NoticeEnds:
		return lang.L("award.contract.headline.ends", map[string]any{"Date": day(n.End)})
	case domain.NoticeEnded:
		return lang.L("award.contract.headline.ended", map[string]any{"Date": day(n.End)})
	}
	return lang.L("award.contract.headline.unknown")
}

func noticeDetail(c domain.Contract, n domain.Notice) string {
	switch n.Kind {
	case domain.NoticeDeadline:
		return lang.L("award.contract.detail.deadline", map[string]any{"Days": strconv.Itoa(n.DaysLeft), "End": dateDE(n.End),
			"Rule": noticeRuleText(c)})
	case domain.NoticeAnytime:
		return lang.L("award.contract.detail.anytime", map[string]any{"End": dateDE(n.End)})
	case domain.NoticeEnds:
		return lang.L("award.contract.detail.ends", map[string]any{"Days": n.DaysLeft})
	}
	return ""
}

func noticeRuleText(c domain.Contract) string {
	if c.NoticeMonths == 0 {
		return lang.L("award.contract.notice_none")
	}
	if c.NoticeToMonthEnd {
		return lang.L("award.contract.notice_rule_month_end", map[string]any{"Months": c.NoticeMonths})
	}
	return lang.L("award.contract.notice_rule", map[string]any{"Months": c.NoticeMonths})
}
