package ui

import (
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"schulit-lotse/domain"
	"schulit-lotse/ui/kit"
	"schulit-lotse/ui/session"
)

// projectView is the window while a project is open: read-only banner, sidebar with the
// overview and the twelve steps, the current page with Back/Next, and the status bar.
type projectView struct {
	sh   *shell
	sess *session.Session
	root fyne.CanvasObject
	// body holds split (sidebar and page) or main alone while the sidebar is folded away.
	body        *fyne.Container
	split       *container.Split
	main        fyne.CanvasObject
	sidebarGone bool // the sidebar is folded away now
	// sidebarChoice is the user's last Strg+B: 1 shown, -1 folded, 0 none yet (then the sidebar
	// folds itself away in a window narrower than foldWidth).
	sidebarChoice int

	current int // 0 = overview, 1–12 = step
	sums    []domain.StepSummary

	entries    []sidebarEntry
	sidebar    *widget.List
	selecting  bool
	pageHolder *fyne.Container
	pages      map[int]fyne.CanvasObject // step pages are built once per open project
	overview   *overviewPage

	back, next *widget.Button
	position   *widget.Label
	saved      *widget.Label
	status     *fyne.Container

	notice      *fyne.Container // a short message in the status bar that goes away by itself
	noticeText  *widget.Label
	noticeCount int
}

// noticeDuration is how long a status-bar notice stays.
const noticeDuration = 6 * time.Second

type sidebarKind int

const (
	entryOverview sidebarKind = iota
	entryPhase
	entryStep
)

// sidebarEntry is one row of the sidebar: the overview, a phase heading or a step.
type sidebarEntry struct {
	kind  sidebarKind
	phase domain.Phase
	step  domain.Step
}

func sidebarEntries() []sidebarEntry {
	out := []sidebarEntry{{kind: entryOverview}}
	var last domain.Phase
	for _, s := range domain.Steps {
		if s.Phase != last {
			out = append(out, sidebarEntry{kind: entryPhase, phase: s.Phase})
			last = s.Phase
		}
		out = append(out, sidebarEntry{kind: entryStep, phase: s.Phase, step: s})
	}
	return out
}

func newProjectView(sh *shell, s *session.Session) *projectView {
	v := &projectView{sh: sh, sess: s, entries: sidebarEntries(), pages: map[int]fyne.CanvasObject{}}
	v.sums = domain.Summarize(s.Project, s.Today())
	v.sidebar = v.buildSidebar()
	v.overview = newOverviewPage(sh, v)
	v.pageHolder = container.NewStack()

	v.back = widget.NewButtonWithIcon(lang.L("ui.nav.back"), theme.NavigateBackIcon(), func() { v.show(v.current - 1) })
	v.next = widget.NewButtonWithIcon(lang.L("ui.nav.next"), theme.NavigateNextIcon(), func() { v.show(v.current + 1) })
	v.next.IconPlacement = widget.ButtonIconTrailingText
	v.next.Importance = widget.HighImportance
	v.position = widget.NewLabel("")
	v.position.Alignment = fyne.TextAlignCenter
	nav := kit.NewBorder(widget.NewSeparator(), nil, v.back, v.next, v.position)

	main := kit.NewBorder(nil, container.NewPadded(nav), nil, nil, v.pageHolder)
	split := container.NewHSplit(v.sidebar, main)
	split.Offset = 0.27
	// The body shows the sidebar beside the page, or the page alone when the user folds the
	// sidebar away (Strg+B) for more room.
	v.split, v.main = split, main
	v.body = container.New(autoFold{v}, split)

	v.saved = widget.NewLabel("")
	v.saved.SizeName = theme.SizeNameCaptionText
	path := widget.NewLabel(s.File.Path())
	path.SizeName = theme.SizeNameCaptionText
	path.Truncation = fyne.TextTruncateEllipsis
	v.noticeText = widget.NewLabel("")
	v.noticeText.TextStyle = fyne.TextStyle{Bold: true}
	v.notice = container.NewStack(canvas.NewRectangle(withAlpha(theme.Color(theme.ColorNameSuccess), 0x50)), v.noticeText)
	v.notice.Hide()
	v.status = kit.NewBorder(widget.NewSeparator(), nil, nil, container.NewHBox(v.notice, v.saved), path)

	var top fyne.CanvasObject
	if s.ReadOnly() {
		top = v.readOnlyBanner()
	}
	v.root = kit.NewBorder(top, v.status, nil, nil, v.body)
	v.updateSaved()
	return v
}

