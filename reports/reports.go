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

// Options of a report.
type Options struct {
	// Date printed on the title page and stored as the PDF's creation date; the same date gives
	// byte-identical output. Callers pass their clock's time; zero is refused.
	Date time.Time
}

// stamp is the document's date, or an error when the caller gave none.
func (o Options) stamp() (time.Time, error) {
	if o.Date.IsZero() {
		return time.Time{}, errors.New(tr("reports.err.no_date"))
	}
	return o.Date, nil
}

// WriteGesamtbericht writes the full report of the project as PDF to w.
//
// It lays the body out twice: the first run finds the page of every section, the second
// writes the table of contents with those numbers in front of the same body.
func WriteGesamtbericht(w io.Writer, p *domain.Project, opt Options) (err error) {
	defer func() {
		// gofpdf panics on some inputs it does not expect; the user gets a message instead.
		if rec := recover(); rec != nil {
			err = fmt.Errorf("%s: %v", tr("reports.err.pdf"), rec)
		}
	}()
	if p == nil {
		return errors.New(tr("reports.err.no_project"))
	}
	date, err := opt.stamp()
	if err != nil {
		return err
	}
	secs := sectionsFor(p, p.AsOf(date))

	measure := newReport(p.Meta.Name, date)
	measure.judgeOn(p)
	if err := measure.writeBody(p, secs); err != nil {
		return err
	}
	tocPages := len(tocLayout(measure.entries))
	shift := 1 + tocPages
	want := make([]tocEntry, len(measure.entries))
	for i, e := range measure.entries {
		e.Page += shift
		want[i] = e
	}

	r := newReport(p.Meta.Name, date)
	r.judgeOn(p)
	r.totalPages = shift + measure.pdf.PageCount()
	r.titlePage(p, date)
	r.tableOfContents(want)
	if got := r.pdf.PageNo(); got != shift && r.Err() == nil {
		return fmt.Errorf("%s: table of contents took %d pages, expected %d", tr("reports.err.layout"), got-1, tocPages)
	}
	if err := r.writeBody(p, secs); err != nil {
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
	if err := r.pdf.Output(w); err != nil {
		return fmt.Errorf("%s: %w", tr("reports.err.write"), err)
	}
	return nil
}

func (r *Report) writeBody(p *domain.Project, secs []section) error {
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
	}
	return r.Err()
}
