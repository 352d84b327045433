package persistence

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"

	"gorm.io/gorm"

	"schulit-lotse/domain"
)

// The project JSON of a large file is written without holding its monitoring rows: the plan
// part is encoded whole, as ExportJSON encodes it, and the tickets, calls and answers are
// encoded one at a time into the places their empty lists take in it, with the same encoder
// settings and indentation, so the bytes are those of ExportJSON on the fully loaded project.

// rowList is one of the monitoring lists of the document: its key and the rows in order.
type rowList struct {
	key  string
	each func(emit func(v any) error) error
}

// monitoringHole is how the plan part writes the three monitoring lists when they are empty:
// keys of the project object stand on their own line at an indentation of four, and a newline
// inside a string is escaped, so this is found exactly once.
var monitoringHole = []byte("\n    \"tickets\": [],\n    \"calls\": [],\n    \"surveyAnswers\": [],\n")

// errNoHole is returned when the plan part does not hold the monitoring lists where expected.
var errNoHole = errors.New("json: the project document has no single place for the monitoring lists")

// encodeStreamed writes the document of p with the lists of the tickets, calls and answers taken
// from lists (in that order) instead of p.
func encodeStreamed(w io.Writer, p *domain.Project, lists [3]rowList) error {
	plan := *p
	plan.Tickets, plan.Calls, plan.SurveyAnswers = nil, nil, nil
	var head bytes.Buffer
	if err := ExportJSON(&head, &plan); err != nil {
		return err
	}
	doc := head.Bytes()
	at := bytes.Index(doc, monitoringHole)
	if at < 0 || bytes.Count(doc, monitoringHole) != 1 {
		return errNoHole
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	bw.Write(doc[:at])
	for _, l := range lists {
		bw.WriteString("\n    \"" + l.key + "\": ")
		if err := writeArray(bw, l.each); err != nil {
			return err
		}
		bw.WriteByte(',')
	}
	bw.Write(doc[at+len(monitoringHole)-1:]) // from the newline before "jourFixes"
	return bw.Flush()
}

// elementIndent is the indentation of an element of a project's list (document → project →
// list).
const elementIndent = "      "

// writeArray writes the rows each gives as a JSON array of the project object, indented as the
// whole document's encoder indents it.
func writeArray(w *bufio.Writer, each func(emit func(v any) error) error) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent(elementIndent, "  ")
	enc.SetEscapeHTML(false)
	n := 0
	err := each(func(v any) error {
		buf.Reset()
		if err := enc.Encode(v); err != nil {
			return err
		}
		if n == 0 {
			w.WriteString("[\n" + elementIndent)
		} else {
			w.WriteString(",\n" + elementIndent)
		}
		n++
		_, err := w.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
		return err
	})
	if err != nil {
		return err
	}
	if n == 0 {
		_, err = w.WriteString("[]")
	} else {
		_, err = w.WriteString("\n    ]")
	}
	return err
}

// sliceRows hands out the elements of a list one at a time.
func sliceRows[T any](items []T) func(emit func(v any) error) error {
	return func(emit func(v any) error) error {
		for i := range items {
			if err := emit(&items[i]); err != nil {
				return err
			}
		}
		return nil
	}
}

// exportJSONStreamed writes the same bytes as ExportJSON, encoding the monitoring lists of p row
// by row as WriteJSON encodes the file's.
func exportJSONStreamed(w io.Writer, p *domain.Project) error {
	return encodeStreamed(w, p, [3]rowList{
		{"tickets", sliceRows(p.Tickets)}, {"calls", sliceRows(p.Calls)}, {"surveyAnswers", sliceRows(p.SurveyAnswers)},
	})
}

// WriteJSON writes the file's project as a JSON document, byte for byte what ExportJSON writes
// of the loaded project, without holding the monitoring rows: p is the project as
// LoadWithoutRows gives it (its rows checked as Load checks them), and the tickets, calls and
// answers are read from the file one at a time, in Load's order and through its conversions.
func (f *File) WriteJSON(w io.Writer, p *domain.Project) error {
	err := encodeStreamed(w, p, [3]rowList{
		{"tickets", eachRecord(f.db, "created, id", fromTicketRecord)},
		{"calls", eachRecord(f.db, "at, id", fromCallRecord)},
		{"surveyAnswers", eachRecord(f.db, "at, id", fromSurveyRecord)},
	})
	var dbErr *rowReadError
	if errors.As(err, &dbErr) {
		return f.refuseRows(dbErr.err)
	}
	return err
}

// rowReadError marks a failure to read a row (not to write the document).
type rowReadError struct{ err error }

func (e *rowReadError) Error() string { return e.err.Error() }

// eachRecord reads the records of R's table in order, one at a time, as Load's Find reads them
// (GORM's own scan), and hands each out converted.
func eachRecord[R, D any](db *gorm.DB, order string, conv func(R) D) func(emit func(v any) error) error {
	return func(emit func(v any) error) error {
		rows, err := db.Model(new(R)).Order(order).Rows()
		if err != nil {
			return &rowReadError{err}
		}
		defer rows.Close()
		for rows.Next() {
			var r R
			if err := db.ScanRows(rows, &r); err != nil {
				return &rowReadError{err}
			}
			d := conv(r)
			if err := emit(&d); err != nil {
				return err
			}
		}
		if err := rows.Err(); err != nil {
			return &rowReadError{err}
		}
		return nil
	}
}
