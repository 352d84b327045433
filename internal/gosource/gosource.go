// Package gosource finds the program's own Go files for the checks that read source code.
package gosource

import (
	"io/fs"
	"path/filepath"
	"strings"
)

// WalkProgram calls fn with the path of every Go file below root that is part of the program:
// tests and testdata folders are left out. It stops at fn's first error.
func WalkProgram(root string, fn func(path string) error) error {
	return filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if d.Name() == "testdata" {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		return fn(path)
	})
}
