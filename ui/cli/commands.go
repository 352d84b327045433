package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"

	"schulit-lotse/assets"
	"schulit-lotse/domain"
	"schulit-lotse/persistence"
)

const (
	usageNew     = "lotse new [--sample] DATEI.lotse"
	usageCheck   = "lotse check DATEI.lotse"
	usageSummary = "lotse summary DATEI.lotse [--json]"
	usageExport  = "lotse export DATEI.lotse --kind json AUSGABE.json"
	usageImport  = "lotse import NEU.lotse --kind json QUELLE.json"
	usageReport  = "lotse report DATEI.lotse -o AUSGABE.pdf [--type full]"
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
	f, err := persistence.Open(path, persistence.OpenOptions{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return f.Load()
}

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
	p, err := parseArgs(args, []option{{names: []string{"sample"}}})
	if err != nil {
		return err
	}
	if err := positionals(p, 1, usageNew); err != nil {
		return err
	}
	path := p.pos[0]
	var proj *domain.Project
	if p.bools["sample"] {
		proj, err = persistence.ParseJSON(assets.SampleJSON)
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

func cmdCheck(e *env, args []string) error {
	p, err := parseArgs(args, nil)
	if err != nil {
		return err
	}
	if err := positionals(p, 1, usageCheck); err != nil {
		return err
	}
	proj, err := openProject(p.pos[0])
	if err != nil {
		return err
	}
	today := proj.AsOf(e.now())
	if proj.Meta.DataAsOf != nil {
		fmt.Fprintln(e.out, lang.L("cli.data_as_of", map[string]any{"Date": today.String()}))
	}
	findings := domain.AllFindings(proj, today)
	if len(findings) == 0 {
		fmt.Fprintln(e.out, lang.L("cli.check.ok", map[string]any{"Tasks": len(proj.Tasks)}))
		return nil
	}
	for _, f := range findings {
		fmt.Fprintln(e.out, findingLine(f))
	}
	return silentExit(exitFindings)
}

// findingLine is one finding as the check and the summary print it.
func findingLine(f domain.Finding) string {
	return lang.L("cli.finding", map[string]any{
		"Step":     f.Step,
		"Severity": lang.L("cli.severity." + string(f.Severity)),
		"Text":     lang.L(f.Code, map[string]any{"Subject": f.Subject}),
	})
}

// A kind of import or export. Each step registers its own kinds in an init() of its own file
// (importKinds["tickets"] = …), so adding one touches no shared list; kinds of the design that
// no step has registered yet say that they follow later.
type (
	exportKind func(e *env, proj *domain.Project, src, out string, p parsedArgs) error
	importKind func(e *env, target, src string, p parsedArgs) error
)

var (
	exportKinds = map[string]exportKind{"json": exportJSON}
	importKinds = map[string]importKind{"json": importJSON}
)

// kindOf reads --kind and reports whether it is registered; the kinds of the design that are
// not built yet are named as following later.
func kindOf(p parsedArgs, registered func(string) bool, later []string, usage string) (string, error) {
	kind, ok := p.val("kind")
	if !ok {
		return "", usagef("cli.err.kind_missing", map[string]any{"Usage": usage})
	}
	if registered(kind) {
		return kind, nil
	}
	for _, k := range later {
		if kind == k {
			return "", &laterError{what: "--kind " + kind}
		}
	}
	return "", usagef("cli.err.kind_unknown", map[string]any{"Kind": kind, "Usage": usage})
}

func cmdExport(e *env, args []string) error {
	p, err := parseArgs(args, []option{{names: []string{"kind"}, takesValue: true}})
	if err != nil {
		return err
	}
	if err := positionals(p, 2, usageExport); err != nil {
		return err
	}
	kind, err := kindOf(p, func(k string) bool { _, ok := exportKinds[k]; return ok }, []string{"tasks", "raci", "communication"}, usageExport)
	if err != nil {
		return err
	}
	src, out := p.pos[0], p.pos[1]
	if strings.EqualFold(filepath.Ext(out), ".lotse") {
		return failf("cli.err.export_over_project", map[string]any{"Path": out})
	}
	proj, err := openProject(src)
	if err != nil {
		return err
	}
	return exportKinds[kind](e, proj, src, out, p)
}

func exportJSON(e *env, proj *domain.Project, _, out string, _ parsedArgs) error {
	var buf bytes.Buffer
	if err := persistence.ExportJSON(&buf, proj); err != nil {
		return err
	}
	if out == "-" {
		_, err := e.out.Write(buf.Bytes())
		return err
	}
	if err := writeFileAtomic(out, func(f *os.File) error { _, err := f.Write(buf.Bytes()); return err }); err != nil {
		return err
	}
	fmt.Fprintln(e.out, lang.L("cli.export.done", map[string]any{"Path": out, "Tasks": len(proj.Tasks)}))
	return nil
}

func cmdImport(e *env, args []string) error {
	p, err := parseArgs(args, []option{{names: []string{"kind"}, takesValue: true}, {names: []string{"format"}, takesValue: true},
		{names: []string{"map"}, takesValue: true, repeat: true}})
	if err != nil {
		return err
	}
	if err := positionals(p, 2, usageImport); err != nil {
		return err
	}
	kind, err := kindOf(p, func(k string) bool { _, ok := importKinds[k]; return ok }, []string{"tasks", "tickets", "calls", "survey", "holidays"}, usageImport)
	if err != nil {
		return err
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
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	proj, err := persistence.ParseJSON(data)
	if err != nil {
		return err
	}
	if err := e.createProject(target, proj); err != nil {
		return err
	}
	fmt.Fprintln(e.out, lang.L("cli.import.done", map[string]any{"Path": target, "Tasks": len(proj.Tasks)}))
	return nil
}

// writeFileAtomic writes a file beside its target under a temporary name, syncs it and renames
// it into place, so a reader never sees half a file.
func writeFileAtomic(path string, write func(f *os.File) error) error {
	tf, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	tmp := tf.Name()
	err = write(tf)
	if err == nil {
		err = tf.Sync()
	}
	if cerr := tf.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp, 0o644)
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
	}
	return err
}
