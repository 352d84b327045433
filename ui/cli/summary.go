package cli

import (
	"fmt"
	"math"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2/lang"

	"schulit-lotse/domain"
	"schulit-lotse/internal/numfmt"
)

// SummaryFormat names the JSON document of `lotse summary --json`.
const SummaryFormat = "schulit-lotse-summary"

// summaryDoc is the stable, language-independent JSON of `lotse summary --json`: keys are the
// translation keys of the figures and findings, values are rounded to two decimals.
type summaryDoc struct {
	Format  string        `json:"format"`
	Version int           `json:"version"`
	Project summaryMeta   `json:"project"`
	Steps   []summaryStep `json:"steps"`
}

type summaryMeta struct {
	Name         string `json:"name"`
	Schultraeger string `json:"schultraeger"`
	Bundesland   string `json:"bundesland"`
	// AsOf is the day the dates were judged on; DataAsOf says it is the project's recorded
	// "Stand der Daten" rather than today.
	AsOf     string `json:"asOf"`
	DataAsOf bool   `json:"dataAsOf"`
}

type summaryStep struct {
	Number   int              `json:"number"`
	Key      string           `json:"key"`
	Phase    int              `json:"phase"`
	State    string           `json:"state"`
	Figures  []summaryFigure  `json:"figures"`
	Findings []summaryFinding `json:"findings"`
}

type summaryFigure struct {
	Key   string  `json:"key"`
	Label string  `json:"label,omitempty"`
	Value float64 `json:"value"`
	Unit  string  `json:"unit,omitempty"`
	Text  string  `json:"text,omitempty"`
}

type summaryFinding struct {
	Severity string `json:"severity"`
	Code     string `json:"code"`
	Subject  string `json:"subject"`
	EntityID int64  `json:"entityId"`
}

func round2(v float64) float64 { return math.Round(v*100) / 100 }

func buildSummary(p *domain.Project, today domain.Date) summaryDoc {
	phase := map[domain.StepID]int{}
	for _, s := range domain.Steps {
		phase[s.Number] = int(s.Phase)
	}
	doc := summaryDoc{
		Format: SummaryFormat, Version: 1,
		Project: summaryMeta{Name: p.Meta.Name, Schultraeger: p.Meta.Schultraeger, Bundesland: string(p.Meta.Bundesland),
			AsOf: today.String(), DataAsOf: p.Meta.DataAsOf != nil},
		Steps: []summaryStep{},
	}
	for _, s := range domain.Summarize(p, today) {
		st := summaryStep{Number: int(s.Number), Key: s.Key, Phase: phase[s.Number], State: string(s.State),
			Figures: []summaryFigure{}, Findings: []summaryFinding{}}
		for _, f := range s.Figures {
			st.Figures = append(st.Figures, summaryFigure{Key: f.Key, Label: f.Label, Value: round2(f.Value), Unit: f.Unit, Text: f.Text})
		}
		for _, f := range s.Findings {
			st.Findings = append(st.Findings, summaryFinding{Severity: string(f.Severity), Code: f.Code, Subject: f.Subject, EntityID: f.EntityID})
		}
		doc.Steps = append(doc.Steps, st)
	}
	return doc
}

func cmdSummary(e *env, args []string) error {
	proj, asJSON, err := openFileJSON(args, usageSummary)
	if err != nil {
		return err
	}
	doc := buildSummary(proj, proj.AsOf(e.now()))
	if asJSON {
		return writeJSON(e.out, doc)
	}
	writeSummaryText(e, doc)
	return nil
}

// formatNumber prints at most two decimals, without trailing zeros, in the language's notation.
func formatNumber(v float64, language string) string { return numfmt.Format(v, language) }

// count writes a count for reading, thousands grouped (numfmt.Display: "1.500").
func (e *env) count(n int) string { return numfmt.Display(float64(n), e.lang) }

// figureValue is a figure as the summary prints it: text as it is, amounts in whole euros,
// numbers grouped from 1000 (the summary is read, not typed back).
func figureValue(f summaryFigure, language string) string {
	if f.Text != "" {
		return f.Text
	}
	if f.Unit == "€" {
		return numfmt.Euro(f.Value, language, false)
	}
	s := numfmt.Display(f.Value, language)
	if f.Unit != "" {
		s += " " + f.Unit
	}
	return s
}

func figureLabel(f summaryFigure) string {
	label := f.Label
	if f.Key == "fig.hours_of" && label == "" {
		label = lang.L("fig.no_responsible")
	}
	return lang.L(f.Key, map[string]any{"Label": label})
}

func pad(s string, width int) string {
	if n := utf8.RuneCountInString(s); n < width {
		return s + strings.Repeat(" ", width-n)
	}
	return s
}

func padLeft(s string, width int) string {
	if n := utf8.RuneCountInString(s); n < width {
		return strings.Repeat(" ", width-n) + s
	}
	return s
}

// writeSummaryText prints the summary as aligned plain text: a line per step with its state,
// then its figures (label left, value right-aligned) and its findings.
func writeSummaryText(e *env, doc summaryDoc) {
	fmt.Fprintln(e.out, lang.L("cli.summary.header", map[string]any{
		"Name": doc.Project.Name, "Schultraeger": orDash(doc.Project.Schultraeger), "Bundesland": orDash(doc.Project.Bundesland),
	}))
	if doc.Project.DataAsOf {
		fmt.Fprintln(e.out, lang.L("cli.data_as_of", map[string]any{"Date": doc.Project.AsOf}))
	}
	labelW, valueW, titleW := 0, 0, 0
	for _, s := range doc.Steps {
		titleW = max(titleW, utf8.RuneCountInString(lang.L("step."+s.Key+".title")))
		for _, f := range s.Figures {
			labelW = max(labelW, utf8.RuneCountInString(figureLabel(f)))
			valueW = max(valueW, utf8.RuneCountInString(figureValue(f, e.lang)))
		}
	}
	lastPhase := 0
	for _, s := range doc.Steps {
		if s.Phase != lastPhase {
			fmt.Fprintln(e.out)
			fmt.Fprintln(e.out, strings.ToUpper(lang.L(fmt.Sprintf("phase.%d", s.Phase))))
			lastPhase = s.Phase
		}
		state := lang.L("state." + s.State)
		fmt.Fprintf(e.out, "%2d  %s  %s\n", s.Number, pad(lang.L("step."+s.Key+".title"), titleW), state)
		for _, f := range s.Figures {
			fmt.Fprintf(e.out, "      %s  %s\n", pad(figureLabel(f), labelW), padLeft(figureValue(f, e.lang), valueW))
		}
		for _, f := range s.Findings {
			fmt.Fprintf(e.out, "      – %s\n", lang.L(f.Code, map[string]any{"Subject": f.Subject}))
		}
	}
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "–"
	}
	return s
}
