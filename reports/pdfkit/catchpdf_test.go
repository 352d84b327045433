package pdfkit

import (
	"strings"
	"testing"
)

// A panic inside a PDF writer reaches the caller as the writer's error, named as a PDF error.
func TestCatchPDFTurnsAPanicIntoTheError(t *testing.T) {
	write := func() (err error) {
		defer CatchPDF(&err)
		panic("gofpdf: unexpected input")
	}
	err := write()
	if err == nil || !strings.Contains(err.Error(), "gofpdf: unexpected input") || !strings.HasPrefix(err.Error(), Tr("reports.err.pdf")+": ") {
		t.Fatalf("error %v", err)
	}
}
