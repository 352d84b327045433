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
	return WriteAtomically(path, func(w io.Writer) error { return WriteGesamtbericht(w, p, opt) })
}

// WriteKurzfassungFile writes the Kurzfassung to path the same way.
func WriteKurzfassungFile(path string, p *domain.Project, opt Options) error {
	return WriteAtomically(path, func(w io.Writer) error { return WriteKurzfassung(w, p, opt) })
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
		return time.Time{}, errors.New(Tr("reports.err.no_date"))
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

// book is a report with a table of contents: its name and how its body is written.
type book struct {
	title, subtitle, subject, note string // translation keys
	body                           func(r *Report, p *domain.Project, thread *threadKPICache) error
}

var (
	bookFull = book{title: "reports.title", subtitle: "reports.subtitle", subject: "reports.subject", note: "reports.title_note",
		body: func(r *Report, p *domain.Project, thread *threadKPICache) error {
			return writeBody(r, p, sectionsFor(p, r.AsOf()), thread, writeFindingsChapter)
		}}
	bookShort = book{title: "reports.short.title", subtitle: "reports.short.subtitle", subject: "reports.short.subject", note: "reports.short.title_note",
		body: writeShortBody}
)

// writeBook writes the Gesamtbericht or the Kurzfassung: title page, "Auf einen Blick" (page 2,
// before the table of contents), the table of contents and the body (WriteBook).
func writeBook(w io.Writer, p *domain.Project, opt Options, b book) (err error) {
	defer CatchPDF(&err)
	if p == nil {
		return errors.New(Tr("reports.err.no_project"))
	}
	date, err := opt.stamp()
	if err != nil {
		return err
	}
	thread := &threadKPICache{}
	return WriteBook(w, p, Book{
		Start: func(breaks map[int]bool) *Report {
			r := NewDocument(p, date, Tr(b.title), Tr(b.subject), false, breaks)
			r.OnCell = opt.onCell
			return r
		},
		Title: TitlePage{
			Top: 45, Kicker: Tr("app.name"), Title: Tr(b.title), TitleSize: 30, Subtitle: Tr(b.subtitle), SubtitleLines: 2,
			RuleGap: 8, NameGap: 6, Fields: append([][2]string{
				{Tr("reports.meta.schultraeger"), p.Meta.Schultraeger},
				{Tr("reports.meta.bundesland"), BundeslandName(p.Meta.Bundesland)},
			}, DocumentFields(p, date, true)...),
			Approval: true, Note: Tr(b.note), NoteLines: 3,
		},
		Front: func(r *Report) { glance(r, p) },
		Body:  func(r *Report) error { return b.body(r, p, thread) },
	})
}

// writeBody writes the sections, the Roter Faden (its KPIs computed once in thread for all
// layout runs), then closing (when there were sections to report: nothing
// reported yet has nothing to contradict either), then the appendix.
func writeBody(r *Report, p *domain.Project, secs []section, thread *threadKPICache, closing func(r *Report, p *domain.Project)) error {
	for _, s := range secs {
		s.Write(r, p)
		if err := r.Err(); err != nil {
			return fmt.Errorf("%s: %w", Tr("reports.err.pdf"), err)
		}
	}
	if len(secs) == 0 {
		// Nothing to report yet: the body is one page that says so.
		r.NewPage(Portrait)
		r.Paragraph(Tr("reports.empty"))
	} else {
		if len(p.Packages) > 0 {
			writeThreadSection(r, p, thread) // the thread through all steps, after the steps
		}
		if closing != nil {
			closing(r, p)
		}
	}
	r.WriteAppendix()
	return r.Err()
}
