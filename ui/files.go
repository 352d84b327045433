package ui

import (
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"schulit-lotse/domain"
	"schulit-lotse/internal/sample"
	"schulit-lotse/persistence"
	"schulit-lotse/reports"
	"schulit-lotse/ui/kit"
	"schulit-lotse/ui/session"
)

// sampleFileName is the copy of the sample project the start screen opens.
const sampleFileName = "Musterstadt.lotse"

// newProjectDialog asks for the project's name, Schulträger and Bundesland.
type newProjectDialog struct {
	dlg          *dialog.CustomDialog
	name         *widget.Entry
	schultraeger *widget.Entry
	land         *widget.Select
	message      *widget.Label
	next         *widget.Button
}

func (sh *shell) showNewProject() { sh.newProjectDialog() }

func (sh *shell) newProjectDialog() *newProjectDialog {
	n := &newProjectDialog{}
	n.name = widget.NewEntry()
	n.name.SetPlaceHolder(lang.L("ui.new.name_hint"))
	n.schultraeger = widget.NewEntry()
	n.schultraeger.SetPlaceHolder(lang.L("ui.new.schultraeger_hint"))
	n.land = bundeslandSelect("NI")
	n.message = messageLabel()
	form := widget.NewForm(
		widget.NewFormItem(lang.L("ui.settings.name"), n.name),
		widget.NewFormItem(lang.L("ui.settings.schultraeger"), n.schultraeger),
		widget.NewFormItem(lang.L("ui.settings.bundesland"), n.land),
	)
	body := container.NewVBox(paragraph(lang.L("ui.new.intro")), form, n.message)
	n.dlg, n.next = sh.formDialog(lang.L("ui.new.title"), 520, body, lang.L("ui.new.next"), func() {
		meta := domain.Meta{
			Name:         strings.TrimSpace(n.name.Text),
			Schultraeger: strings.TrimSpace(n.schultraeger.Text),
			Bundesland:   selectedBundesland(n.land),
		}
		if meta.Name == "" {
			setMessage(n.message, lang.L(string(domain.ErrProjectNameEmpty)))
			return
		}
		n.dlg.Hide()
		sh.askTarget(targetOptions{
			Title: lang.L("ui.new.file_title"), Confirm: lang.L("ui.new.create"),
			Dir: sh.startDir(), Name: safeFileName(meta.Name) + ".lotse", Ext: ".lotse",
		}, func(path string) {
			if err := sh.createProject(path, meta); err != nil {
				sh.ShowError(err)
			}
		})
	})
	sh.win.Canvas().Focus(n.name)
	return n
}

// createProject writes a new, empty project file and opens it.
func (sh *shell) createProject(path string, meta domain.Meta) error {
	p := domain.NewProject(meta.Name, sh.now())
	p.Meta.Schultraeger = meta.Schultraeger
	if meta.Bundesland != "" {
		p.Meta.Bundesland = meta.Bundesland
	}
	return sh.createAndOpen(path, p)
}

func (sh *shell) createAndOpen(path string, p *domain.Project) error {
	s, err := session.Create(path, p, persistence.OpenOptions{Clock: sh.clock})
	if err != nil {
		return err
	}
	if !sh.closeSession() {
		return s.Close() // the open project's last edit failed: it stays, and says so
	}
	sh.setSession(s)
	return nil
}

// openSample opens the user's copy of the sample project "Musterstadt", making it on first use.
// The sample goes into the user's documents, where they find it again and can mail it; the
// first time, a message names the place and offers to open the folder.
func (sh *shell) openSample() { sh.openSampleTelling(false) }

// openSampleTelling is openSample; with tell, a sample made now is announced with its place.
func (sh *shell) openSampleTelling(tell bool) {
	path := filepath.Join(sh.docsDir, sampleFileName)
	if fileExists(path) {
		sh.openPath(path, persistence.OpenOptions{})
		return
	}
	p, err := sample.Project()
	if err == nil {
		err = os.MkdirAll(sh.docsDir, 0o755)
	}
	if err == nil {
		err = sh.createAndOpen(path, p)
	}
	if err != nil {
		sh.ShowError(err)
		return
	}
	if !tell {
		return
	}
	folder := widget.NewButton(lang.L("ui.sample.open_folder"), func() {
		if err := sh.openURL(fileURL(sh.docsDir)); err != nil {
			sh.ShowError(err)
		}
	})
	sh.showMessageWith(lang.L("ui.sample.saved_title"), lang.L("ui.sample.saved", map[string]any{"Path": path}), folder)
}

