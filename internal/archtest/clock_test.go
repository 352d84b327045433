package archtest

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// wallClockReads are the functions of package time that read the wall clock. Timers
// (time.After, time.Sleep) only wait and stay allowed.
var wallClockReads = map[string]bool{"Now": true, "Since": true, "Until": true}

// wallClockCalls lists "file:line time.X" for every read of the wall clock in one Go source.
func wallClockCalls(fset *token.FileSet, name string, src any) ([]string, string, error) {
	f, err := parser.ParseFile(fset, name, src, parser.SkipObjectResolution)
	if err != nil {
		return nil, "", err
	}
	local := ""
	for _, imp := range f.Imports {
		if p, _ := strconv.Unquote(imp.Path.Value); p == "time" {
			local = "time"
			if imp.Name != nil {
				local = imp.Name.Name
			}
		}
	}
	if local == "" || local == "_" {
		return nil, f.Name.Name, nil
	}
	var out []string
	ast.Inspect(f, func(n ast.Node) bool {
		sel, ok := n.(*ast.SelectorExpr)
		if !ok {
			return true
		}
		if id, ok := sel.X.(*ast.Ident); ok && id.Name == local && wallClockReads[sel.Sel.Name] {
			out = append(out, fset.Position(sel.Pos()).String()+" time."+sel.Sel.Name)
		}
		return true
	})
	return out, f.Name.Name, nil
}

// clockAllowed: programs (package main) create the system clock, and internal/clock is it.
func clockAllowed(rel, pkg string) bool {
	return pkg == "main" || strings.HasPrefix(filepath.ToSlash(rel), "internal/clock/")
}

func TestNoWallClockOutsideMainAndClock(t *testing.T) {
	root := repoRoot(t)
	fset := token.NewFileSet()
	var bad []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		if d.IsDir() {
			if rel == "build" || strings.HasPrefix(d.Name(), ".") && rel != "." || d.Name() == "testdata" {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") {
			return nil
		}
		calls, pkg, err := wallClockCalls(fset, path, nil)
		if err != nil {
			return err
		}
		if !clockAllowed(rel, pkg) {
			bad = append(bad, calls...)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range bad {
		t.Errorf("reads the wall clock (take the injected clock.Clock instead): %s", b)
	}
}

// The check finds every spelling of a wall-clock read, and only those.
func TestWallClockCheckCatchesReads(t *testing.T) {
	src := `package steps
import (
	t "time"
)
var a = t.Now()
func f(start t.Time) { _ = t.Since(start); _ = t.Until(start); <-t.After(1) }
`
	calls, pkg, err := wallClockCalls(token.NewFileSet(), "x.go", src)
	if err != nil {
		t.Fatal(err)
	}
	if pkg != "steps" || len(calls) != 3 || !strings.HasSuffix(calls[0], "time.Now") || !strings.HasSuffix(calls[2], "time.Until") {
		t.Errorf("found %q in package %s", calls, pkg)
	}
	if clockAllowed("ui/steps/x.go", pkg) || !clockAllowed("internal/clock/clock.go", "clock") || !clockAllowed("main.go", "main") {
		t.Error("allowed places")
	}
	none, _, _ := wallClockCalls(token.NewFileSet(), "y.go", "package y\nimport \"time\"\nvar d = time.Second\n")
	if len(none) != 0 {
		t.Errorf("false alarm %q", none)
	}
}
