// Package reports writes the PDF reports (gofpdf) and their charts. The Gesamtbericht has a
// title page, a table of contents and one section per step that has content; Report is the
// small layout API the sections share (headings, paragraphs, tables that break across pages).
package reports

import (
	"errors"
	"fmt"
	"io"
	"time"

	"schulit-lotse/domain"
)

// WriteGesamtberichtFile writes the report to path atomically (writeAtomically): on any error
// the target is unchanged.
func WriteGesamtberichtFile(path string, p *domain.Project, opt Options) error {
	return writeAtomically(path, func(w io.Writer) error { return WriteGesamtbericht(w, p, opt) })
}

// WriteKurzfassungFile writes the Kurzfassung to path the same way.
func WriteKurzfassungFile(path string, p *domain.Project, opt Options) error {
	return writeAtomically(path, func(w io.Writer) error { return WriteKurzfassung(w, p, opt) })
}

// Options of a report.
type Options struct {
	// Date printed on the title page and stored as the PDF's creation date; the same date gives
	// byte-identical output. Callers pass their clock's time; zero is refused.
	Date time.Time

	// Volume is the Leistungsbeschreibung's Mengengerüst counted in the store, for a project
	// read without tickets and calls (persistence.File.ServiceVolume over
	// domain.VolumeWindow(p.AsOf(Date))); nil counts the project's own tickets and calls.
	Volume *domain.ServiceVolume

	// onCell, when set (tests), sees every table cell's text and the lines it was wrapped into.
	onCell func(text string, lines []string)
}

// stamp is the document's date, or an error when the caller gave none.
func (o Options) stamp() (time.Time, error) {
	if o.Date.IsZero() {
		return time.Time{}, errors.New(tr("reports.err.no_date"))
	}
	return o.Date, nil
}

// WriteGesamtbericht writes the full report of the project as PDF to w: title page, "Auf
// einen Blick", table of contents and one section per step with content.
func WriteGesamtbericht(w io.Writer, p *domain.Project, opt Options) error {
	p = p.WithShortTexts() // an older file's over-long texts are printed cut
	return writeBook(w, p, opt, bookFull)
}

// WriteKurzfassung writes the short report for a committee: title page, "Auf einen Blick",
// table of contents and a few pages of overview instead of the steps' full sections.
func WriteKurzfassung(w io.Writer, p *domain.Project, opt Options) error {
	p = p.WithShortTexts() // an older file's over-long texts are printed cut
	return writeBook(w, p, opt, bookShort)
}

// maxLayoutPasses bounds the layout runs that move headings to their tables: each run may
// move a later heading, so a few are needed; the breaks only grow, so the runs settle.
const maxLayoutPasses = 6

// layOut runs write until no heading is left at the foot of a page apart from its table, each
// run starting a page before the headings the earlier runs stranded; it returns the last run
// (also the first that failed). Reports with a table of contents measure this way in writeBook.
func layOut(write func(breaks map[int]bool) *Report) *Report {
	var breaks map[int]bool
	var r *Report
	for pass := 0; pass < maxLayoutPasses; pass++ {
		r = write(breaks)
		if len(r.stranded) == 0 || pass == maxLayoutPasses-1 || r.Err() != nil {
			break
		}
		breaks = withBreaks(breaks, r.stranded)
	}
	return r
}

// withBreaks is a new set of headings to break before: breaks and the stranded ones. The
// earlier set stays as it was, the run that used it may still hold it.
func withBreaks(breaks map[int]bool, stranded []int) map[int]bool {
	next := make(map[int]bool, len(breaks)+len(stranded))
	for k := range breaks {
		next[k] = true
	}
	for _, k := range stranded {
		next[k] = true
	}
	return next
}

// book is a report with a table of contents: its name and how its body is written.
type book struct {
	title, subtitle, subject, note string // translation keys
	body                           func(r *Report, p *domain.Project) error
}

var (
	bookFull = book{title: "reports.title", subtitle: "reports.subtitle", subject: "reports.subject", note: "reports.title_note",
		body: func(r *Report, p *domain.Project) error {
			return r.writeBody(p, sectionsFor(p, r.AsOf()), r.writeFindingsChapter)
		}}
	bookShort = book{title: "reports.short.title", subtitle: "reports.short.subtitle", subject: "reports.short.subject", note: "reports.short.title_note",
		body: writeShortBody}
)

