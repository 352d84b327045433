package pdfkit

import (
	"testing"

	"schulit-lotse/reports/internal/pdftest"
)

var fixedDate = pdftest.FixedDate

func TestMain(m *testing.M) { pdftest.Main(m) }
