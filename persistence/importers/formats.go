package importers

import (
	"strings"

	"schulit-lotse/domain"
)

// Fields of a ticket export that the KPIs need.
const (
	FieldExternalID    = "externalId"
	FieldCreated       = "created"
	FieldFirstResponse = "firstResponse"
	FieldResolved      = "resolved"
	FieldClosed        = "closed"
	FieldPriority      = "priority"
	FieldCategory      = "category"
	FieldSchool        = "school"
	FieldStatus        = "status"
)

// TicketFields are the ticket fields in the order the mapping dialog shows them.
var TicketFields = []string{FieldExternalID, FieldCreated, FieldFirstResponse, FieldResolved, FieldClosed,
	FieldPriority, FieldCategory, FieldSchool, FieldStatus}

// Formats of ticket exports.
const (
	FormatAuto    = "auto"
	FormatZammad  = "zammad"
	FormatGLPI    = "glpi"
	FormatITop    = "itop"
	FormatZnuny   = "znuny"
	FormatGeneric = "generic"
)

// TicketFormats are the formats in the order --format and the dialog offer them.
var TicketFormats = []string{FormatAuto, FormatZammad, FormatGLPI, FormatITop, FormatZnuny, FormatGeneric}

// format describes one ticket system's export: the headers of each field (every language the
// system writes) and the headers only it writes, which tell it apart from the others.
type format struct {
	name    string
	aliases map[string][]string
	// marks are headers that identify the format; numericHighFirst says that a bare number as
	// priority counts 1 as the most urgent (iTop); otherwise 1 is the least urgent (Znuny, Zammad).
	marks            []string
	numericHighFirst bool
}

var formats = []format{
	{
		name: FormatZammad,
		aliases: map[string][]string{
			FieldExternalID:    {"#", "number", "nummer", "ticket number", "ticketnummer"},
			FieldCreated:       {"created at", "erstellt am", "created", "erstellt"},
			FieldFirstResponse: {"first response at", "erste reaktion am", "first response", "erste reaktion"},
			FieldClosed:        {"closed at", "geschlossen am", "close at"},
			FieldPriority:      {"priority", "priorität"},
			// An explicit category column wins over the group (the team the ticket is assigned to).
			FieldCategory: {"category", "kategorie", "group", "gruppe"},
			FieldSchool:   {"organization", "organisation"},
			FieldStatus:   {"state", "status"},
		},
		marks: []string{"#", "created at", "first response at", "closed at", "group"},
	},
	{
		name: FormatGLPI,
		// GLPI's list headers in its interface languages: English, French, German, Portuguese,
		// Spanish, Italian, Dutch.
		aliases: map[string][]string{
			FieldExternalID: {"id"},
			FieldCreated: {"opening date", "date d'ouverture", "eröffnungsdatum", "öffnungsdatum", "datum der eröffnung",
				"data de abertura", "fecha de apertura", "data di apertura", "data apertura", "openingsdatum"},
			FieldFirstResponse: {"take into account date", "date de prise en compte", "datum der übernahme", "übernahmedatum",
				"data de atendimento", "fecha de atención", "data di presa in carico", "datum van behandeling"},
			FieldResolved: {"resolution date", "date de résolution", "lösungsdatum", "datum der lösung",
				"data de solução", "data da solução", "fecha de resolución", "fecha de solución", "data di risoluzione", "data risoluzione", "oplossingsdatum"},
			FieldClosed: {"closing date", "date de clôture", "schließungsdatum", "datum der schließung", "abschlussdatum",
				"data de fechamento", "data de encerramento", "fecha de cierre", "data di chiusura", "data chiusura", "sluitingsdatum"},
			FieldPriority: {"priority", "priorité", "priorität", "prioridade", "prioridad", "priorità", "prioriteit"},
			FieldCategory: {"category", "catégorie", "kategorie", "categoria", "categoría", "categorie"},
			// Schools are entities in most installations, locations in others.
			FieldSchool: {"entity", "entité", "einheit", "entität", "entidade", "entidad", "entità", "entiteit",
				"location", "lieu", "standort", "ort", "localização", "localización", "luogo", "locatie"},
			FieldStatus: {"status", "statut", "estado", "stato"},
		},
		marks: []string{"opening date", "date d'ouverture", "eröffnungsdatum", "entity", "entité", "einheit", "closing date",
			"date de clôture", "schließungsdatum", "resolution date", "date de résolution", "lösungsdatum",
			"data de abertura", "fecha de apertura", "data di apertura", "openingsdatum", "entidade", "entidad", "entità", "entiteit"},
	},
	{
		name: FormatITop,
		aliases: map[string][]string{
			FieldExternalID:    {"ref", "referenz", "référence", "id"},
			FieldCreated:       {"start date", "start_date", "startdatum", "gestartet", "date de début", "erstellungsdatum"},
			FieldFirstResponse: {"assignment date", "assignment_date", "zuweisungsdatum", "zugeteilt", "date d'assignation"},
			FieldResolved:      {"resolution date", "resolution_date", "lösungsdatum", "date de résolution"},
			FieldClosed:        {"close date", "close_date", "schließungsdatum", "geschlossen", "date de fermeture"},
			FieldPriority:      {"priority", "priorität", "priorité"},
			FieldCategory:      {"service", "service_id->name", "service name", "service_name", "dienst", "servicename"},
			FieldSchool:        {"organization", "org_id->name", "organization name", "org_name", "organisation", "organisationsname", "kunde"},
			FieldStatus:        {"status", "statut"},
		},
		marks:            []string{"ref", "start date", "start_date", "assignment date", "assignment_date", "org_id->name", "service_id->name", "close_date"},
		numericHighFirst: true,
	},
	{
		name: FormatZnuny,
		aliases: map[string][]string{
			FieldExternalID:    {"ticket#", "ticketnummer", "ticket number", "number"},
			FieldCreated:       {"erstellt", "created", "erstellzeit", "create time"},
			FieldFirstResponse: {"erste reaktion", "first response", "erste antwort", "zeitpunkt erste reaktion"},
			FieldResolved:      {"lösungszeit", "solution time", "gelöst"},
			FieldClosed:        {"schließzeit", "geschlossen", "close time", "closed"},
			FieldPriority:      {"priorität", "priority"},
			FieldCategory:      {"queue"},
			FieldSchool:        {"kundennummer", "customer id", "organisation", "organization", "kunde", "customer"},
			FieldStatus:        {"status", "state"},
		},
		marks: []string{"ticket#", "queue", "erstellt", "schließzeit", "kundennummer"},
	},
}