// readOnlyBanner says, above everything, that nothing can be changed and how to get an own copy.
func (v *projectView) readOnlyBanner() fyne.CanvasObject {
	bg := canvas.NewRectangle(withAlpha(theme.Color(theme.ColorNameWarning), 0x55))
	text := lang.L("ui.readonly.banner")
	if why := v.sess.File.ReadOnlyReason(); why != "" {
		text = lang.L(why) // opened read-only although editing was asked for: say why
	}
	msg := paragraph(text)
	msg.TextStyle = fyne.TextStyle{Bold: true}
	saveAs := widget.NewButton(lang.L("ui.menu.save_as"), v.sh.saveAs)
	icon := widget.NewIcon(theme.WarningIcon())
	return container.NewStack(bg, kit.NewBorder(nil, nil, icon, container.NewCenter(saveAs), msg))
}

func withAlpha(c color.Color, a uint8) color.Color {
	r, g, b, _ := c.RGBA()
	return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: a}
}

func (v *projectView) buildSidebar() *widget.List {
	l := widget.NewList(
		func() int { return len(v.entries) },
		func() fyne.CanvasObject {
			marker := canvas.NewCircle(color.Transparent)
			title := widget.NewLabel("")
			title.Truncation = fyne.TextTruncateEllipsis
			state := widget.NewLabel("")
			state.SizeName = theme.SizeNameCaptionText
			return container.NewBorder(nil, nil,
				container.NewCenter(container.NewGridWrap(fyne.NewSquareSize(12), marker)), state, title)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			row := o.(*fyne.Container)
			title := row.Objects[0].(*widget.Label)
			marker := row.Objects[1].(*fyne.Container).Objects[0].(*fyne.Container).Objects[0].(*canvas.Circle)
			state := row.Objects[2].(*widget.Label)
			v.updateSidebarRow(v.entries[id], marker, title, state)
			row.Refresh() // the state text's width changed: lay the row out again
		})
	l.OnSelected = func(id widget.ListItemID) {
		if v.selecting || id < 0 || id >= len(v.entries) {
			return
		}
		e := v.entries[id]
		switch e.kind {
		case entryOverview:
			v.show(0)
		case entryPhase:
			for _, s := range domain.Steps {
				if s.Phase == e.phase {
					v.show(int(s.Number))
					return
				}
			}
		default:
			v.show(int(e.step.Number))
		}
	}
	return l
}

// updateSidebarRow sets every property of a recycled row.
func (v *projectView) updateSidebarRow(e sidebarEntry, marker *canvas.Circle, title, state *widget.Label) {
	switch e.kind {
	case entryOverview:
		title.SetText(lang.L("ui.overview.title"))
		title.TextStyle = fyne.TextStyle{Bold: true}
		marker.FillColor = theme.Color(theme.ColorNamePrimary)
		state.SetText("")
	case entryPhase:
		title.SetText(lang.L("ui.phase.heading", map[string]any{"Number": int(e.phase), "Title": phaseTitle(e.phase)}))
		title.TextStyle = fyne.TextStyle{Bold: true}
		marker.FillColor = color.Transparent
		state.SetText("")
	default:
		title.SetText(lang.L("ui.step.sidebar", map[string]any{"Number": e.step.Number, "Title": stepTitle(e.step)}))
		title.TextStyle = fyne.TextStyle{}
		st := v.stateOf(int(e.step.Number))
		marker.FillColor = stateColor(st)
		state.SetText(stateText(st))
	}
	title.Refresh()
	marker.Refresh()
}

func (v *projectView) stateOf(step int) domain.StepState {
	for _, s := range v.sums {
		if int(s.Number) == step {
			return s.State
		}
	}
	return domain.StateOpen
}

func stateColor(st domain.StepState) color.Color {
	switch st {
	case domain.StateDone:
		return theme.Color(theme.ColorNameSuccess)
	case domain.StateInProgress:
		return theme.Color(theme.ColorNameWarning)
	default:
		return theme.Color(theme.ColorNameDisabled)
	}
}

