package cli

import (
	"testing"
)

// `lotse summary` prints the RACI check beside the figures of steps 10 and 11.
func TestSampleSummaryStructure(t *testing.T) {
	_, path := sample(t)
	summaryShows(t, path,
		"10 | Auftakt | erledigt",
		"Auftakt am | 2026-12-08",
		"Meilensteine | 9",
		"Meilensteine erreicht | 8",
		"Meilensteine überfällig | 0",
		"Nächster Meilenstein: Bilanz nach einem Jahr | 2027-12-14",
		"11 | Struktur- und Prozessmodell | erledigt",
		"Rollen | 10",
		"Tätigkeiten in der RACI-Matrix | 22",
		"Fehler in der RACI-Matrix | 0",
		"Hinweise zur RACI-Matrix | 1",
		"Nächster Termin: Steuerungsrunde | 2027-09-14",
		"– Rolle „Datenschutzbeauftragte:r (Stadt)“ führt nirgends etwas durch und verantwortet nichts (weder R noch A).",
	)
}
