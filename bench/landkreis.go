// Package bench holds the cross-cutting benchmarks that measure the app against the Landkreis
// of DESIGN.md (generated once by `lotse demo-data --scale landkreis` into build/landkreis.lotse
// and reused), and the runner behind `make bench` (bench/runner) that collects them with the
// benchmarks of the steps' packages, the cold start under Xvfb and the sizes into one table.
// No test asserts a time.
package bench

import (
	"os"
	"path/filepath"
	"runtime"

	"schulit-lotse/domain/demo"
	"schulit-lotse/persistence"
)

// FileEnv names the Landkreis project file to measure; unset means build/landkreis.lotse at
// the module's root.
const FileEnv = "LOTSE_BENCH_FILE"

// Path is the Landkreis project file the benchmarks measure.
func Path() string {
	if p := os.Getenv(FileEnv); p != "" {
		return p
	}
	_, src, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(src), "..", "build", "landkreis.lotse")
}

// Ensure returns the path of the Landkreis file, generating it first when it is missing.
func Ensure() (string, error) {
	path := Path()
	if _, err := os.Stat(path); err == nil {
		return path, nil
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return "", err
	}
	// As lotse demo-data makes it: the rows go into the file as they are generated.
	sizes, _ := demo.SizesOf(demo.Landkreis)
	b := demo.Begin(sizes, demo.Options{Seed: demo.DefaultSeed})
	f, err := persistence.CreateWithRows(path, b.Project(), func(s *persistence.RowSink) error { return b.Rows(s) }, persistence.OpenOptions{})
	if err != nil {
		return "", err
	}
	return path, f.Close()
}
