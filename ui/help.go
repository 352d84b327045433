package ui

import (
	"os"
	"runtime"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"schulit-lotse/domain"
	"schulit-lotse/internal/winassoc"
)

// showHelp opens the help of what is on screen: the current step's, or the general help on
// the start screen and the overview. F1 and the step page's help button lead here.
func (sh *shell) showHelp() {
	n := 0
	if sh.project != nil {
		n = sh.project.current
	}
	sh.helpDialog(n)
}

// helpDialog shows the help of step n (1–12) or, for 0, how the app works.
func (sh *shell) helpDialog(n int) dialog.Dialog {
	var title string
	var paragraphs []string
	if step, ok := domain.StepByID(domain.StepID(n)); ok {
		title = lang.L("everyday.help.step_title", map[string]any{"Heading": stepHeading(step)})
		paragraphs = append(paragraphs, stepGuide(step))
		paragraphs = append(paragraphs, lang.L("ui.step.tips")+":")
		for _, t := range stepTipTexts(step) {
			paragraphs = append(paragraphs, "• "+t)
		}
		paragraphs = append(paragraphs, lang.L("everyday.help.step_footer"))
	} else {
		title = lang.L("everyday.help.title")
		for _, k := range []string{"everyday.help.general.1", "everyday.help.general.2", "everyday.help.general.3", "everyday.help.general.4", "everyday.help.general.5", "everyday.help.general.6"} {
			paragraphs = append(paragraphs, lang.L(k))
		}
	}
	body := container.NewVScroll(wrapped(paragraphs...))
	body.SetMinSize(fyne.NewSize(520, 380))
	d := dialog.NewCustom(title, lang.L("ui.ok"), body, sh.win)
	d.Show()
	return d
}

// shortcutRows are the keys the app answers, as (keys, what) translation keys.
var shortcutRows = [][2]string{
	{"everyday.keys.new", "ui.menu.new"}, {"everyday.keys.open", "ui.menu.open"}, {"everyday.keys.save", "everyday.keys.save_what"},
	{"everyday.keys.undo", "ui.menu.undo"}, {"everyday.keys.redo", "ui.menu.redo"}, {"everyday.keys.close", "ui.menu.close"},
	{"everyday.keys.quit", "ui.menu.quit"}, {"everyday.keys.help", "everyday.menu.step_help"},
	{"everyday.keys.tab", "everyday.keys.tab_what"}, {"everyday.keys.enter", "everyday.keys.enter_what"},
	{"everyday.keys.next_step", "ui.nav.next"}, {"everyday.keys.prev_step", "ui.nav.back"},
	{"everyday.keys.sidebar", "everyday.keys.sidebar_what"},
	{"everyday.keys.close_message", "everyday.keys.close_message_what"},
}

func (sh *shell) showKeys() {
	form := widget.NewForm()
	for _, r := range shortcutRows {
		what := paragraph(lang.L(r[1]))
		form.Append(lang.L(r[0]), what)
	}
	dialog.ShowCustom(lang.L("everyday.menu.keys"), lang.L("ui.ok"), fixedWidth(520, form), sh.win)
}

// onKey answers F1 wherever the focus is not in a text field (those keep their keys).
func (sh *shell) onKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyF1:
		sh.showHelp()
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeyEscape:
		// Return, Enter and Escape close an information or error dialog.
		if sh.message != nil {
			sh.message.Hide()
		}
	}
}

// installHelpKey routes F1 to the help: key-down reaches the canvas while a table, list or
// button has the focus, typed keys while nothing has.
func (sh *shell) installHelpKey() {
	c := sh.win.Canvas()
	if dc, ok := c.(desktop.Canvas); ok {
		dc.SetOnKeyDown(sh.onKey)
	} else {
		c.SetOnTypedKey(sh.onKey)
	}
}

// registerFileType sets up double-click on .lotse files for this user (Windows, no admin
// rights needed). On Linux the package's install script does it.
func (sh *shell) registerFileType() {
	exe, err := os.Executable()
	if err == nil {
		err = winassoc.Register(exe, lang.L("everyday.assoc.description"))
	}
	if err != nil {
		sh.showMessage(lang.L("everyday.menu.assoc"), lang.L("everyday.assoc.failed", map[string]any{"Detail": err.Error()}))
		return
	}
	sh.showMessage(lang.L("everyday.menu.assoc"), lang.L("everyday.assoc.done", map[string]any{"Path": exe}))
}

// canRegisterFileType tells the menu whether to offer registerFileType.
var canRegisterFileType = winassoc.Supported && runtime.GOOS == "windows"
