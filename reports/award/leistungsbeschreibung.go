package award

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"schulit-lotse/domain"
	"schulit-lotse/reports/pdfkit"
)

// The Leistungsbeschreibung (service specification) is a separate document: a draft that a
// procurement office edits further. Its content is built once as a list of blocks and written
// either as PDF or as structured text (Markdown, which word processors and mail read as plain
// text too), so both say the same.

type specKind int

const (
	specHeading specKind = iota
	specPara
	specBullets
	specPairs
	specTable
	specNote
)

type specBlock struct {
	kind   specKind
	level  int    // headings: 0 chapter, 1 part
	number string // headings: "2.1"
	text   string
	items  []string
	pairs  [][2]string
	table  pdfkit.Table
}

// specBlocks is the Leistungsbeschreibung of the project (specDoc) with its Mengengerüst counted
// by the report's monitoring source (grouped counts in the project file's store, else the
// project's own tickets and calls) over the twelve months before today's month, from the first
// month with data.
func specBlocks(p *domain.Project, today domain.Date, opt pdfkit.Options) ([]specBlock, error) {
	vol, err := opt.MonitoringOf(p).ServiceVolume(domain.VolumeWindow(today))
	if err != nil {
		return nil, err
	}
	return specDoc(p, today, vol.Recorded()), nil
}

// beginSpec checks the options and builds the blocks of the PDF and the Markdown from the
// project as they print it (over-long texts cut, pdfkit.Options.Begin), which it returns with
// the document's date.
func beginSpec(p *domain.Project, opt pdfkit.Options) (*domain.Project, time.Time, []specBlock, error) {
	p, date, err := opt.Begin(p)
	if err != nil {
		return nil, time.Time{}, nil, err
	}
	blocks, err := specBlocks(p, p.AsOf(date), opt)
	return p, date, blocks, err
}

// specBuilder collects the blocks and numbers chapters (1, 2, …) and their parts (2.1, 2.2, …).
type specBuilder struct {
	doc           []specBlock
	chapter, part int
}

func (b *specBuilder) add(blocks ...specBlock) { b.doc = append(b.doc, blocks...) }

func (b *specBuilder) heading(title string) {
	b.chapter++
	b.part = 0
	b.add(specBlock{kind: specHeading, number: strconv.Itoa(b.chapter), text: title})
}

func (b *specBuilder) sub(title string) {
	b.part++
	b.add(specBlock{kind: specHeading, level: 1, number: fmt.Sprintf("%d.%d", b.chapter, b.part), text: title})
}

func (b *specBuilder) para(s string)         { b.add(specBlock{kind: specPara, text: s}) }
func (b *specBuilder) note(s string)         { b.add(specBlock{kind: specNote, text: s}) }
func (b *specBuilder) pairs(kv ...[2]string) { b.add(specBlock{kind: specPairs, pairs: kv}) }