// generic is the header guess for any other export; a user-made mapping replaces it.
var generic = format{
	name: FormatGeneric,
	aliases: map[string][]string{
		FieldExternalID: {"id", "ticket", "ticket-id", "ticket id", "ticketnummer", "ticket-nr.", "ticket-nr", "ticketnr", "nummer", "nr.", "nr",
			"number", "#", "ref", "vorgang", "vorgangsnummer"},
		FieldCreated:       {"erstellt", "erstellt am", "eröffnet", "eröffnet am", "created", "created at", "opened", "opening date", "eingang", "datum"},
		FieldFirstResponse: {"erste reaktion", "reaktion", "erste antwort", "first response", "first response at", "responded", "reaktion am"},
		FieldResolved:      {"gelöst", "gelöst am", "lösung", "lösungsdatum", "resolved", "resolved at", "resolution date", "erledigt", "erledigt am"},
		FieldClosed:        {"geschlossen", "geschlossen am", "closed", "closed at", "closing date", "abgeschlossen"},
		FieldPriority:      {"priorität", "prio", "priority", "dringlichkeit"},
		FieldCategory:      {"kategorie", "category", "thema", "queue", "gruppe", "group", "bereich"},
		FieldSchool:        {"schule", "school", "organisation", "organization", "einrichtung", "standort", "kunde"},
		FieldStatus:        {"status", "state", "zustand"},
	},
}

func formatByName(name string) (format, bool) {
	if name == FormatGeneric {
		return generic, true
	}
	for _, f := range formats {
		if f.name == name {
			return f, true
		}
	}
	return format{}, false
}

// normHeader is how headers are compared: without BOM, quotes and spaces around, lower case,
// inner white space collapsed.
func normHeader(s string) string {
	s = strings.TrimPrefix(s, "\ufeff")
	s = strings.Trim(strings.TrimSpace(s), `"'`)
	return domain.NormalizeSourceValue(s)
}

// columnsOf finds each field's column in a header row: the first alias (in the alias order)
// that a header matches.
func (f format) columnsOf(header []string) map[string]int {
	idx := map[string]int{}
	for i, h := range header {
		k := normHeader(h)
		if _, dup := idx[k]; !dup && k != "" {
			idx[k] = i
		}
	}
	out := map[string]int{}
	for field, aliases := range f.aliases {
		for _, a := range aliases {
			if i, ok := idx[a]; ok {
				out[field] = i
				break
			}
		}
	}
	return out
}

// mapColumns finds each field's column: first by this format's aliases, then, for a field still
// missing, by the aliases of every other format and of the generic guess, in a column no other
// field took. So a first-response column that the system's own names do not cover ("Erste
// Antwort" in a GLPI list) is still read instead of silently dropped.
func (f format) mapColumns(header []string) map[string]int {
	out := f.columnsOf(header)
	used := map[int]bool{}
	for _, c := range out {
		used[c] = true
	}
	var others []map[string]int
	for _, o := range append(append([]format{}, formats...), generic) {
		if o.name != f.name {
			others = append(others, o.columnsOf(header))
		}
	}
	for _, field := range TicketFields {
		if _, ok := out[field]; ok {
			continue
		}
		for _, cols := range others {
			if c, ok := cols[field]; ok && !used[c] {
				out[field] = c
				used[c] = true
				break
			}
		}
	}
	return out
}

// score rates a header row for a format: matched fields, plus the identifying headers.
func (f format) score(header []string) int {
	cols := f.columnsOf(header)
	if _, ok := cols[FieldExternalID]; !ok {
		return 0
	}
	if _, ok := cols[FieldCreated]; !ok {
		return 0
	}
	s := len(cols) * 2
	present := map[string]bool{}
	for _, h := range header {
		present[normHeader(h)] = true
	}
	for _, m := range f.marks {
		if present[m] {
			s += 3
		}
	}
	return s
}
