package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"

	"schulit-lotse/domain"
	musterstadt "schulit-lotse/internal/sample"
	"schulit-lotse/persistence"
	"schulit-lotse/reports/pdfkit"
)

const (
	usageNew     = "lotse new [--sample] DATEI.lotse"
	usageCheck   = "lotse check DATEI.lotse [--json]"
	usageSummary = "lotse summary DATEI.lotse [--json]"
	usageExport  = "lotse export DATEI.lotse --kind json|tasks|raci|communication|leistungsbeschreibung AUSGABE"
	usageImport  = "lotse import DATEI.lotse --kind json|tasks|tickets|calls|survey|holidays QUELLE [--format …] [--map FELD=SPALTE …]"
	usageReport  = "lotse report DATEI.lotse -o AUSGABE.pdf [--type full|kurz|tender|monitoring|jourfixe|einladung|vergabevermerk] [--from JJJJ-MM-TT --to JJJJ-MM-TT] [--date JJJJ-MM-TT]"
)

// requireProjectName refuses a file name that would not open as a project by double-click.
func requireProjectName(path string) error {
	if !strings.EqualFold(filepath.Ext(path), ".lotse") {
		return failf("cli.err.not_lotse_name", map[string]any{"Path": path})
	}
	return nil
}

// openProject opens a project read-only (no lock, nothing written) and loads it.
func openProject(path string) (*domain.Project, error) {
	return readOnly(path, (*persistence.File).Load)
}

// openPlan is openProject without the monitoring raw data, for documents that need none.
func openPlan(path string) (*domain.Project, error) {
	return readOnly(path, (*persistence.File).LoadPlan)
}

