package ui

import (
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"schulit-lotse/persistence"
	"schulit-lotse/ui/wording"
)

// shareDialog asks what a copy for sending leaves out; the file name comes next.
type shareDialog struct {
	dlg                   *dialog.CustomDialog
	withoutMonitoring     *widget.Check
	anonymize             *widget.Check
	next                  *widget.Button
	monitoringRows        int
	lastResult            persistence.ShareResult
	lastPath, lastMessage string
}

func (sh *shell) showShare() { sh.shareDialog() }

func (sh *shell) shareDialog() *shareDialog {
	if sh.sess == nil {
		return nil
	}
	p := sh.sess.Project
	c := p.Monitoring() // whether the rows are loaded or stayed in the file
	d := &shareDialog{monitoringRows: c.Tickets + c.Calls + c.Answers}
	d.withoutMonitoring = widget.NewCheck(lang.L("everyday.share.without_monitoring",
		map[string]any{"Count": formatNumber(float64(d.monitoringRows), sh.language)}), nil)
	d.withoutMonitoring.SetChecked(d.monitoringRows > 0)
	if d.monitoringRows == 0 {
		d.withoutMonitoring.Disable()
	}
	d.anonymize = widget.NewCheck(lang.L("everyday.share.anonymize"), nil)
	hint := paragraph(lang.L("everyday.share.anonymize_hint"))
	hint.Importance = widget.LowImportance
	body := container.NewVBox(paragraph(lang.L("everyday.share.intro")), d.withoutMonitoring, d.anonymize, hint)
	d.dlg, d.next = sh.formDialog(lang.L("everyday.share.title"), 560, body, lang.L("ui.new.next"), func() {
		d.dlg.Hide()
		opt := persistence.ShareOptions{WithoutMonitoring: d.withoutMonitoring.Checked, Anonymize: d.anonymize.Checked, Labels: wording.ShareLabels()}
		cur := sh.sess.File.Path()
		base := strings.TrimSuffix(filepath.Base(cur), filepath.Ext(cur))
		sh.askTarget(targetOptions{
			Title: lang.L("everyday.share.title"), Confirm: lang.L("everyday.share.write"),
			Dir: sh.outputDir(), Name: lang.L("everyday.share.file_name", map[string]any{"Name": base}), Ext: ".lotse",
		}, func(path string) { sh.writeShare(d, path, opt) })
	})
	return d
}

// writeShare writes the copy off the UI thread, then says how large it is, warns when a mail
// server may refuse it, and opens the folder.
func (sh *shell) writeShare(d *shareDialog, path string, opt persistence.ShareOptions) {
	s := sh.sess
	progress := dialog.NewCustomWithoutButtons(lang.L("everyday.share.progress"), widget.NewProgressBarInfinite(), sh.win)
	if !sh.synchronous {
		progress.Show()
	}
	var res persistence.ShareResult
	sh.run(func() error {
		// The copy is taken once every edit made so far is in the file.
		return s.ReadFile(func(f *persistence.File) error {
			var err error
			res, err = f.WriteShareCopy(path, opt)
			return err
		})
	}, func(err error) {
		progress.Hide()
		if err != nil {
			sh.ShowError(err)
			return
		}
		paragraphs := []string{lang.L("everyday.share.done", map[string]any{"Path": path, "Size": wording.FormatBytes(res.Size, sh.language)})}
		if opt.WithoutMonitoring {
			paragraphs = append(paragraphs, lang.L("everyday.share.dropped", map[string]any{"Count": formatNumber(float64(res.Dropped), sh.language)}))
		}
		if opt.Anonymize {
			paragraphs = append(paragraphs, lang.L("everyday.share.replaced", map[string]any{"Count": formatNumber(float64(res.Replaced), sh.language)}))
		}
		if res.Size > wording.MailLimit {
			paragraphs = append(paragraphs, lang.L("everyday.share.too_big", map[string]any{"Limit": wording.FormatBytes(wording.MailLimit, sh.language)}))
		}
		d.lastResult, d.lastPath, d.lastMessage = res, path, strings.Join(paragraphs, "\n")
		dir := filepath.Dir(path)
		if err := sh.openURL(fileURL(dir)); err != nil {
			fyne.LogError("opening the folder", err)
		}
		dialog.ShowCustom(lang.L("everyday.share.title"), lang.L("ui.ok"), wrapped(paragraphs...), sh.win)
	})
}
