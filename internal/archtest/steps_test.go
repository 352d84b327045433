package archtest

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// stepsDir holds one package per step group; ui/steps itself is only the step table.
const stepsDir = "ui/steps"

// stepAllowed are the module packages (and everything below them) a step package may import:
// the shared widgets, the session, the model, the reports, the project file and the small
// wording helpers of the UI. Fyne and the standard library are allowed as well.
var stepAllowed = []string{
	module + "/ui/kit",
	module + "/ui/session",
	module + "/ui/plural",
	module + "/ui/wording",
	module + "/ui/raci",
	module + "/ui/canvas",
	module + "/domain",
	module + "/reports",
	module + "/internal",
	module + "/persistence",
	module + "/assets",
	"fyne.io/fyne/v2",
}

// stepImportProblems names the imports of step package pkg (a folder below ui/steps) that break
// the rule: another step package, the step table, the shell, or anything not allowed above.
func stepImportProblems(pkg string, imports []string) []string {
	steps := module + "/" + stepsDir
	var bad []string
	for _, imp := range imports {
		if within(imp, steps) {
			if !within(imp, steps+"/"+pkg) {
				bad = append(bad, imp)
			}
			continue
		}
		first := strings.SplitN(imp, "/", 2)[0]
		if !strings.Contains(first, ".") && first != module {
			continue // standard library
		}
		if !withinAny(imp, stepAllowed) {
			bad = append(bad, imp)
		}
	}
	sort.Strings(bad)
	return bad
}

func TestStepImportRuleCatchesPlantedImports(t *testing.T) {
	cases := []struct {
		name    string
		imports []string
		want    []string
	}{
		{"allowed only", []string{"strings", "fyne.io/fyne/v2/widget", module + "/ui/kit", module + "/ui/kit/kittest", module + "/ui/session", module + "/domain/kpi", module + "/reports/charts", module + "/internal/numfmt"}, nil},
		{"a sibling step package", []string{"fmt", module + "/ui/steps/inventory"}, []string{module + "/ui/steps/inventory"}},
		{"a sibling's subpackage", []string{module + "/ui/steps/operation/x"}, []string{module + "/ui/steps/operation/x"}},
		{"the step table", []string{module + "/ui/steps"}, []string{module + "/ui/steps"}},
		{"the shell", []string{module + "/ui"}, []string{module + "/ui"}},
		{"the command line", []string{module + "/ui/cli"}, []string{module + "/ui/cli"}},
		{"another library", []string{"gorm.io/gorm"}, []string{"gorm.io/gorm"}},
		{"own subpackage", []string{module + "/ui/steps/award/internal"}, nil},
		{"a name that only starts like kit", []string{module + "/ui/kitchen"}, []string{module + "/ui/kitchen"}},
	}
	for _, c := range cases {
		got := stepImportProblems("award", c.imports)
		if strings.Join(got, ",") != strings.Join(c.want, ",") {
			t.Errorf("%s: stepImportProblems(%v) = %v, want %v", c.name, c.imports, got, c.want)
		}
	}
}

// TestStepPackagesImportOnlyTheKit parses every Go file (tests included) of every package below
// ui/steps and checks its imports: step packages never import each other.
func TestStepPackagesImportOnlyTheKit(t *testing.T) {
	root := repoRoot(t)
	entries, err := os.ReadDir(filepath.Join(root, stepsDir))
	if err != nil {
		t.Fatal(err)
	}
	pkgs := 0
	for _, e := range entries {
		if !e.IsDir() || e.Name() == "testdata" {
			continue
		}
		pkgs++
		files, err := filepath.Glob(filepath.Join(root, stepsDir, e.Name(), "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		if len(files) == 0 {
			t.Errorf("%s/%s: no Go files", stepsDir, e.Name())
		}
		for _, path := range files {
			imports, err := fileImports(path)
			if err != nil {
				t.Fatal(err)
			}
			if bad := stepImportProblems(e.Name(), imports); len(bad) > 0 {
				rel, _ := filepath.Rel(root, path)
				t.Errorf("%s imports %v", rel, bad)
			}
		}
	}
	if pkgs < 7 {
		t.Errorf("%d step packages below %s, want at least 7; the check would pass vacuously", pkgs, stepsDir)
	}
}
