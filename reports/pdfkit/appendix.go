package pdfkit

import "strconv"

// appendixPart is a long list or a wide table that a section of the Gesamtbericht sends to
// the appendix, so that the steps read on portrait pages without interruption: lists go to
// Anhang A (portrait), wide tables and matrices to Anhang B (landscape), each group together.
type appendixPart struct {
	wide  bool
	ref   string // "A.2"
	title string
	// keep is the room (mm) the part needs under its heading on the same page; 0: as a table
	// keeps its heading itself.
	keep  float64
	write func(r *Report)
}

// inlineRows is the longest list a section keeps in its text; a longer one goes to the
// appendix (where long task lists are capped at taskCap rows).
const inlineRows = 12

// wideColumns is the number of columns from which a table needs a landscape page: such a
// table goes to Anhang B whatever its length (in portrait its words would divide every few
// letters).
const wideColumns = 7

// placeOf says where t goes: inline in its section, or to the appendix (wide: Anhang B).
func placeOf(t Table) (inline, wide bool) {
	switch {
	case len(t.Columns) >= wideColumns:
		return false, true
	case len(t.Rows) <= inlineRows:
		return true, false
	}
	return false, false
}

// toAppendix queues write (which draws title's table) for the appendix and says in the
// section where it is. A report without an appendix (the Kurzfassung does not call section
// writers) never queues.
func (r *Report) toAppendix(wide bool, title string, write func(r *Report)) {
	r.ToAppendixKeeping(wide, title, 0, write)
}

// ToAppendixKeeping is toAppendix for a part that is not a Table (a matrix drawn by hand): its
// heading starts a new page unless keep millimetres fit below it.
func (r *Report) ToAppendixKeeping(wide bool, title string, keep float64, write func(r *Report)) {
	letter, n := "A", 1
	if wide {
		letter = "B"
	}
	for _, a := range r.appendix {
		if a.wide == wide {
			n++
		}
	}
	ref := letter + "." + strconv.Itoa(n)
	title = Line(title)
	r.appendix = append(r.appendix, appendixPart{wide: wide, ref: ref, title: title, keep: keep, write: write})
	r.headingDone()
	r.Note(Tr("reports.appendix.see", map[string]any{"Ref": ref, "Title": title}))
}

// TableOrAppendix writes t in the section when it is short and narrow, else sends it to the
// appendix under title (placeOf); intro (may be "") stands above the table, the notes
// after it, in either place.
func (r *Report) TableOrAppendix(title, intro string, t Table, after ...string) {
	r.PlaceTable(title, t, func(r *Report) {
		if intro != "" {
			r.Note(intro)
		}
		r.Table(t)
		for _, n := range after {
			r.Note(n)
		}
	})
}

// PlaceTable runs write (which draws t with what belongs to it) in the section or in the
// appendix, as placeOf decides for t.
func (r *Report) PlaceTable(title string, t Table, write func(r *Report)) {
	if inline, wide := placeOf(t); !inline {
		r.toAppendix(wide, title, write)
		return
	}
	write(r)
}

// WriteAppendix writes the queued parts: Anhang A (lists, portrait), then Anhang B (wide
// tables, landscape), each part under its numbered heading.
func (r *Report) WriteAppendix() {
	for _, wide := range []bool{false, true} {
		started := false
		for _, a := range r.appendix {
			if a.wide != wide {
				continue
			}
			if !started {
				letter, o, key := "A", Portrait, "reports.appendix.lists"
				if wide {
					letter, o, key = "B", Landscape, "reports.appendix.wide"
				}
				r.ChapterOn(o, letter, Tr("reports.appendix.kicker", map[string]any{"Letter": letter}), Tr(key))
				r.Paragraph(Tr(key + "_intro"))
				started = true
			}
			if a.keep > 0 {
				r.EnsureSpace(a.keep)
			}
			r.Subsection(a.ref + " " + a.title)
			a.write(r)
			if r.Err() != nil {
				return
			}
		}
	}
}