// specDoc builds the Leistungsbeschreibung of the project; vol is the Mengengerüst from the
// monitoring data (specBlocks).
func specDoc(p *domain.Project, today domain.Date, vol domain.ServiceVolume) []specBlock {
	spec := domain.BuildServiceSpec(p)
	b := &specBuilder{}
	heading, sub, para, note := b.heading, b.sub, b.para, b.note

	// 1 Gegenstand und Ausgangslage
	heading(tr("award.spec.h.scope"))
	carrier := strings.TrimSpace(p.Meta.Schultraeger)
	if carrier == "" {
		carrier = tr("award.spec.carrier_unnamed")
	}
	para(tr("award.spec.scope.intro", map[string]any{"Carrier": carrier, "State": pdfkit.BundeslandName(p.Meta.Bundesland)}))
	para(tr("award.spec.basis." + spec.Basis))
	tasks := 0
	for _, sp := range spec.Packages {
		tasks += len(sp.Tasks)
	}
	term := domain.ServiceTerm(p, today)
	termPair := [2]string{tr("award.spec.term"), specTermText(term)}
	if spec.Basis != domain.SpecNothing {
		b.add(specBlock{kind: specPairs, pairs: [][2]string{
			termPair,
			{tr("award.spec.volume.packages"), strconv.Itoa(len(spec.Packages))},
			{tr("award.spec.volume.tasks"), strconv.Itoa(tasks)},
			{tr("award.spec.volume.hours"), tr("award.spec.volume.hours_value", map[string]any{
				"Month": pdfkit.FormatHours(spec.HoursPerMonth), "Year": pdfkit.FormatHours(spec.HoursPerMonth * 12)})},
		}})
		note(tr("award.spec.volume.note"))
	} else {
		b.add(specBlock{kind: specPairs, pairs: [][2]string{termPair}})
	}

	// 2 Leistungen je Aufgabenpaket
	if len(spec.Packages) > 0 {
		heading(tr("award.spec.h.services"))
		para(tr("award.spec.services.intro"))
		for _, sp := range spec.Packages {
			name := sp.Package.Name
			if sp.Package.ID == 0 {
				name = tr("award.spec.no_package")
			}
			sub(name)
			pairs := [][2]string{}
			if sp.Outcome == domain.OutcomeMixed {
				pairs = append(pairs, [2]string{tr("award.spec.outcome"), tr("award.spec.mixed")})
			}
			pairs = append(pairs,
				[2]string{tr("award.spec.target"), orOpen(sp.Package.TargetState)},
				[2]string{tr("award.spec.criteria"), orOpen(sp.Package.Criteria)},
				[2]string{tr("award.spec.level"), specLevel(p, sp)},
				[2]string{tr("award.spec.hours"), pdfkit.FormatHours(sp.HoursPerMonth)},
			)
			b.add(specBlock{kind: specPairs, pairs: pairs})
			if len(sp.Tasks) == 0 {
				note(tr("award.spec.no_tasks"))
				continue
			}
			rows := make([][]string, 0, len(sp.Tasks))
			for i, t := range sp.Tasks {
				hours := "–"
				if t.Effort != nil {
					hours = pdfkit.FormatNumber(t.HoursPerMonth(p.Settings))
				}
				note := t.Note
				if t.IsNew {
					from := tr("award.spec.new")
					if t.ValidFrom != nil {
						from = tr("award.spec.new_from", map[string]any{"Date": pdfkit.FormatDate(t.ValidFrom.Time)})
					}
					note = strings.TrimSpace(from + " " + note)
				}
				if t.Critical {
					note = strings.TrimSpace(tr("award.spec.critical") + " " + note)
				}
				rows = append(rows, []string{strconv.Itoa(i + 1), t.Name, hours, note})
			}
			b.add(specBlock{kind: specTable, table: pdfkit.Table{
				Columns: []pdfkit.Column{
					{Title: tr("award.spec.col.no"), Width: 6, Align: pdfkit.AlignRight},
					{Title: tr("award.spec.col.task"), Width: 44},
					{Title: tr("award.spec.col.hours"), Width: 14, Align: pdfkit.AlignRight},
					{Title: tr("award.spec.col.note"), Width: 36},
				},
				Rows: rows, Zebra: true,
			}})
		}
	}

	// 3 Servicelevel
	heading(tr("award.spec.h.levels"))
	para(tr("award.spec.levels.intro"))
	if len(spec.SLAs) == 0 {
		note(tr("award.spec.levels.none"))
	}
	for _, s := range spec.SLAs {
		sub(tr("award.report.sla.heading", map[string]any{"Name": pdfkit.Line(s.Name), "Scope": scopeText(p, s)}))
		b.add(specBlock{kind: specPairs, pairs: slaFacts(p, s)},
			specBlock{kind: specTable, table: classTable(s)})
	}
	note(tr("award.spec.levels.measure"))

	// 4 Mengengerüst, 5 Übergang, 6 Vertragsstrafen
	specVolumeBlocks(b, spec, vol)
	specTransitionBlocks(b, p, term)
	specPenaltyBlocks(b)

	// 7 Kalender
	// Only the term's years: a bidder plans the contract, not the years before it.
	years := term.Years()
	var ferien []domain.SchoolHoliday
	for _, h := range spec.Ferien {
		if term.Covers(h) {
			ferien = append(ferien, h)
		}
	}
	if len(ferien) > 0 || p.Meta.Bundesland != "" {
		heading(tr("award.spec.h.calendar"))
		if p.Meta.Bundesland != "" {
			sub(tr("award.report.public", map[string]any{"State": pdfkit.BundeslandName(p.Meta.Bundesland), "Years": yearsText(years)}))
			b.add(specBlock{kind: specTable, table: publicTable(p.Meta.Bundesland, years)})
		}
		if len(ferien) > 0 {
			sub(tr("award.report.ferien"))
			b.add(specBlock{kind: specTable, table: ferienTable(ferien, false)})
		}
	}

	// 8 Berichtswesen
	heading(tr("award.spec.h.reporting"))
	cadence := "–"
	if g := domain.SLAFor(p, nil); g != nil {
		cadence = cadenceText(g.ReportingCadence)
	} else if len(spec.SLAs) > 0 {
		cadence = cadenceText(spec.SLAs[0].ReportingCadence)
	}
	para(tr("award.spec.reporting.intro", map[string]any{"Cadence": cadence}))
	b.add(specBlock{kind: specBullets, items: []string{
		tr("award.spec.reporting.response"), tr("award.spec.reporting.restore"), tr("award.spec.reporting.backlog"),
		tr("award.spec.reporting.hotline"), tr("award.spec.reporting.satisfaction"), tr("award.spec.reporting.measures"),
	}})

	// 9 Eignung und Zuschlag
	heading(tr("award.spec.h.award"))
	var kindA, kindB []string
	for _, c := range domain.SortedCriteria(p.Criteria) {
		if c.Kind == domain.CriterionA {
			kindA = append(kindA, c.Name)
		} else {
			kindB = append(kindB, tr("award.spec.b_item", map[string]any{"Name": c.Name, "Group": orNone(c.Group), "Weight": pdfkit.FormatNumber(c.Weight), "Min": minText(c.MinScore)}))
		}
	}
	if len(kindA)+len(kindB) == 0 {
		para(tr("award.spec.award.open"))
	} else {
		if len(kindA) > 0 {
			para(tr("award.spec.award.a"))
			b.add(specBlock{kind: specBullets, items: kindA})
		}
		if len(kindB) > 0 {
			para(tr("award.spec.award.b"))
			b.add(specBlock{kind: specBullets, items: kindB})
		}
		para(specMethod(p.Tender))
	}

	// 10 Offene Punkte
	heading(tr("award.spec.h.open"))
	var open []string
	for _, sp := range spec.Packages {
		name := sp.Package.Name
		if sp.Package.ID == 0 {
			name = tr("award.spec.no_package")
		}
		if strings.TrimSpace(sp.Package.TargetState) == "" && sp.Package.ID != 0 {
			open = append(open, tr("award.spec.open.target", map[string]any{"Name": name}))
		}
		if strings.TrimSpace(sp.Package.Criteria) == "" && sp.Package.ID != 0 {
			open = append(open, tr("award.spec.open.criteria", map[string]any{"Name": name}))
		}
		if sp.SLA == nil {
			open = append(open, tr("award.spec.open.sla", map[string]any{"Name": name}))
		}
	}
	contract := tr("award.spec.open.contract")
	if term.Contract {
		contract = tr("award.spec.open.contract_notice") // the term stands in chapter 1
	}
	open = append(open, contract, tr("award.spec.open.prices"), tr("award.spec.open.legal"))
	b.add(specBlock{kind: specBullets, items: open})
	return b.doc
}

