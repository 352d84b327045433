package reports

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"schulit-lotse/domain"
)

// hugeTextProject is the sample with one task whose name is a single word of n characters
// (the worst case for wrapping: every line is cut inside it) and whose note is n characters
// of ordinary words.
func hugeTextProject(n int) *domain.Project {
	p := seedProject()
	note := strings.Repeat("Abstimmung mit der Schulleitung nötig. ", n/39+1)[:n]
	p.Tasks = append(p.Tasks, domain.Task{ID: 99, SortOrder: 99, Name: strings.Repeat("A", n), Note: note,
		Responsible: "Schulsekretariat", Effort: hours(1), Priority: domain.Priority{Rank: 3}})
	return p
}

// BenchmarkReportLongText renders the Gesamtbericht with a 10,000- and a 20,000-character
// text; make bench prints both and their ratio (linear: about 2, the issue asks ≤ 2.5).
func BenchmarkReportLongText(b *testing.B) {
	for _, n := range benchTextSizes {
		p := hugeTextProject(n)
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			for b.Loop() {
				if err := WriteGesamtbericht(&bytes.Buffer{}, p, Options{Date: fixedDate}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

var benchTextSizes = []int{10_000, 20_000}
