package persistence

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"schulit-lotse/domain"
)

// JSONFormat names the project JSON document (docs/json-format.md describes it).
const JSONFormat = "schulit-lotse-project"

// JSONVersion is the version of the JSON document; it follows the schema version where a schema
// change changes the document (schema 8, import ids for undo, did not).
const JSONVersion = 7

// Document is the whole project as one JSON document.
type Document struct {
	Format  string          `json:"format"`
	Version int             `json:"version"`
	Project *domain.Project `json:"project"`
}

// ExportJSON writes the project as an indented, deterministic JSON document.
func ExportJSON(w io.Writer, p *domain.Project) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(Document{Format: JSONFormat, Version: JSONVersion, Project: withEmptyLists(p)})
}

// ImportError reports a JSON document that cannot become a project; Key is a translation key.
type ImportError struct {
	Key    string
	Detail string
}

func (e *ImportError) Error() string { return e.Key + ": " + e.Detail }

// ParseJSON reads a project JSON document and checks it against the domain rules. Unknown
// fields are refused so that a typo does not silently drop data.
func ParseJSON(data []byte) (*domain.Project, error) {
	data, err := upgradeJSON(data)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var doc Document
	if err := dec.Decode(&doc); err != nil {
		return nil, decodeError(err)
	}
	if _, err := dec.Token(); err != io.EOF { // More() would let a stray "]" or "}" through
		return nil, &ImportError{Key: "json.invalid", Detail: "trailing data"}
	}
	if doc.Format != JSONFormat {
		return nil, &ImportError{Key: "json.format", Detail: doc.Format}
	}
	if doc.Version > JSONVersion || doc.Version < 1 {
		return nil, &ImportError{Key: "json.version", Detail: fmt.Sprint(doc.Version)}
	}
	p := doc.Project
	if p == nil {
		return nil, &ImportError{Key: "json.invalid", Detail: "project missing"}
	}
	if err := domain.ValidateSettings(p.Settings); err != nil {
		return nil, &ImportError{Key: string(err.(domain.Error)), Detail: "settings"}
	}
	seen := map[int64]bool{}
	for _, t := range p.Tasks {
		if err := t.Validate(); err != nil {
			return nil, &ImportError{Key: err.Error(), Detail: fmt.Sprintf("task %d %q", t.ID, t.Name)}
		}
		if t.ID != 0 && seen[t.ID] {
			return nil, &ImportError{Key: "json.duplicate_id", Detail: fmt.Sprintf("task %d", t.ID)}
		}
		seen[t.ID] = true
	}
	if err := checkDocument(p); err != nil {
		return nil, err
	}
	if ref, ok := domain.FirstLongText(p); ok {
		return nil, &ImportError{Key: string(domain.ErrTextTooLong), Detail: fmt.Sprintf("%s %d %q", ref.Kind, ref.ID, domain.CutForDisplay(ref.Name, 60))}
	}
	if doc.Version < 6 && domain.LegacyResponseNotMeasured(p.Config[domain.ConfigTicketMapping]) {
		// Up to version 5 one flag said that the last ticket import had no first-response
		// column; its tickets carry it now (as migration 6 does for a file).
		for i := range p.Tickets {
			p.Tickets[i].ResponseNotMeasured = true
		}
	}
	return p, nil
}

// ReadJSONFile reads and checks a project JSON document; a file larger than
// domain.MaxImportFileBytes is refused before it is read.
func ReadJSONFile(path string) (*domain.Project, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if fi.Size() > domain.MaxImportFileBytes {
		return nil, &ImportError{Key: "json.too_large", Detail: fmt.Sprintf("%d MB > %d MB", fi.Size()>>20, domain.MaxImportFileBytes>>20)}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return ParseJSON(data)
}