// specTermText states the contract term: fixed, open-ended, or still to be agreed.
func specTermText(t domain.SpecTerm) string {
	switch {
	case !t.Contract:
		return tr("award.spec.tbd")
	case t.End != nil:
		return tr("award.spec.term_fixed", map[string]any{"Months": t.Months, "Start": pdfkit.FormatDate(t.Start.Time), "End": pdfkit.FormatDate(t.End.Time)})
	}
	return tr("award.spec.term_open", map[string]any{"Start": pdfkit.FormatDate(t.Start.Time)})
}

// specMethod announces the evaluation method as the tender documents must: before any bid.
func specMethod(t domain.Tender) string {
	switch t.Method {
	case domain.MethodExtended:
		return tr("award.spec.method.extended", map[string]any{"Pct": pdfkit.FormatNumber(t.FluctuationPct), "Rule": tieBreaker(t.TieBreaker)})
	case domain.MethodSimple:
		s := tr("award.spec.method.simple")
		if t.TieBreaker != "" {
			s += " " + tr("award.explain.simple_tie", map[string]any{"Rule": tieBreaker(t.TieBreaker)})
		}
		return s
	}
	return tr("award.spec.method.open")
}

func orOpen(s string) string {
	if strings.TrimSpace(s) == "" {
		return tr("award.spec.tbd")
	}
	return s
}

