package operation

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"schulit-lotse/domain"
	"schulit-lotse/reports"
	"schulit-lotse/reports/charts"
	"schulit-lotse/ui/kit"
	"schulit-lotse/ui/session"
)

// kickoffEditor is step 10 (Auftakt): the kickoff meeting with its participants, agenda and
// agreed next steps, and the milestone plan as a timeline and a table.
type kickoffEditor struct {
	ctx  *kit.Context
	tabs *container.AppTabs
	View *kit.EditorView

	// The kickoff.
	date, place              *kit.CommitEntry
	agenda, notes, nextSteps *kit.CommitEntry
	people                   *table
	person                   int // index of the participant in the form, -1 for none
	pName, pOrg, pRole       *kit.CommitEntry
	pFields                  []fyne.Disableable
	kickBtns                 buttons
	kickFields               []fyne.Disableable

	// The milestones.
	ms         []domain.Milestone
	msTable    *table
	msID       int64
	mName      *kit.CommitEntry
	mDue       *kit.CommitEntry
	mOwner     *kit.CommitEntry
	mNote      *kit.CommitEntry
	mStatus    *selectField
	mFields    []fyne.Disableable
	msBtns     buttons
	timeline   *canvas.Image
	chartKey   string
	findings   *kit.Findings
	msSummary  *widget.Label
	todayCache domain.Date
}

func NewKickoffEditor(ctx *kit.Context) *kickoffEditor {
	ed := &kickoffEditor{ctx: ctx, person: -1}
	ed.tabs = container.NewAppTabs(
		container.NewTabItem(lang.L("kickoff.tab.meeting"), ed.buildMeeting()),
		container.NewTabItem(lang.L("kickoff.tab.milestones"), ed.buildMilestones()),
	)
	ed.View = kit.NewEditorView(ed.tabs, ctx.Session.Subscribe(ed.refresh))
	ed.refresh()
	return ed
}

func (ed *kickoffEditor) sess() *session.Session { return ed.ctx.Session }

