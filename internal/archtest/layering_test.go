package archtest

import (
	"bytes"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
)

const module = "schulit-lotse"

// rule forbids packages under Dir (a folder of the module) to depend on an import path that is
// one of Forbidden or lies below it.
type rule struct {
	Dir       string
	Forbidden []string
	// Flat limits the rule to the folder's own package, without its subfolders.
	Flat bool
	// ProgramOnly limits the rule to what the program itself is built from: the folder's
	// tests and its test-helper packages (named …test, like pdftest) may use the forbidden
	// packages (e.g. the sample, which is read through the file).
	ProgramOnly bool
}

var rules = []rule{
	{Dir: "domain", Forbidden: []string{"fyne.io/", "gorm.io/", "github.com/glebarez/", module + "/ui", module + "/persistence", module + "/reports"}},
	{Dir: "persistence", Forbidden: []string{module + "/ui"}},
	{Dir: "reports", Forbidden: []string{module + "/ui"}},
	// The reports read the project file's monitoring data through an interface
	// (pdfkit.MonitoringSource), not the store itself; their tests may open a file.
	{Dir: "reports", Forbidden: []string{module + "/persistence"}, ProgramOnly: true},
	// The session is the editors' model: no widgets in it.
	{Dir: "ui/session", Forbidden: []string{"fyne.io/"}},
	// The command line is a front end beside the GUI: nothing of the GUI leans on it.
	{Dir: "ui", Forbidden: []string{module + "/ui/cli"}, Flat: true},
	{Dir: "ui/steps", Forbidden: []string{module + "/ui/cli"}},
	{Dir: "ui/canvas", Forbidden: []string{module + "/ui/cli"}},
	{Dir: "ui/raci", Forbidden: []string{module + "/ui/cli"}},
	{Dir: "ui/session", Forbidden: []string{module + "/ui/cli"}},
	{Dir: "ui/wording", Forbidden: []string{module + "/ui/cli"}},
}

// forbidden reports which of imports a package in the rule's folder may not use.
func (r rule) forbidden(imports []string) []string {
	var bad []string
	for _, imp := range imports {
		if withinAny(imp, r.Forbidden) {
			bad = append(bad, imp)
		}
	}
	sort.Strings(bad)
	return bad
}

// within reports whether the import path imp is the package pkg or lies below it.
func within(imp, pkg string) bool {
	pkg = strings.TrimSuffix(pkg, "/")
	return imp == pkg || strings.HasPrefix(imp, pkg+"/")
}

// withinAny reports whether imp is within one of pkgs.
func withinAny(imp string, pkgs []string) bool {
	return slices.ContainsFunc(pkgs, func(pkg string) bool { return within(imp, pkg) })
}

// fileImports are the import paths of the Go file at path.
func fileImports(path string) ([]string, error) {
	f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
	if err != nil {
		return nil, err
	}
	var imports []string
	for _, imp := range f.Imports {
		p, _ := strconv.Unquote(imp.Path.Value)
		imports = append(imports, p)
	}
	return imports, nil
}

func TestRuleCatchesForbiddenImports(t *testing.T) {
	domain := rules[0]
	cases := []struct {
		name    string
		imports []string
		want    []string
	}{
		{"stdlib only", []string{"fmt", "math", "sort", "time"}, nil},
		{"fyne", []string{"fmt", "fyne.io/fyne/v2/widget"}, []string{"fyne.io/fyne/v2/widget"}},
		{"gorm", []string{"gorm.io/gorm", "strings"}, []string{"gorm.io/gorm"}},
		{"sqlite driver", []string{"github.com/glebarez/sqlite", "github.com/glebarez/go-sqlite"}, []string{"github.com/glebarez/go-sqlite", "github.com/glebarez/sqlite"}},
		{"ui", []string{module + "/ui/session"}, []string{module + "/ui/session"}},
		{"ui root", []string{module + "/ui"}, []string{module + "/ui"}},
		{"a name that only starts like ui", []string{module + "/uitools"}, nil},
		{"subpackage of domain", []string{module + "/domain/kpi"}, nil},
	}
	for _, c := range cases {
		got := domain.forbidden(c.imports)
		if strings.Join(got, ",") != strings.Join(c.want, ",") {
			t.Errorf("%s: forbidden(%v) = %v, want %v", c.name, c.imports, got, c.want)
		}
	}
	if got := rules[1].forbidden([]string{module + "/ui/steps", module + "/domain", "gorm.io/gorm"}); strings.Join(got, ",") != module+"/ui/steps" {
		t.Errorf("persistence rule: got %v", got)
	}
}

func repoRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod not found")
		}
		dir = parent
	}
}

// TestDirectImports parses every .go file below each guarded folder — tests and files for
// other platforms or build tags included — and checks its imports.
func TestDirectImports(t *testing.T) {
	root := repoRoot(t)
	for _, r := range rules {
		files := 0
		err := filepath.WalkDir(filepath.Join(root, r.Dir), func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) {
				return filepath.SkipDir
			}
			if d.IsDir() && r.Flat && path != filepath.Join(root, r.Dir) {
				return filepath.SkipDir
			}
			if d.IsDir() || !strings.HasSuffix(path, ".go") || r.ProgramOnly && (strings.HasSuffix(path, "_test.go") || strings.HasSuffix(filepath.Dir(path), "test")) {
				return nil
			}
			imports, err := fileImports(path)
			if err != nil {
				return err
			}
			files++
			if bad := r.forbidden(imports); len(bad) > 0 {
				rel, _ := filepath.Rel(root, path)
				t.Errorf("%s imports %v", rel, bad)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if files == 0 {
			t.Errorf("%s: no Go files found; the layering check would pass vacuously", r.Dir)
		}
	}
}

// programPackages are the packages of pattern the program is built from: without the
// test-helper packages (by Go's custom, their names end in "test").
func programPackages(t *testing.T, goTool, root, pattern string) []string {
	t.Helper()
	cmd := exec.Command(goTool, "list", pattern)
	cmd.Dir = root
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list %s: %v", pattern, err)
	}
	var pkgs []string
	for _, p := range strings.Fields(string(out)) {
		if !strings.HasSuffix(p, "test") {
			pkgs = append(pkgs, p)
		}
	}
	if len(pkgs) == 0 {
		t.Fatalf("go list %s: no program packages", pattern)
	}
	return pkgs
}

// TestTransitiveDeps asks the go tool for everything each guarded folder pulls in, test
// dependencies included, so a forbidden package cannot sneak in through a helper.
func TestTransitiveDeps(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		goTool = filepath.Join(os.Getenv("GOROOT"), "bin", "go")
	}
	root := repoRoot(t)
	for _, r := range rules {
		pattern := "./" + r.Dir + "/..."
		if r.Flat {
			pattern = "./" + r.Dir
		}
		args := []string{"list", "-deps", "-test", pattern}
		if r.ProgramOnly {
			args = append([]string{"list", "-deps"}, programPackages(t, goTool, root, pattern)...)
		}
		cmd := exec.Command(goTool, args...)
		cmd.Dir = root
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("go list %s: %v\n%s", r.Dir, err, stderr.String())
		}
		deps := strings.Fields(string(out))
		if len(deps) == 0 {
			t.Fatalf("go list %s: no packages", r.Dir)
		}
		// go list -test names test variants "pkg [pkg.test]"; keep the import paths.
		var paths []string
		for _, d := range deps {
			if !strings.HasPrefix(d, "[") {
				paths = append(paths, d)
			}
		}
		if bad := r.forbidden(paths); len(bad) > 0 {
			t.Errorf("%s depends on %v", r.Dir, bad)
		}
	}
}