func orNone(s string) string {
	if strings.TrimSpace(s) == "" {
		return tr("award.group.none")
	}
	return s
}

func minText(m float64) string {
	if m <= 0 {
		return tr("award.spec.no_min")
	}
	return tr("award.spec.min", map[string]any{"Min": pdfkit.FormatNumber(m)})
}

func specLevel(p *domain.Project, sp domain.SpecPackage) string {
	if sp.SLA == nil {
		return tr("award.spec.tbd")
	}
	return tr("award.spec.level_value", map[string]any{"Name": sp.SLA.Name, "Scope": scopeText(p, *sp.SLA)})
}

// --- PDF ---

// WriteServiceSpec writes the Leistungsbeschreibung as PDF to w.
func WriteServiceSpec(w io.Writer, p *domain.Project, opt pdfkit.Options) (err error) {
	defer pdfkit.CatchPDF(&err)
	p, date, blocks, err := beginSpec(p, opt)
	if err != nil {
		return err
	}
	r := pdfkit.LayOut(func(breaks map[int]bool) *pdfkit.Report { return writeSpecPages(p, blocks, date, breaks) })
	return pdfkit.Emit(w, r)
}

// writeSpecPages lays the Leistungsbeschreibung out once, starting a page before the headings
// in breaks.
func writeSpecPages(p *domain.Project, blocks []specBlock, date time.Time, breaks map[int]bool) *pdfkit.Report {
	title := tr("award.spec.title")
	r := pdfkit.NewDocument(p, date, title, tr("award.spec.subject"), true, breaks)
	// The document goes out under the Schulträger's name, not the program's, and says that it
	// is a draft.
	r.TitlePage(p, pdfkit.TitlePage{
		Top: 55, Kicker: p.Meta.Schultraeger, Title: title, TitleSize: 28, Subtitle: tr("award.spec.subtitle"), SubtitleLines: 3,
		RuleGap: 10, NameGap: 6, Fields: append([][2]string{
			{tr("reports.meta.schultraeger"), p.Meta.Schultraeger},
			{tr("reports.meta.bundesland"), pdfkit.BundeslandName(p.Meta.Bundesland)},
		}, pdfkit.DocumentFields(p, date, false)...),
		Note: tr("award.spec.title_note"), NoteLines: 4,
	})
	r.NewPage(pdfkit.Portrait)
	for _, b := range blocks {
		switch b.kind {
		case specHeading:
			r.Heading(b.level, b.number, b.text)
		case specPara:
			r.Paragraph(b.text)
		case specNote:
			r.Note(b.text)
		case specBullets:
			r.Bullets(b.items)
		case specPairs:
			r.KeyValues(b.pairs)
		case specTable:
			r.Table(b.table) // keeps its header with its first rows, and its heading with it
		}
		if r.Err() != nil {
			break
		}
	}
	return r
}