// writeBook lays the body out twice: the first run finds the page of every section, the second
// writes the table of contents with those numbers in front of the same body. "Auf einen Blick"
// comes before the table of contents, as page 2.
func writeBook(w io.Writer, p *domain.Project, opt Options, b book) (err error) {
	defer catchPDF(&err)
	if p == nil {
		return errors.New(tr("reports.err.no_project"))
	}
	date, err := opt.stamp()
	if err != nil {
		return err
	}
	thread := &threadKPICache{}
	start := func() *Report {
		r := newReport(p.Meta.Name, date)
		r.thread = thread
		r.judgeOn(p)
		r.name(tr(b.title), tr(b.subtitle))
		r.describe(p, tr(b.title), tr(b.subject))
		r.onCell = opt.onCell
		return r
	}

	// Measure until no heading is left at the foot of a page apart from its table (each pass
	// may move later ones).
	var breaks map[int]bool
	var measure *Report
	var glancePages, glanceEntries int
	for pass := 0; pass < maxLayoutPasses; pass++ {
		measure = start()
		measure.breakBefore = breaks
		measure.glance(p)
		glancePages, glanceEntries = measure.pdf.PageCount(), len(measure.entries)
		if err := b.body(measure, p); err != nil {
			return err
		}
		if len(measure.stranded) == 0 || pass == maxLayoutPasses-1 {
			break
		}
		breaks = withBreaks(breaks, measure.stranded)
	}
	tocPages := len(measure.tocLayout(measure.entries))
	want := make([]tocEntry, len(measure.entries))
	for i, e := range measure.entries {
		e.Page++ // the title page
		if i >= glanceEntries {
			e.Page += tocPages
		}
		want[i] = e
	}

	r := start()
	r.breakBefore = breaks
	r.totalPages = 1 + tocPages + measure.pdf.PageCount()
	r.titlePage(p, TitlePage{
		Top: 45, Kicker: tr("app.name"), Title: tr(b.title), TitleSize: 30, Subtitle: tr(b.subtitle), SubtitleLines: 2,
		RuleGap: 8, NameGap: 6, Fields: append([][2]string{
			{tr("reports.meta.schultraeger"), p.Meta.Schultraeger},
			{tr("reports.meta.bundesland"), bundeslandName(p.Meta.Bundesland)},
		}, documentFields(p, date, true)...),
		Approval: true, Note: tr(b.note), NoteLines: 3,
	})
	r.glance(p)
	if got := r.pdf.PageNo(); got != 1+glancePages && r.Err() == nil {
		return fmt.Errorf("%s: overview took %d pages, expected %d", tr("reports.err.layout"), got-1, glancePages)
	}
	r.tableOfContents(want, len(want) <= glanceEntries)
	for i := 0; i < glanceEntries; i++ { // registered before the table made their links
		r.pdf.SetLink(r.links[i], r.Top(), want[i].Page)
	}
	if got := r.pdf.PageNo(); got != 1+glancePages+tocPages && r.Err() == nil {
		return fmt.Errorf("%s: table of contents took %d pages, expected %d", tr("reports.err.layout"), got-1-glancePages, tocPages)
	}
	if err := b.body(r, p); err != nil {
		return err
	}
	for i, e := range r.entries {
		if i >= len(want) || e != want[i] {
			return fmt.Errorf("%s: section %q on page %d, expected %d", tr("reports.err.layout"), e.Title, e.Page, want[min(i, len(want)-1)].Page)
		}
	}
	if r.pdf.PageCount() != r.totalPages {
		return fmt.Errorf("%s: %d pages, expected %d", tr("reports.err.layout"), r.pdf.PageCount(), r.totalPages)
	}
	if err := r.output(w); err != nil {
		return fmt.Errorf("%s: %w", tr("reports.err.write"), err)
	}
	return nil
}

// writeBody writes the sections, then closing (when there were sections to report: nothing
// reported yet has nothing to contradict either), then the appendix.
func (r *Report) writeBody(p *domain.Project, secs []section, closing func(p *domain.Project)) error {
	for _, s := range secs {
		s.Write(r, p)
		if err := r.Err(); err != nil {
			return fmt.Errorf("%s: %w", tr("reports.err.pdf"), err)
		}
	}
	if len(secs) == 0 {
		// Nothing to report yet: the body is one page that says so.
		r.NewPage(Portrait)
		r.Paragraph(tr("reports.empty"))
	} else {
		if len(p.Packages) > 0 {
			writeThreadSection(r, p) // the thread through all steps, after the steps
		}
		if closing != nil {
			closing(p)
		}
	}
	r.writeAppendix()
	return r.Err()
}
