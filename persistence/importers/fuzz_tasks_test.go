package importers

import (
	"math"
	"strings"
	"testing"
	"unicode/utf8"

	"schulit-lotse/domain"
)

// FuzzReadTasks feeds arbitrary files to the inventory import (Excel CSV or XLSX, the header row
// guessed below a title): nothing may panic, a failure is an import error with a key, and every
// task it returns passes the rules the project file applies when it stores it.
func FuzzReadTasks(f *testing.F) {
	f.Add([]byte("Aufgabe;Verantwortlich;Aufwand (Std./Monat);Bemerkung;Neu;Gültig ab;Priorität;Kritisch\n" +
		"IServ-Nutzer anlegen;Teammitglied Schul-IT;2;Oft Rücksprache mit Schule;nein;;vorrangig;nein\n" +
		"Neu: Wartung der Schüler-Tablets;Noch nicht definiert;10;;ja;01.08.2027;5;ja\n"))
	f.Add([]byte("\xef\xbb\xbfBestandsaufnahme Schul-IT\n\nTätigkeit;Verantwortlich;Aufwand;Einheit;Bedarfsdeckung;Neue Verantwortung\n" +
		"Druckerwartung;Schulsekretariat;6;h/Quartal;Soll nicht verändert werden;\nWLAN-Störungen beheben;Team;1,5;Std./Woche;Muss verändert werden;Externer Dienstleister\n"))
	f.Add([]byte("Aufgabe,Verantwortlich,Aufwand\r\n\"Passwörter zurücksetzen\",\"Lehrkraft\",\"1.234,5\"\r\n"))
	f.Add([]byte("Aufgabe\tAufwand (PT/Monat)\nBeschaffung\t1\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		tasks, ok := fuzzRead(t, data, func(tab *Table) ([]domain.Task, error) { return ReadTasks(tab, GuessTaskMapping(tab)) })
		if !ok {
			return
		}
		for _, task := range tasks {
			if err := task.Validate(); err != nil {
				t.Fatalf("task %q breaks a rule: %v", task.Name, err)
			}
			if strings.TrimSpace(task.Name) == "" || !utf8.ValidString(task.Name) || !utf8.ValidString(task.Responsible) || !utf8.ValidString(task.Note) {
				t.Fatalf("task %+v", task)
			}
			if task.Effort != nil && (math.IsNaN(task.Effort.Value) || math.IsInf(task.Effort.Value, 0) || task.Effort.Value < 0) {
				t.Fatalf("effort %v", task.Effort)
			}
		}
	})
}