// WriteServiceSpecFile writes the PDF to path atomically: on any error the target is unchanged.
func WriteServiceSpecFile(path string, p *domain.Project, opt pdfkit.Options) error {
	return pdfkit.WriteAtomically(path, func(w io.Writer) error { return WriteServiceSpec(w, p, opt) })
}

// WriteServiceSpecTextFile writes the structured text to path atomically.
func WriteServiceSpecTextFile(path string, p *domain.Project, opt pdfkit.Options) error {
	return pdfkit.WriteAtomically(path, func(w io.Writer) error { return WriteServiceSpecText(w, p, opt) })
}

// --- structured text (Markdown) ---

// WriteServiceSpecText writes the Leistungsbeschreibung as Markdown: numbered headings, lists,
// label–value lines and pipe tables, readable as plain text and importable by word processors
// that read Markdown.
func WriteServiceSpecText(w io.Writer, p *domain.Project, opt pdfkit.Options) error {
	p, date, blocks, err := beginSpec(p, opt)
	if err != nil {
		return err
	}
	var b strings.Builder
	b.WriteString("# " + mdText(tr("award.spec.title")) + "\n\n")
	b.WriteString("**" + mdText(pdfkit.OrDash(p.Meta.Name)) + "**  \n")
	b.WriteString(mdText(tr("reports.meta.schultraeger")) + ": " + mdText(pdfkit.OrDash(p.Meta.Schultraeger)) + "  \n")
	b.WriteString(mdText(tr("reports.meta.bundesland")) + ": " + mdText(pdfkit.BundeslandName(p.Meta.Bundesland)) + "  \n")
	b.WriteString(mdText(tr("reports.meta.date")) + ": " + pdfkit.FormatDate(date) + "\n\n")
	b.WriteString("> " + mdText(tr("award.spec.title_note")) + "\n\n")
	for _, blk := range blocks {
		switch blk.kind {
		case specHeading:
			b.WriteString(strings.Repeat("#", blk.level+2) + " " + blk.number + " " + mdText(blk.text) + "\n\n")
		case specPara:
			b.WriteString(mdText(blk.text) + "\n\n")
		case specNote:
			b.WriteString("> " + mdText(blk.text) + "\n\n")
		case specBullets:
			for _, it := range blk.items {
				b.WriteString("- " + mdText(it) + "\n")
			}
			b.WriteString("\n")
		case specPairs:
			for _, kv := range blk.pairs {
				b.WriteString("- **" + mdText(kv[0]) + ":** " + mdText(strings.ReplaceAll(kv[1], "\n", "; ")) + "\n")
			}
			b.WriteString("\n")
		case specTable:
			mdTable(&b, blk.table)
		}
	}
	_, err = io.WriteString(w, b.String())
	return err
}

// mdText makes user text one line and keeps it from being read as markup: line breaks become
// spaces, and characters Markdown would interpret at a line's start or in tables are escaped.
func mdText(s string) string {
	s = strings.Join(strings.Fields(pdfkit.Clean(s, true)), " ")
	r := strings.NewReplacer(`\`, `\\`, "|", `\|`, "*", `\*`, "_", `\_`, "`", "\\`", "<", "&lt;", ">", "&gt;", "#", `\#`, "[", `\[`, "]", `\]`)
	return r.Replace(s)
}

func mdTable(b *strings.Builder, t pdfkit.Table) {
	row := func(cells []string) {
		b.WriteString("|")
		for i := range t.Columns {
			c := ""
			if i < len(cells) {
				c = mdText(cells[i])
			}
			b.WriteString(" " + c + " |")
		}
		b.WriteString("\n")
	}
	head := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		head[i] = c.Title
	}
	row(head)
	b.WriteString("|")
	for _, c := range t.Columns {
		switch c.Align {
		case pdfkit.AlignRight:
			b.WriteString(" ---: |")
		case pdfkit.AlignCenter:
			b.WriteString(" :---: |")
		default:
			b.WriteString(" --- |")
		}
	}
	b.WriteString("\n")
	for _, r := range t.Rows {
		row(r)
	}
	for _, r := range t.Foot {
		row(r)
	}
	b.WriteString("\n")
}