// saveShortcut answers Ctrl+S: there is nothing to save, so say so (once the edits still on
// their way to the disk are there), and offer a copy.
func (sh *shell) saveShortcut() {
	if sh.sess == nil {
		return
	}
	if sh.project != nil {
		if sh.sess.ReadOnly() {
			sh.project.notify(lang.L("ui.save.readonly_notice"))
		} else if err := sh.sess.Flush(); err == nil {
			sh.project.notify(lang.L("ui.save.notice"))
		}
	}
	sh.saveAs()
}

// saveAs writes the project to a new file and continues there.
func (sh *shell) saveAs() {
	if sh.sess == nil {
		return
	}
	cur := sh.sess.File.Path()
	base := strings.TrimSuffix(filepath.Base(cur), filepath.Ext(cur))
	dir := sh.outputDir()
	sh.askTarget(targetOptions{
		Title: lang.L("ui.saveas.title"), Confirm: lang.L("ui.saveas.confirm"),
		Info: lang.L("ui.saveas.info"),
		Dir:  dir, Name: lang.L("ui.saveas.copy_name", map[string]any{"Name": base}), Ext: ".lotse",
	}, func(path string) {
		if err := sh.saveAsPath(path); err != nil {
			sh.ShowError(err)
		}
	})
}

func (sh *shell) saveAsPath(path string) error {
	if sh.sess == nil {
		return errors.New("no project open")
	}
	if err := sh.sess.SaveAs(path); err != nil {
		return err
	}
	nf := sh.sess.File
	addRecent(sh.app.Preferences(), nf.Path())
	sh.showProject()
	sh.project.notify(lang.L("ui.saveas.done", map[string]any{"Name": filepath.Base(nf.Path())}))
	return nil
}

// outputDir is where new files go by default: beside the open project, unless it was opened
// read-only (likely someone else's folder).
func (sh *shell) outputDir() string {
	dir := filepath.Dir(sh.sess.File.Path())
	if sh.sess.ReadOnly() {
		return sh.docsDir
	}
	return dir
}

// reportKind is a report the File menu writes: its translation keys and its writer.
type reportKind struct {
	title, fileName string
	write           func(path string, p *domain.Project, opt reports.Options) error
}

var (
	fullReport  = reportKind{title: "ui.report.title", fileName: "ui.report.file_name", write: reports.WriteGesamtberichtFile}
	shortReport = reportKind{title: "ui.report.short_title", fileName: "ui.report.short_file_name", write: reports.WriteKurzfassungFile}
)

// exportReport writes the Gesamtbericht as PDF and opens it in the system's viewer.
func (sh *shell) exportReport() { sh.exportBook(fullReport) }

// exportShortReport writes the Kurzfassung as PDF and opens it.
func (sh *shell) exportShortReport() { sh.exportBook(shortReport) }

func (sh *shell) exportBook(kind reportKind) {
	if sh.sess == nil {
		return
	}
	dir := sh.outputDir()
	name := lang.L(kind.fileName, map[string]any{"Name": safeFileName(sh.sess.Project.Meta.Name)})
	sh.askTarget(targetOptions{
		Title: lang.L(kind.title), Confirm: lang.L("ui.report.confirm"),
		Dir: dir, Name: name, Ext: ".pdf", Replace: true,
	}, func(path string) { sh.writeReport(path, kind) })
}

// writeReport renders a snapshot of the project off the UI thread, then opens the PDF.
func (sh *shell) writeReport(path string, kind reportKind) {
	snapshot := sh.sess.Snapshot()
	progress := dialog.NewCustomWithoutButtons(lang.L("ui.report.progress"), widget.NewProgressBarInfinite(), sh.win)
	if !sh.synchronous {
		progress.Show()
	}
	opt := kit.ReportOptions(sh.sess, sh.now())
	sh.run(func() error { return kind.write(path, snapshot, opt) }, func(err error) {
		progress.Hide()
		if err != nil {
			sh.ShowError(err)
			return
		}
		if err := sh.openURL(fileURL(path)); err != nil {
			fyne.LogError("opening the report", err)
			sh.showMessage(lang.L(kind.title), lang.L("ui.report.open_failed", map[string]any{"Path": path}))
			return
		}
		if sh.project != nil {
			sh.project.notify(lang.L("ui.report.done", map[string]any{"Name": filepath.Base(path)}))
		}
	})
}

// fileURL is the file:// URL of a local path (also for Windows drive letters).
func fileURL(path string) *url.URL {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return &url.URL{Scheme: "file", Path: p}
}
