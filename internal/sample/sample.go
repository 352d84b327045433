// Package sample is "Musterstadt", the sample project: its builder (Build, one file per step)
// and the project as shipped (Project, read from assets/sample/musterstadt.json, which
// `go generate ./internal/sample` or `make sample` writes from Build).
package sample

//go:generate go run ./cmd/gensample ../../assets/sample/musterstadt.json

import (
	"bytes"
	"path/filepath"

	"schulit-lotse/assets"
	"schulit-lotse/domain"
	"schulit-lotse/persistence"
)

// Project is the sample as the program ships it.
func Project() (*domain.Project, error) { return persistence.ParseJSON(assets.SampleJSON) }

// JSON is the document `lotse export` writes for Build's project: the builder's project is
// stored in a project file in dir and exported from there.
func JSON(dir string) ([]byte, error) {
	f, err := persistence.Create(filepath.Join(dir, "Musterstadt.lotse"), Build(), persistence.OpenOptions{})
	if err != nil {
		return nil, err
	}
	stored, err := f.Load()
	f.Close()
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := persistence.ExportJSON(&buf, stored); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