func readOnly(path string, load func(*persistence.File) (*domain.Project, error)) (*domain.Project, error) {
	f, err := persistence.Open(path, persistence.OpenOptions{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return load(f)
}

// openWithoutRows opens a project read-only and loads it without its monitoring rows, which
// stay in the file for the store's queries (checked as Load checks them, and counted); the
// caller closes the file.
func openWithoutRows(path string) (*persistence.File, *domain.Project, persistence.MonitoringOverview, error) {
	f, err := persistence.Open(path, persistence.OpenOptions{ReadOnly: true})
	if err != nil {
		return nil, nil, persistence.MonitoringOverview{}, err
	}
	p, o, err := f.LoadWithoutRows()
	if err != nil {
		f.Close()
		return nil, nil, o, err
	}
	return f, p, o, nil
}

// openChecked opens a project read-only and loads it without its monitoring rows, which are
// checked where they lie (as Load checks them) and neither read nor counted; the caller closes
// the file.
func openChecked(path string) (*persistence.File, *domain.Project, error) {
	f, err := persistence.Open(path, persistence.OpenOptions{ReadOnly: true})
	if err != nil {
		return nil, nil, err
	}
	p, err := f.LoadChecked()
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, p, nil
}

// openCounted is openWithoutRows for what needs only the counts of the monitoring rows (the
// check, the summary).
func openCounted(path string) (*domain.Project, error) {
	f, p, _, err := openWithoutRows(path)
	if err != nil {
		return nil, err
	}
	f.Close()
	return p, nil
}

// readsItself are the export kinds that open the file themselves: the JSON document reads it
// row by row, the Leistungsbeschreibung counts its Mengengerüst in it.
var readsItself = map[string]bool{"json": true, "leistungsbeschreibung": true}

// planOnly are the report types that read no tickets, calls or answers (the Jour-fixe protocol
// prints the figures frozen at the meeting).
var planOnly = map[string]bool{"tender": true, "vergabevermerk": true, "jourfixe": true}

// createProject writes p as a new project file; an existing file is never overwritten.
func (e *env) createProject(path string, p *domain.Project) error {
	if err := requireProjectName(path); err != nil {
		return err
	}
	if _, err := os.Lstat(path); err == nil {
		return failf("cli.err.exists", map[string]any{"Path": path})
	}
	f, err := persistence.Create(path, p, persistence.OpenOptions{Clock: e.clock})
	if err != nil {
		return err
	}
	return f.Close()
}

func cmdNew(e *env, args []string) error {
	p, err := parseCommand(args, []option{{names: []string{"sample"}}}, 1, usageNew)
	if err != nil {
		return err
	}
	path := p.pos[0]
	var proj *domain.Project
	if p.bools["sample"] {
		proj, err = musterstadt.Project()
		if err != nil {
			return err
		}
		proj.Meta.CreatedAt = e.now().UTC().Truncate(time.Second)
	} else {
		name := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
		if strings.TrimSpace(name) == "" {
			name = lang.L("cli.new.default_name")
		}
		proj = domain.NewProject(name, e.now())
	}
	if err := e.createProject(path, proj); err != nil {
		return err
	}
	fmt.Fprintln(e.out, lang.L("cli.new.done", map[string]any{"Path": path, "Name": proj.Meta.Name}))
	return nil
}

// CheckFormat names the JSON document of `lotse check --json`.
const CheckFormat = "schulit-lotse-check"

// checkDoc is what `lotse check --json` prints: the day judged on and every finding with its
// step (the one to fix it in), all steps it concerns, its rule and the objects it names.
type checkDoc struct {
	Format   string           `json:"format"`
	Version  int              `json:"version"`
	AsOf     string           `json:"asOf"`
	Findings []domain.Finding `json:"findings"`
}

// openFileJSON parses the arguments of a command that takes FILE [--json] and opens the file
// with the counts of its monitoring rows (check, summary).
func openFileJSON(args []string, usage string) (proj *domain.Project, asJSON bool, err error) {
	p, err := parseCommand(args, []option{{names: []string{"json"}}}, 1, usage)
	if err != nil {
		return nil, false, err
	}
	proj, err = openCounted(p.pos[0])
	return proj, p.bools["json"], err
}

// writeJSON prints v as every --json document is printed: indented by two spaces, with <, >
// and & as they are.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

func cmdCheck(e *env, args []string) error {
	proj, asJSON, err := openFileJSON(args, usageCheck)
	if err != nil {
		return err
	}
	today := proj.AsOf(e.now())
	findings := domain.AllFindings(proj, today)
	if asJSON {
		doc := checkDoc{Format: CheckFormat, Version: 1, AsOf: today.String(), Findings: append([]domain.Finding{}, findings...)}
		if err := writeJSON(e.out, doc); err != nil {
			return err
		}
		if len(findings) > 0 {
			return silentExit(exitFindings)
		}
		return nil
	}
	if proj.Meta.DataAsOf != nil {
		fmt.Fprintln(e.out, lang.L("cli.data_as_of", map[string]any{"Date": today.String()}))
	}
	if len(findings) == 0 {
		fmt.Fprintln(e.out, lang.L("cli.check.ok", map[string]any{"Tasks": e.count(len(proj.Tasks))}))
		return nil
	}
	for _, f := range findings {
		fmt.Fprintln(e.out, findingLine(f))
	}
	return silentExit(exitFindings)
}

// findingLine is one finding as the check and the summary print it.
func findingLine(f domain.Finding) string {
	line := lang.L("cli.finding", map[string]any{
		"Step":     int(f.Step),
		"Severity": lang.L("cli.severity." + string(f.Severity)),
		"Text":     lang.L(f.Code, map[string]any{"Subject": f.Subject}),
	})
	// A thread finding names what it is about and the other steps it concerns.
	if f.Rule != "" {
		var names []string
		for _, o := range f.Objects {
			names = append(names, lang.L("cli.object."+o.Kind, map[string]any{"Name": o.Name}))
		}
		var also []string
		for _, s := range f.Steps[1:] {
			also = append(also, strconv.Itoa(int(s)))
		}
		line += " " + lang.L("cli.finding.objects", map[string]any{"Objects": strings.Join(names, ", "), "Steps": strings.Join(also, ", ")})
	}
	return line
}

// A kind of import or export; each is written in the file of its step.
type (
	exportKind func(e *env, proj *domain.Project, src, out string, p parsedArgs) error
	importKind func(e *env, target, src string, p parsedArgs) error
)

var (
	exportKinds = map[string]exportKind{
		"json": exportJSON, "tasks": exportTasks, "raci": exportRaci, "communication": exportCommunication,
		"leistungsbeschreibung": exportServiceSpec,
	}
	importKinds = map[string]importKind{
		"json": importJSON, "tasks": importTasks, "tickets": importTickets, "calls": importCalls, "survey": importSurvey,
		"holidays": importHolidays,
	}
)

// kindOf reads --kind and reports whether it is one of the command's kinds.
func kindOf(p parsedArgs, registered func(string) bool, usage string) (string, error) {
	kind, ok := p.val("kind")
	if !ok {
		return "", usagef("cli.err.kind_missing", map[string]any{"Usage": usage})
	}
	if registered(kind) {
		return kind, nil
	}
	return "", usagef("cli.err.kind_unknown", map[string]any{"Kind": kind, "Usage": usage})
}

func cmdExport(e *env, args []string) error {
	p, err := parseCommand(args, []option{{names: []string{"kind"}, takesValue: true}}, 2, usageExport)
	if err != nil {
		return err
	}
	kind, err := kindOf(p, func(k string) bool { _, ok := exportKinds[k]; return ok }, usageExport)
	if err != nil {
		return err
	}
	src, out := p.pos[0], p.pos[1]
	if strings.EqualFold(filepath.Ext(out), ".lotse") {
		return failf("cli.err.export_over_project", map[string]any{"Path": out})
	}
	var proj *domain.Project
	if !readsItself[kind] {
		open := openProject
		if planOnly[kind] {
			open = openPlan
		}
		if proj, err = open(src); err != nil {
			return err
		}
	}
	return exportKinds[kind](e, proj, src, out, p)
}

// exportJSON writes the project document without loading the monitoring rows: the plan is
// loaded (the rows checked where they lie, as a full load checks them), and the tickets, calls
// and answers go from the file into the document one at a time. The bytes are those of the
// whole loaded project's document.
func exportJSON(e *env, _ *domain.Project, src, out string, _ parsedArgs) error {
	f, proj, err := openChecked(src)
	if err != nil {
		return err
	}
	defer f.Close()
	if out == "-" {
		return f.WriteJSON(e.out, proj)
	}
	if err := pdfkit.WriteAtomically(out, func(w io.Writer) error { return f.WriteJSON(w, proj) }); err != nil {
		return err
	}
	fmt.Fprintln(e.out, lang.L("cli.export.done", map[string]any{"Path": out, "Tasks": e.count(len(proj.Tasks))}))
	return nil
}

func cmdImport(e *env, args []string) error {
	p, err := parseCommand(args, []option{{names: []string{"kind"}, takesValue: true}, {names: []string{"format"}, takesValue: true},
		{names: []string{"map"}, takesValue: true, repeat: true}, {names: []string{"question"}, takesValue: true, repeat: true},
		{names: []string{"scale"}, takesValue: true, repeat: true}}, 2, usageImport)
	if err != nil {
		return err
	}
	kind, err := kindOf(p, func(k string) bool { _, ok := importKinds[k]; return ok }, usageImport)
	if err != nil {
		return err
	}
	for _, o := range []string{"question", "scale"} {
		if len(p.all(o)) > 0 && kind != "survey" {
			return usagef("monitoring.cli.survey_only", map[string]any{"Option": "--" + o})
		}
	}
	return importKinds[kind](e, p.pos[0], p.pos[1], p)
}

// importJSON creates a new project file from a JSON document; it never overwrites.
func importJSON(e *env, target, src string, p parsedArgs) error {
	if f, ok := p.val("format"); ok && f != "auto" && f != "json" {
		return usagef("cli.err.format_unknown", map[string]any{"Format": f})
	}
	if err := requireProjectName(target); err != nil {
		return err
	}
	if _, err := os.Lstat(target); err == nil {
		return failf("cli.err.exists", map[string]any{"Path": target})
	}
	proj, err := persistence.ReadJSONFile(src)
	if err != nil {
		return err
	}
	if err := e.createProject(target, proj); err != nil {
		return err
	}
	fmt.Fprintln(e.out, lang.L("cli.import.done", map[string]any{"Path": target, "Tasks": e.count(len(proj.Tasks))}))
	return nil
}
