package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"schulit-lotse/domain"
)

// documentControlDialog edits what the reports' title pages say about the document (version,
// status, author, contact, committee, approval) and the Beschlussvorschlag of "Auf einen Blick".
type documentControlDialog struct {
	dlg                                           *dialog.CustomDialog
	version, author, contact, committee, approver *widget.Entry
	approvedOn, proposal                          *widget.Entry
	status                                        *widget.Select
	message                                       *widget.Label
}

func (sh *shell) showDocumentControl() { sh.documentControlDialog() }

func (sh *shell) documentControlDialog() *documentControlDialog {
	if sh.sess == nil {
		return nil
	}
	dc := sh.sess.Project.DocumentControlConfig()
	d := &documentControlDialog{}
	entry := func(text string) *widget.Entry {
		e := widget.NewEntry()
		e.SetText(text)
		return e
	}
	d.version = entry(dc.Version)
	d.author = entry(dc.Author)
	d.contact = entry(dc.Contact)
	d.committee = entry(dc.Committee)
	d.approver = entry(dc.ApprovedBy)
	d.approvedOn = entry("")
	d.approvedOn.SetPlaceHolder(lang.L("ui.doc.date_placeholder"))
	if dc.ApprovedOn != nil {
		d.approvedOn.SetText(dc.ApprovedOn.String())
	}
	d.proposal = widget.NewMultiLineEntry()
	d.proposal.Wrapping = fyne.TextWrapWord
	d.proposal.SetMinRowsVisible(5)
	d.proposal.SetText(dc.Proposal)
	d.proposal.SetPlaceHolder(lang.L("ui.doc.proposal_placeholder"))
	names := make([]string, len(domain.DocumentStatuses))
	for i, st := range domain.DocumentStatuses {
		names[i] = lang.L("reports.doc.status." + string(st))
	}
	d.status = widget.NewSelect(names, nil)
	for i, st := range domain.DocumentStatuses {
		if st == dc.Status {
			d.status.SetSelectedIndex(i)
		}
	}
	d.message = messageLabel()
	form := widget.NewForm(
		widget.NewFormItem(lang.L("reports.doc.version"), d.version),
		widget.NewFormItem(lang.L("ui.doc.status"), d.status),
		widget.NewFormItem(lang.L("reports.doc.author"), d.author),
		widget.NewFormItem(lang.L("reports.doc.contact"), d.contact),
		&widget.FormItem{Text: lang.L("reports.doc.committee"), Widget: d.committee, HintText: lang.L("ui.doc.committee_hint")},
		widget.NewFormItem(lang.L("ui.doc.approved_by"), d.approver),
		widget.NewFormItem(lang.L("ui.doc.approved_on"), d.approvedOn),
		&widget.FormItem{Text: lang.L("reports.glance.proposal"), Widget: d.proposal, HintText: lang.L("ui.doc.proposal_hint")},
	)
	body := container.NewVBox(paragraph(lang.L("ui.doc.intro")), form, d.message)
	readOnly := sh.sess.ReadOnly()
	if readOnly {
		for _, w := range []fyne.Disableable{d.version, d.author, d.contact, d.committee, d.approver, d.approvedOn, d.proposal, d.status} {
			w.Disable()
		}
	}
	var save *widget.Button
	d.dlg, save = sh.formDialog(lang.L("ui.doc.title"), 640, body, lang.L("ui.settings.save"), func() {
		if msg := sh.applyDocumentControl(d); msg != "" {
			setMessage(d.message, msg)
			return
		}
		d.dlg.Hide()
	})
	if readOnly {
		save.Disable()
	}
	return d
}

// applyDocumentControl checks the fields and stores them; it returns a message for the user
// when something is wrong, and changes nothing then.
func (sh *shell) applyDocumentControl(d *documentControlDialog) string {
	if sh.sess == nil || sh.sess.ReadOnly() {
		return ""
	}
	next := domain.DocumentControl{
		Version:    strings.TrimSpace(d.version.Text),
		Author:     strings.TrimSpace(d.author.Text),
		Contact:    strings.TrimSpace(d.contact.Text),
		Committee:  strings.TrimSpace(d.committee.Text),
		ApprovedBy: strings.TrimSpace(d.approver.Text),
		Proposal:   strings.TrimSpace(d.proposal.Text),
	}
	if i := d.status.SelectedIndex(); i >= 0 && i < len(domain.DocumentStatuses) {
		next.Status = domain.DocumentStatuses[i]
	}
	if in := strings.TrimSpace(d.approvedOn.Text); in != "" {
		day, err := domain.ParseDate(in)
		if err != nil {
			return lang.L("err.date", map[string]any{"Value": in})
		}
		next.ApprovedOn = &day
	}
	if err := sh.sess.SetDocumentControl(next); err != nil {
		return sh.errorText(err)
	}
	return ""
}