func (ed *kickoffEditor) buildMeeting() fyne.CanvasObject {
	ed.date = dateField(ed.ctx.Report, ed.loadKickoff, func(d *domain.Date) { ed.setKickoff(func(k *domain.Kickoff) { k.Date = d }) })
	ed.place = field("kickoff.place.placeholder", func(s string) { ed.setKickoff(func(k *domain.Kickoff) { k.Place = trim(s) }) })
	ed.agenda = multiField("", func(s string) { ed.setKickoff(func(k *domain.Kickoff) { k.Agenda = strings.TrimRight(s, " \n") }) })
	ed.notes = multiField("", func(s string) { ed.setKickoff(func(k *domain.Kickoff) { k.Notes = strings.TrimRight(s, " \n") }) })
	ed.nextSteps = multiField("", func(s string) {
		ed.setKickoff(func(k *domain.Kickoff) { k.NextSteps = strings.TrimRight(s, " \n") })
	})
	for _, e := range []*kit.CommitEntry{ed.agenda, ed.notes, ed.nextSteps} {
		e.SetMinRowsVisible(5)
	}
	ed.kickFields = []fyne.Disableable{ed.date, ed.place, ed.agenda, ed.notes, ed.nextSteps}

	ed.people = newTable([]col{{"kickoff.col.name", 150, 2}, {"kickoff.col.organisation", 150, 2}, {"kickoff.col.role", 150, 2}},
		func(row, col int) (string, widget.Importance) {
			p := ed.sess().Project.Kickoff.Participants[row]
			return [...]string{p.Name, p.Organisation, p.Role}[col], widget.MediumImportance
		}, func(id int64) { ed.pickPerson(int(id) - 1) })
	ed.pName = field("", func(s string) { ed.setPerson(func(p *domain.Participant) { p.Name = trim(s) }) })
	ed.pOrg = field("", func(s string) { ed.setPerson(func(p *domain.Participant) { p.Organisation = trim(s) }) })
	ed.pRole = field("", func(s string) { ed.setPerson(func(p *domain.Participant) { p.Role = trim(s) }) })
	ed.pFields = []fyne.Disableable{ed.pName, ed.pOrg, ed.pRole}

	head := container.New(&kit.WeightedRow{Weights: []float32{0, 1}, Min: []float32{130, 0}},
		kit.Labelled(lang.L("kickoff.field.date"), ed.date), kit.Labelled(lang.L("kickoff.field.place"), ed.place))
	peopleBar := container.NewHBox(
		widget.NewLabelWithStyle(lang.L("kickoff.participants"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		ed.kickBtns.add("kickoff.person.add", theme.ContentAddIcon(), ed.addPerson),
		ed.kickBtns.add("kickoff.person.from_roles", theme.AccountIcon(), ed.peopleFromRoles),
		ed.kickBtns.add("structure.delete", theme.DeleteIcon(), ed.deletePerson),
	)
	personForm := container.New(&kit.WeightedRow{Weights: []float32{1, 1, 1}},
		kit.Labelled(lang.L("kickoff.col.name"), ed.pName), kit.Labelled(lang.L("kickoff.col.organisation"), ed.pOrg),
		kit.Labelled(lang.L("kickoff.col.role"), ed.pRole))
	peopleBox := kit.NewBorder(container.NewHScroll(peopleBar), personForm, nil, nil, ed.people.view())

	texts := container.New(&kit.WeightedRow{Weights: []float32{1, 1, 1}},
		kit.NewBorder(container.NewHBox(widget.NewLabelWithStyle(lang.L("kickoff.field.agenda"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
			ed.kickBtns.add("kickoff.agenda.propose", theme.DocumentCreateIcon(), ed.proposeAgenda)), nil, nil, nil, ed.agenda),
		labelledBold(lang.L("kickoff.field.notes"), ed.notes),
		labelledBold(lang.L("kickoff.field.next_steps"), ed.nextSteps),
	)
	split := container.NewVSplit(peopleBox, texts)
	split.Offset = 0.5
	return kit.NewBorder(head, nil, nil, nil, split)
}

// labelledBold puts a bold caption above a field.
func labelledBold(caption string, f fyne.CanvasObject) fyne.CanvasObject {
	return kit.NewBorder(widget.NewLabelWithStyle(caption, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), nil, nil, nil, f)
}

func (ed *kickoffEditor) buildMilestones() fyne.CanvasObject {
	ed.msTable = newTable([]col{
		{"kickoff.col.milestone", 180, 3}, {"kickoff.col.due", 100, 0}, {"kickoff.col.owner", 130, 2},
		{"kickoff.col.status", 110, 0}, {"kickoff.col.note", 150, 3},
	}, ed.milestoneCell, ed.pickMilestone)
	ed.mName = field("", func(s string) { ed.setMilestone(func(m *domain.Milestone) { m.Name = trim(s) }) })
	ed.mDue = dateField(ed.ctx.Report, ed.loadMilestone, func(d *domain.Date) { ed.setMilestone(func(m *domain.Milestone) { m.Due = d }) })
	ed.mOwner = field("", func(s string) { ed.setMilestone(func(m *domain.Milestone) { m.Owner = trim(s) }) })
	ed.mNote = multiField("", func(s string) { ed.setMilestone(func(m *domain.Milestone) { m.Note = trim(s) }) })
	ed.mStatus = newSelectField(func(i int) {
		if i >= 0 && i < len(domain.MilestoneStatuses) {
			ed.setMilestone(func(m *domain.Milestone) { m.Status = domain.MilestoneStatuses[i] })
		}
	})
	opts := make([]string, len(domain.MilestoneStatuses))
	for i, s := range domain.MilestoneStatuses {
		opts[i] = lang.L("kickoff.status." + s)
	}
	ed.mStatus.setOptions(opts)
	ed.mFields = []fyne.Disableable{ed.mName, ed.mDue, ed.mOwner, ed.mStatus, ed.mNote}

	ed.timeline = canvas.NewImageFromResource(nil)
	ed.timeline.FillMode = canvas.ImageFillContain
	ed.timeline.ScaleMode = canvas.ImageScaleSmooth
	ed.findings = newFindings("kickoff.findings", func(f domain.Finding) {
		if f.EntityID != 0 {
			ed.pickMilestone(f.EntityID)
		}
	})
	ed.msSummary = widget.NewLabel("")
	ed.msSummary.Truncation = fyne.TextTruncateEllipsis

	toolbar := container.NewHBox(
		ed.msBtns.add("kickoff.milestone.add", theme.ContentAddIcon(), ed.addMilestone),
		ed.msBtns.add("kickoff.milestone.template", theme.DocumentCreateIcon(), ed.milestoneTemplate),
		ed.msBtns.add("kickoff.milestone.done", theme.ConfirmIcon(), func() {
			ed.setMilestone(func(m *domain.Milestone) { m.Status = domain.MilestoneDone })
		}),
		ed.msBtns.add("structure.delete", theme.DeleteIcon(), ed.deleteMilestone),
	)
	form := container.New(&kit.WeightedRow{Weights: []float32{3, 0, 2, 0, 3}, Min: []float32{0, 120, 0, 130, 0}},
		kit.Labelled(lang.L("kickoff.col.milestone"), ed.mName), kit.Labelled(lang.L("kickoff.col.due"), ed.mDue),
		kit.Labelled(lang.L("kickoff.col.owner"), ed.mOwner), kit.Labelled(lang.L("kickoff.col.status"), ed.mStatus.Select),
		kit.Labelled(lang.L("kickoff.col.note"), ed.mNote))
	chart := container.NewStack(ed.timeline)
	tableArea := kit.NewBorder(nil, ed.msSummary, nil, nil, ed.msTable.view())
	body := container.NewVSplit(chart, tableArea)
	body.Offset = 0.45
	return kit.NewBorder(container.NewHScroll(toolbar), container.NewVBox(widget.NewSeparator(), form), nil, nil,
		withSide(body, ed.findings.Content, 0.74))
}

func (ed *kickoffEditor) milestoneCell(row, col int) (string, widget.Importance) {
	m := ed.ms[row]
	imp := widget.MediumImportance
	if m.Overdue(ed.todayCache) {
		imp = widget.DangerImportance
	}
	switch col {
	case 0:
		return m.Name, imp
	case 1:
		if m.Due == nil {
			return lang.L("steps.missing"), widget.WarningImportance
		}
		return date(*m.Due), imp
	case 2:
		return m.Owner, widget.MediumImportance
	case 3:
		if m.Overdue(ed.todayCache) {
			return lang.L("kickoff.status.overdue"), widget.DangerImportance
		}
		st := m.Status
		if st == "" {
			st = domain.MilestonePlanned
		}
		imp := widget.MediumImportance
		if st == domain.MilestoneDone {
			imp = widget.SuccessImportance
		}
		if m.Mirrors() {
			return lang.L("kickoff.status.mirrored", map[string]any{"Status": lang.L("kickoff.status." + st), "Step": domain.FactStep(m.Fact)}), imp
		}
		return lang.L("kickoff.status." + st), imp
	}
	return m.Note, widget.MediumImportance
}

// refresh redraws both tabs from the session.
func (ed *kickoffEditor) refresh() {
	p := ed.sess().Project
	ed.todayCache = ed.sess().Today()
	ro := ed.sess().ReadOnly()
	ed.kickBtns.enable(!ro)
	ed.msBtns.enable(!ro)

	ids := make([]int64, len(p.Kickoff.Participants))
	for i := range ids {
		ids[i] = int64(i + 1)
	}
	ed.people.setIDs(ids)
	ed.loadKickoff()

	// Milestones that mirror a fact show the state their record gives on the day.
	ed.ms = domain.SortedMilestones(domain.ResolvedMilestones(p, ed.todayCache))
	mids := make([]int64, len(ed.ms))
	for i, m := range ed.ms {
		mids[i] = m.ID
	}
	ed.msTable.setIDs(mids)
	ed.loadMilestone()
	ed.findings.Set(domain.KickoffFindings(p, ed.todayCache))
	var done, overdue int
	for _, m := range ed.ms {
		if m.Done() {
			done++
		}
		if m.Overdue(ed.todayCache) {
			overdue++
		}
	}
	ed.msSummary.SetText(lang.L("kickoff.milestones.summary", map[string]any{"Count": len(ed.ms), "Done": done, "Overdue": overdue}))
	ed.drawTimeline()
}

// drawTimeline renders the chart again when the milestones or the day changed.
func (ed *kickoffEditor) drawTimeline() {
	items := reports.TimelineItems(ed.ms, ed.todayCache)
	key, _ := json.Marshal(struct {
		Items []charts.TimelineItem
		Today string
	}{items, ed.todayCache.String()})
	if string(key) == ed.chartKey {
		return
	}
	ed.chartKey = string(key)
	if len(items) == 0 {
		ed.timeline.Resource = nil
		ed.timeline.Refresh()
		return
	}
	png, err := charts.TimelinePNG(items, ed.todayCache.Time, reports.TimelineText(), 24)
	if err != nil {
		fyne.LogError("milestone timeline", err)
		return
	}
	ed.timeline.Resource = fyne.NewStaticResource("meilensteine-"+strconv.Itoa(len(items))+".png", png)
	ed.timeline.SetMinSize(fyne.NewSize(300, 140))
	ed.timeline.Refresh()
}

// loadKickoff shows the kickoff record in its fields.
func (ed *kickoffEditor) loadKickoff() {
	k := ed.sess().Project.Kickoff
	setValue(ed.date, kit.DateText(k.Date))
	setValue(ed.place, k.Place)
	setValue(ed.agenda, k.Agenda)
	setValue(ed.notes, k.Notes)
	setValue(ed.nextSteps, k.NextSteps)
	ro := ed.sess().ReadOnly()
	kit.SetEnabled(!ro, ed.kickFields...)
	if ed.person >= len(k.Participants) {
		ed.person = -1
	}
	kit.SetEnabled(ed.person >= 0 && !ro, ed.pFields...)
	if ed.person < 0 {
		ed.people.selected = 0
		setValue(ed.pName, "")
		setValue(ed.pOrg, "")
		setValue(ed.pRole, "")
		return
	}
	p := k.Participants[ed.person]
	setValue(ed.pName, p.Name)
	setValue(ed.pOrg, p.Organisation)
	setValue(ed.pRole, p.Role)
}

// setKickoff applies a change to a copy of the kickoff record and stores it.
func (ed *kickoffEditor) setKickoff(change func(k *domain.Kickoff)) {
	k := ed.sess().Project.Kickoff
	k.Participants = append([]domain.Participant(nil), k.Participants...)
	change(&k)
	if err := ed.sess().SetKickoff(k); err != nil {
		ed.ctx.Report(err)
		ed.loadKickoff()
	}
}

func (ed *kickoffEditor) pickPerson(i int) {
	ed.person = i
	ed.people.pick(int64(i + 1))
	ed.loadKickoff()
}

func (ed *kickoffEditor) setPerson(change func(p *domain.Participant)) {
	i := ed.person
	if i < 0 || i >= len(ed.sess().Project.Kickoff.Participants) {
		return
	}
	ed.setKickoff(func(k *domain.Kickoff) { change(&k.Participants[i]) })
}

func (ed *kickoffEditor) addPerson() {
	ed.setKickoff(func(k *domain.Kickoff) {
		k.Participants = append(k.Participants, domain.Participant{Name: lang.L("kickoff.person.new")})
	})
	ed.pickPerson(len(ed.sess().Project.Kickoff.Participants) - 1)
	focus(ed.ctx.Window, ed.pName)
}

func (ed *kickoffEditor) deletePerson() {
	i := ed.person
	if i < 0 || i >= len(ed.sess().Project.Kickoff.Participants) {
		return
	}
	ed.person = -1
	ed.setKickoff(func(k *domain.Kickoff) { k.Participants = append(k.Participants[:i], k.Participants[i+1:]...) })
}

// peopleFromRoles adds the people named in the roles (step 11) who are not on the list yet.
func (ed *kickoffEditor) peopleFromRoles() {
	p := ed.sess().Project
	ed.setKickoff(func(k *domain.Kickoff) { k.Participants = participantsFromRoles(p, k.Participants) })
}

// participantsFromRoles appends a participant for each role that names its people, unless the
// same people with the same role are already listed.
func participantsFromRoles(p *domain.Project, have []domain.Participant) []domain.Participant {
	seen := map[string]bool{}
	for _, x := range have {
		seen[domain.NormalizedName(x.Name)+"\x00"+domain.NormalizedName(x.Role)] = true
	}
	out := have
	for _, r := range domain.SortedRoles(p.Roles) {
		name := strings.TrimSpace(r.Persons)
		if name == "" || seen[domain.NormalizedName(name)+"\x00"+domain.NormalizedName(r.Name)] {
			continue
		}
		org := kit.PartyLabel(r.Party)
		switch {
		case r.Party == domain.PartyCarrier && p.Meta.Schultraeger != "":
			org = p.Meta.Schultraeger
		case r.Party == domain.PartyProvider && p.Contract.Provider != "":
			org = p.Contract.Provider
		}
		out = append(out, domain.Participant{Name: name, Organisation: org, Role: r.Name})
		seen[domain.NormalizedName(name)+"\x00"+domain.NormalizedName(r.Name)] = true
	}
	return out
}

// proposeAgenda fills an empty agenda with a proposal.
func (ed *kickoffEditor) proposeAgenda() {
	if strings.TrimSpace(ed.sess().Project.Kickoff.Agenda) != "" {
		return
	}
	ed.setKickoff(func(k *domain.Kickoff) { k.Agenda = lang.L("kickoff.agenda.template") })
}

func (ed *kickoffEditor) milestone() *domain.Milestone {
	for i := range ed.ms {
		if ed.ms[i].ID == ed.msID {
			return &ed.ms[i]
		}
	}
	return nil
}

func (ed *kickoffEditor) pickMilestone(id int64) {
	ed.msID = id
	ed.msTable.pick(id)
	ed.loadMilestone()
}

func (ed *kickoffEditor) loadMilestone() {
	m := ed.milestone()
	on := m != nil && !ed.sess().ReadOnly()
	kit.SetEnabled(on, ed.mFields...)
	if m == nil {
		ed.msID = 0
		ed.msTable.selected = 0
		for _, e := range []*kit.CommitEntry{ed.mName, ed.mDue, ed.mOwner, ed.mNote} {
			setValue(e, "")
		}
		ed.mStatus.show(-1)
		return
	}
	setValue(ed.mName, m.Name)
	setValue(ed.mDue, kit.DateText(m.Due))
	setValue(ed.mOwner, m.Owner)
	setValue(ed.mNote, m.Note)
	st := m.Status
	if st == "" {
		st = domain.MilestonePlanned
	}
	for i, s := range domain.MilestoneStatuses {
		if s == st {
			ed.mStatus.show(i)
		}
	}
	if m.Mirrors() {
		// The record in its step decides; the select shows it and cannot contradict it.
		ed.mStatus.Disable()
	}
}

func (ed *kickoffEditor) setMilestone(change func(m *domain.Milestone)) {
	m := ed.milestone()
	if m == nil {
		return
	}
	next := *m
	change(&next)
	if next.Name == m.Name && sameDate(next.Due, m.Due) && next.Owner == m.Owner && next.Status == m.Status && next.Note == m.Note {
		return
	}
	if _, err := ed.sess().SaveMilestone(next); err != nil {
		ed.ctx.Report(err)
		ed.loadMilestone()
	}
}

func (ed *kickoffEditor) addMilestone() {
	id, err := ed.sess().SaveMilestone(domain.Milestone{Name: lang.L("kickoff.milestone.new"), Status: domain.MilestonePlanned})
	if err != nil {
		ed.ctx.Report(err)
		return
	}
	ed.pickMilestone(id)
	focus(ed.ctx.Window, ed.mName)
}

// milestoneTemplate adds the template plan, counted from the kickoff day (or today).
func (ed *kickoffEditor) milestoneTemplate() {
	base := ed.sess().Today()
	if k := ed.sess().Project.Kickoff.Date; k != nil {
		base = *k
	}
	ed.ctx.Report(ed.sess().AddMilestones(domain.MilestonePlanFrom(base, key)))
}

func (ed *kickoffEditor) deleteMilestone() {
	if m := ed.milestone(); m != nil {
		ed.ctx.Report(ed.sess().DeleteMilestone(m.ID))
	}
}

// timelinePNG is the chart as the editor shows it (for tests).
func (ed *kickoffEditor) timelinePNG() []byte {
	if ed.timeline.Resource == nil {
		return nil
	}
	return bytes.Clone(ed.timeline.Resource.Content())
}