// show switches to the overview (0) or a step (1–12).
func (v *projectView) show(n int) {
	if n < 0 || n > len(domain.Steps) {
		return
	}
	v.current = n
	var page fyne.CanvasObject
	if n == 0 {
		v.overview.refresh(v.sums)
		page = v.overview.root
	} else {
		page = v.pages[n]
		if page == nil {
			step, _ := domain.StepByID(domain.StepID(n))
			page = newStepPage(v.sh, step)
			v.pages[n] = page
		}
	}
	v.pageHolder.Objects = []fyne.CanvasObject{page}
	v.pageHolder.Refresh()

	v.selecting = true
	v.sidebar.Select(v.entryIndex(n))
	v.selecting = false

	if n == 0 {
		v.back.Disable()
		v.position.SetText(lang.L("ui.overview.title"))
	} else {
		v.back.Enable()
		v.position.SetText(lang.L("ui.nav.position", map[string]any{"Number": n, "Count": len(domain.Steps)}))
	}
	if n == len(domain.Steps) {
		v.next.Disable()
	} else {
		v.next.Enable()
	}
}

func (v *projectView) entryIndex(n int) int {
	for i, e := range v.entries {
		if (n == 0 && e.kind == entryOverview) || (e.kind == entryStep && int(e.step.Number) == n) {
			return i
		}
	}
	return 0
}

// refresh follows a change of the project: states, figures, the save time.
func (v *projectView) refresh() {
	v.sums = domain.Summarize(v.sess.Project, v.sess.Today())
	v.sidebar.Refresh()
	if v.current == 0 {
		v.overview.refresh(v.sums)
	}
	v.updateSaved()
}

// notify shows text in the status bar for a few seconds.
func (v *projectView) notify(text string) {
	v.noticeCount++
	n := v.noticeCount
	v.noticeText.SetText(text)
	v.notice.Show()
	v.status.Refresh()
	v.sh.later(noticeDuration, func() {
		if v.noticeCount == n {
			v.notice.Hide()
			v.status.Refresh()
		}
	})
}

// updateSaved says whether edits wait for the disk ("speichert…") or when the last one reached
// it ("gespeichert 14:05").
func (v *projectView) updateSaved() {
	st := v.sess.SaveState()
	switch {
	case v.sess.ReadOnly():
		v.saved.SetText(lang.L("ui.status.readonly"))
	case st.Err != nil:
		v.saved.SetText(lang.L("ui.status.not_saved"))
	case st.Pending > 0:
		v.saved.SetText(lang.L("ui.status.saving"))
	case st.Saved.IsZero():
		v.saved.SetText(lang.L("ui.status.autosave"))
	default:
		v.saved.SetText(lang.L("ui.status.saved", map[string]any{"Time": formatClock(st.Saved)}))
	}
	v.status.Refresh()
}

// toggleSidebar folds the sidebar away or brings it back; the steps stay reachable with
// Zurück/Weiter and Strg+Bild↑/↓. The choice holds at every window width.
func (v *projectView) toggleSidebar() {
	v.sidebarChoice = 1
	if !v.sidebarGone {
		v.sidebarChoice = -1
	}
	v.foldSidebar(v.sidebarChoice < 0)
}

func (v *projectView) foldSidebar(gone bool) {
	if v.setBody(gone) {
		v.body.Refresh()
	}
}

// setBody shows the page alone or beside the sidebar; true when that changed.
func (v *projectView) setBody(gone bool) bool {
	if gone == v.sidebarGone {
		return false
	}
	v.sidebarGone = gone
	if gone {
		v.body.Objects = []fyne.CanvasObject{v.main}
	} else {
		v.body.Objects = []fyne.CanvasObject{v.split}
	}
	return true
}

// foldWidth is the window width below which the sidebar folds itself away until the user
// brings it back: at 1024 px it would take a third of the width the tables need.
const foldWidth = 1200

// autoFold lays the body out and folds the sidebar away in a narrow window.
type autoFold struct{ v *projectView }

func (l autoFold) MinSize(objs []fyne.CanvasObject) fyne.Size { return kit.StackMinSize(objs) }

func (l autoFold) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	v := l.v
	if v.sidebarChoice == 0 && size.Width > 0 {
		v.setBody(size.Width < foldWidth)
	}
	kit.Stack(v.body.Objects, size)
}
