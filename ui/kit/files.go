package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

// FileChoice is what a step's file dialog offers.
type FileChoice struct {
	// Exts are the extensions shown (nil: every file); Name is the file name a save dialog
	// proposes.
	Exts []string
	Name string
	// FyneSize keeps the dialog at Fyne's own size instead of 900 × 600.
	FyneSize bool
}

// OpenFile asks for a file to read and hands it to read, which closes it. Cancelling does
// nothing; an error of the dialog is reported.
func (c *Context) OpenFile(fc FileChoice, read func(r fyne.URIReadCloser)) {
	if c.Window == nil || c.Session == nil {
		return
	}
	d := dialog.NewFileOpen(FileAnswer(c.Report, read), c.Window)
	fc.setUp(d)
	d.Show()
}

// SaveFile asks where to save and hands the new file to write, which closes it. Cancelling does
// nothing; an error of the dialog is reported.
func (c *Context) SaveFile(fc FileChoice, write func(w fyne.URIWriteCloser)) {
	if c.Window == nil || c.Session == nil {
		return
	}
	d := dialog.NewFileSave(FileAnswer(c.Report, write), c.Window)
	if fc.Name != "" {
		d.SetFileName(fc.Name)
	}
	fc.setUp(d)
	d.Show()
}

// FileAnswer turns a file dialog's answer into a call of use: an error goes to report,
// cancelling (no file) does nothing.
func FileAnswer[F any](report func(error), use func(f F)) func(f F, err error) {
	return func(f F, err error) {
		if err != nil {
			report(err)
			return
		}
		if any(f) != nil {
			use(f)
		}
	}
}

func (fc FileChoice) setUp(d *dialog.FileDialog) {
	if fc.Exts != nil {
		d.SetFilter(storage.NewExtensionFileFilter(fc.Exts))
	}
	if !fc.FyneSize {
		d.Resize(fyne.NewSize(900, 600))
	}
}
