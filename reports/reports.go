// Package reports writes the documents of a project: the Gesamtbericht (a title page, a table
// of contents and one section per step that has content) and its Kurzfassung, the
// Leistungsbeschreibung (PDF, Markdown, Word), the monitoring report, the Jour-fixe protocol and
// invitation, the Vergabevermerk, and the structure sheets. The layout machinery they share is
// in reports/pdfkit, the charts in reports/charts.
package reports

import (
	"fmt"
	"io"

	"schulit-lotse/domain"
	"schulit-lotse/reports/pdfkit"
)

// WriteGesamtberichtFile writes the report to path atomically (pdfkit.WriteAtomically): on any error
// the target is unchanged.
func WriteGesamtberichtFile(path string, p *domain.Project, opt Options) error {
	return pdfkit.WriteAtomically(path, func(w io.Writer) error { return WriteGesamtbericht(w, p, opt) })
}

// WriteKurzfassungFile writes the Kurzfassung to path the same way.
func WriteKurzfassungFile(path string, p *domain.Project, opt Options) error {
	return pdfkit.WriteAtomically(path, func(w io.Writer) error { return WriteKurzfassung(w, p, opt) })
}

// Options of a report (pdfkit.Options: the date, the Leistungsbeschreibung's Mengengerüst).
type Options = pdfkit.Options

// WriteGesamtbericht writes the full report of the project as PDF to w: title page, "Auf
// einen Blick", table of contents and one section per step with content.
func WriteGesamtbericht(w io.Writer, p *domain.Project, opt Options) error {
	return writeBook(w, p, opt, bookFull)
}

// WriteKurzfassung writes the short report for a committee: title page, "Auf einen Blick",
// table of contents and a few pages of overview instead of the steps' full sections.
func WriteKurzfassung(w io.Writer, p *domain.Project, opt Options) error {
	return writeBook(w, p, opt, bookShort)
}

// book is a report with a table of contents: its name, how its body is written, and the charts
// it can draw ahead while the layout runs (nil: none).
type book struct {
	title, subtitle, subject, note string // translation keys
	body                           func(r *pdfkit.Report, p *domain.Project, m *monitoring) error
	ahead                          func(p *domain.Project, today domain.Date, memo *pdfkit.Memo) []pdfkit.Chart
}

var (
	bookFull = book{title: "reports.title", subtitle: "reports.subtitle", subject: "reports.subject", note: "reports.title_note",
		body: func(r *pdfkit.Report, p *domain.Project, m *monitoring) error {
			return writeBody(r, p, bookSections(r.Memo, p, r.AsOf()), m, writeFindingsChapter)
		},
		ahead: func(p *domain.Project, today domain.Date, memo *pdfkit.Memo) []pdfkit.Chart {
			return chartsAhead(p, today, bookSections(memo, p, today))
		}}
	bookShort = book{title: "reports.short.title", subtitle: "reports.short.subtitle", subject: "reports.short.subject", note: "reports.short.title_note",
		body: writeShortBody, ahead: shortChartsAhead}
)

// bookSections are the Gesamtbericht's sections with content (sectionsFor), found once for the
// book.
func bookSections(memo *pdfkit.Memo, p *domain.Project, today domain.Date) []section {
	return pdfkit.Remember(memo, "sections", func() []section { return sectionsFor(p, today) })
}

// writeBook writes the Gesamtbericht or the Kurzfassung: title page, "Auf einen Blick" (page 2,
// before the table of contents), the table of contents and the body (WriteBook).
func writeBook(w io.Writer, p *domain.Project, opt Options, b book) (err error) {
	defer pdfkit.CatchPDF(&err)
	p, date, err := opt.Begin(p)
	if err != nil {
		return err
	}
	memo := &pdfkit.Memo{} // the layout runs draw the charts and read the monitoring data once
	m := newMonitoring(p, opt, memo)
	m.prefetch(p, b.ahead != nil)
	if b.ahead != nil {
		pdfkit.DrawAhead(memo, b.ahead(p, p.AsOf(date), memo)...)
	}
	return pdfkit.WriteBook(w, p, pdfkit.Book{
		Start: func(breaks map[int]bool) *pdfkit.Report {
			r := pdfkit.NewDocument(p, date, tr(b.title), tr(b.subject), false, breaks)
			r.OnCell = opt.OnCell
			r.Memo = memo
			return r
		},
		Title: pdfkit.TitlePage{
			Top: 45, Kicker: tr("app.name"), Title: tr(b.title), TitleSize: 30, Subtitle: tr(b.subtitle), SubtitleLines: 2,
			RuleGap: 8, NameGap: 6, Fields: append([][2]string{
				{tr("reports.meta.schultraeger"), p.Meta.Schultraeger},
				{tr("reports.meta.bundesland"), pdfkit.BundeslandName(p.Meta.Bundesland)},
			}, pdfkit.DocumentFields(p, date, true)...),
			Approval: true, Note: tr(b.note), NoteLines: 3,
		},
		Front: func(r *pdfkit.Report) { glance(r, p) },
		Body:  func(r *pdfkit.Report) error { return b.body(r, p, m) },
	})
}

// writeBody writes the sections, the Roter Faden (its KPIs read through m, once for all layout
// runs), then closing (when there were sections to report: nothing reported yet has nothing to
// contradict either), then the appendix. A failed read of the monitoring data ends the report.
func writeBody(r *pdfkit.Report, p *domain.Project, secs []section, m *monitoring, closing func(r *pdfkit.Report, p *domain.Project)) error {
	for _, s := range secs {
		if s.WriteFrom != nil {
			s.WriteFrom(r, p, m)
		} else {
			s.Write(r, p)
		}
		if m.err != nil {
			return m.err
		}
		if err := r.Err(); err != nil {
			return fmt.Errorf("%s: %w", tr("reports.err.pdf"), err)
		}
	}
	if len(secs) == 0 {
		// Nothing to report yet: the body is one page that says so.
		r.NewPage(pdfkit.Portrait)
		r.Paragraph(tr("reports.empty"))
	} else {
		if len(p.Packages) > 0 {
			writeThreadSection(r, p, m) // the thread through all steps, after the steps
			if m.err != nil {
				return m.err
			}
		}
		if closing != nil {
			closing(r, p)
		}
	}
	r.WriteAppendix()
	return r.Err()
}
