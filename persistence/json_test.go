package persistence

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"schulit-lotse/domain"
)

func exportJSON(t *testing.T, p *domain.Project) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := ExportJSON(&buf, p); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// fileTrip stores p in a new file and loads it back.
func fileTrip(t *testing.T, p *domain.Project) *domain.Project {
	t.Helper()
	return mustLoad(t, newTestFile(t, "Schul-IT Planung Jürgen.lotse", p))
}

// ExportJSON → ParseJSON → Create → Load → ExportJSON writes the same bytes.
func TestJSONRoundTripExact(t *testing.T) {
	for name, p := range map[string]*domain.Project{
		"full":   fullProject(),
		"sample": sampleLikeProject(),
		"empty":  domain.NewProject("Leer", time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)),
	} {
		t.Run(name, func(t *testing.T) {
			first := exportJSON(t, fileTrip(t, p))
			parsed, err := ParseJSON(first)
			if err != nil {
				t.Fatalf("ParseJSON of an export: %v", err)
			}
			second := exportJSON(t, fileTrip(t, parsed))
			if !bytes.Equal(first, second) {
				t.Fatalf("second export differs from the first:\n%s", firstDiff(first, second))
			}
			if !bytes.Equal(exportJSON(t, parsed), first) {
				t.Fatal("export of the parsed document differs from the document")
			}
		})
	}
}

// The document is indented, ends with a newline, writes lists as [] and keeps "<", ">" and "&"
// readable.
func TestJSONShape(t *testing.T) {
	p := domain.NewProject("A & B <Test>", time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC))
	doc := string(exportJSON(t, p))
	for _, want := range []string{
		"{\n  \"format\": \"schulit-lotse-project\",\n  \"version\": 7,\n  \"project\": {\n",
		`"name": "A & B <Test>"`, `"tasks": []`, `"knowledgeChecks": []`, `"createdAt": "2026-01-02T03:04:05Z"`,
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("document lacks %q:\n%s", want, doc)
		}
	}
	if !strings.HasSuffix(doc, "}\n") {
		t.Error("document does not end with a newline")
	}
}

// Times come back in UTC, whatever zone the document used; the Unix-second tables refuse
// fractions instead of dropping them.
func TestJSONTimes(t *testing.T) {
	doc := strings.Replace(string(exportJSON(t, fullProject())), `"created": "2027-02-03T08:15:00Z"`, `"created": "2027-02-03T09:15:00+01:00"`, 1)
	p, err := ParseJSON([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	if got := p.Tickets[0].Created; got != time.Date(2027, 2, 3, 8, 15, 0, 0, time.UTC) || got.Location() != time.UTC {
		t.Fatalf("created = %v (%v), want 08:15 UTC", got, got.Location())
	}
	frac := strings.Replace(doc, `"at": "2027-02-03T08:14:30Z"`, `"at": "2027-02-03T08:14:30.25Z"`, 1)
	wantImportError(t, frac, importTimePrec, "calls[0].at")
}

func wantImportError(t *testing.T, doc string, key, detail string) {
	t.Helper()
	p, err := ParseJSON([]byte(doc))
	ie, ok := err.(*ImportError)
	if !ok {
		t.Fatalf("ParseJSON = %v, %v; want *ImportError %s", p != nil, err, key)
	}
	if ie.Key != key || !strings.Contains(ie.Detail, detail) {
		t.Fatalf("ImportError{%s, %q}, want {%s, …%q…}", ie.Key, ie.Detail, key, detail)
	}
}

// editDoc exports the full fixture, lets fn change the generic JSON tree and returns the text.
func editDoc(t *testing.T, fn func(doc map[string]any, p map[string]any)) string {
	t.Helper()
	var doc map[string]any
	if err := json.Unmarshal(exportJSON(t, fullProject()), &doc); err != nil {
		t.Fatal(err)
	}
	fn(doc, doc["project"].(map[string]any))
	b, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// edited is a case's document: the full fixture's export changed by fn (editDoc).
func edited(fn func(doc map[string]any, p map[string]any)) func(t *testing.T) string {
	return func(t *testing.T) string { return editDoc(t, fn) }
}

func item(p map[string]any, list string, i int) map[string]any {
	return p[list].([]any)[i].(map[string]any)
}

func TestJSONBadDocumentsRefused(t *testing.T) {
	cases := []struct {
		name, key, detail string
		doc               func(t *testing.T) string
	}{
		{"not JSON", importInvalid, "", func(*testing.T) string { return "Aufgabe;Stunden\n" }},
		{"trailing data", importInvalid, "trailing", func(t *testing.T) string { return string(exportJSON(t, fullProject())) + "]" }},
		{"second document", importInvalid, "trailing", func(t *testing.T) string {
			return string(exportJSON(t, fullProject())) + string(exportJSON(t, fullProject()))
		}},
		{"unknown top-level field", importUnknownField, "comment", edited(func(d, _ map[string]any) { d["comment"] = "x" })},
		{"unknown task field", importUnknownField, "hours", edited(func(_, p map[string]any) { item(p, "tasks", 0)["hours"] = 2 })},
		{"wrong format name", importFormat, "excel", edited(func(d, _ map[string]any) { d["format"] = "excel" })},
		{"newer version", importVersion, "8", edited(func(d, _ map[string]any) { d["version"] = JSONVersion + 1 })},
		{"version 0", importVersion, "0", edited(func(d, _ map[string]any) { delete(d, "version") })},
		{"project missing", importInvalid, "project", edited(func(d, _ map[string]any) { delete(d, "project") })},
		{"NaN effort", importInvalid, "'N'", func(t *testing.T) string {
			return strings.Replace(editDoc(t, func(_, p map[string]any) {
				item(p, "tasks", 0)["effort"].(map[string]any)["value"] = "@NAN@"
			}), `"@NAN@"`, "NaN", 1)
		}},
		{"negative effort", string(domain.ErrEffortNegative), "IServ", edited(func(_, p map[string]any) { item(p, "tasks", 0)["effort"].(map[string]any)["value"] = -2 })},
		{"unknown effort unit", string(domain.ErrEffortUnit), "IServ", edited(func(_, p map[string]any) { item(p, "tasks", 0)["effort"].(map[string]any)["unit"] = "h/day" })},
		{"task without name", string(domain.ErrTaskNameEmpty), "", edited(func(_, p map[string]any) { item(p, "tasks", 1)["name"] = "  " })},
		{"priority 6", string(domain.ErrPriorityRange), "", edited(func(_, p map[string]any) { item(p, "tasks", 1)["priority"] = map[string]any{"rank": 6} })},
		{"bad settings", string(domain.ErrHoursPerPersonDay), "settings", edited(func(_, p map[string]any) { p["settings"].(map[string]any)["hoursPerPersonDay"] = 0 })},
		{"project without name", string(domain.ErrProjectNameEmpty), "meta.name", edited(func(_, p map[string]any) { p["meta"].(map[string]any)["name"] = "" })},
		{"bad date", importInvalid, "", edited(func(_, p map[string]any) { item(p, "tasks", 1)["validFrom"] = "01.08.2026" })},
		{"negative id", importIDRange, "roles[1]: id -1", edited(func(_, p map[string]any) { item(p, "roles", 1)["id"] = -1 })},
		{"id beyond 2^53", importIDRange, "tasks[4]: id 9223372036854775807", func(t *testing.T) string {
			return strings.Replace(editDoc(t, func(_, p map[string]any) { item(p, "tasks", 4)["id"] = "@BIG@" }), `"@BIG@"`, "9223372036854775807", 1)
		}},
		{"time leaving the years 0-9999", importInvalid, "meta.createdAt", edited(func(_, p map[string]any) { p["meta"].(map[string]any)["createdAt"] = "0000-01-01T00:30:00+01:00" })},
		{"duplicate task id", importDuplicateID, "task 3", edited(func(_, p map[string]any) { item(p, "tasks", 2)["id"] = 3 })},
		{"duplicate role id", importDuplicateID, "roles: id 2", edited(func(_, p map[string]any) { item(p, "roles", 1)["id"] = 2 })},
		{"duplicate ticket number", importDuplicate, "INC-0001", edited(func(_, p map[string]any) { item(p, "tickets", 1)["externalId"] = "INC-0001" })},
		{"two decisions for one package", importDuplicate, "package 11", edited(func(_, p map[string]any) { item(p, "decisions", 1)["packageId"] = 11 })},
		{"RACI cell twice", importDuplicate, "activity 5, role 1", edited(func(_, p map[string]any) { item(p, "raciAssignments", 0)["activityId"] = 5 })},
		{"dangling package id", importDangling, "tasks[0].packageId = 99", edited(func(_, p map[string]any) { item(p, "tasks", 0)["packageId"] = 99 })},
		{"decision without package", importDangling, "decisions[1].packageId = 0", edited(func(_, p map[string]any) { delete(item(p, "decisions", 1), "packageId") })},
		{"dangling pay group", importDangling, "payGroupId = 7", edited(func(_, p map[string]any) { item(p, "decisions", 0)["payGroupId"] = 7 })},
		{"dangling SLA package", importDangling, "slas[0].packageId", edited(func(_, p map[string]any) { item(p, "slas", 0)["packageId"] = 12 })},
		{"contract names a missing SLA", importDangling, "contract.slaId = 5", edited(func(_, p map[string]any) { p["contract"].(map[string]any)["slaId"] = 5 })},
		{"bid scores a missing criterion", importDangling, "bids[0].scores = 9", edited(func(_, p map[string]any) { item(p, "bids", 0)["scores"].(map[string]any)["9"] = 1 })},
		{"RACI names a missing role", importDangling, "raciAssignments[2].roleId = 3", edited(func(_, p map[string]any) { item(p, "raciAssignments", 2)["roleId"] = 3 })},
		{"RACI names a missing activity", importDangling, "raciAssignments[0].activityId = 1", edited(func(_, p map[string]any) { item(p, "raciAssignments", 0)["activityId"] = 1 })},
		{"communication names a missing role", importDangling, "communicationRows[0].providerRoleId", edited(func(_, p map[string]any) { item(p, "communicationRows", 0)["providerRoleId"] = 8 })},
		{"escalation names a missing role", importDangling, "escalationLevels[0].customerRoleId", edited(func(_, p map[string]any) { item(p, "escalationLevels", 0)["customerRoleId"] = 8 })},
		{"ticket names a missing package", importDangling, "tickets[0].packageId", edited(func(_, p map[string]any) { item(p, "tickets", 0)["packageId"] = 1 })},
		{"measure names a missing jour fixe", importDangling, "measures[0].jourFixeId", edited(func(_, p map[string]any) { item(p, "measures", 0)["jourFixeId"] = 3 })},
		{"task name over 300 characters", string(domain.ErrTextTooLong), "task", edited(func(_, p map[string]any) { item(p, "tasks", 0)["name"] = strings.Repeat("n", domain.MaxNameChars+1) })},
		{"meeting agenda over 20,000 characters", string(domain.ErrTextTooLong), "meeting", edited(func(_, p map[string]any) {
			item(p, "meetings", 0)["agenda"] = strings.Repeat("a", domain.MaxNoteChars+1)
		})},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { wantImportError(t, c.doc(t), c.key, c.detail) })
	}
}

// Without the checks of ParseJSON these documents would reach SQLite and fail there, or be
// stored with references to nothing; this keeps the checks honest about why they exist.
func TestJSONChecksCatchWhatTheFileWouldNot(t *testing.T) {
	p := fullProject()
	p.Tasks[0].PackageID = i64(99)
	if tmp, err := writeNewFile(t.TempDir(), p); err == nil {
		os.Remove(tmp)
		t.Fatal("a task with a dangling package was stored: the foreign key is not enforced")
	}
	p = fullProject()
	p.Measures[0].JourFixeID = i64(99)
	tmp, err := writeNewFile(t.TempDir(), p)
	if err != nil {
		t.Fatalf("measures have no foreign key, expected the file to take the dangling id: %v", err)
	}
	os.Remove(tmp)
}

// Ids of 0 are assigned by the file; references between entities with given ids survive.
func TestJSONZeroIDsAreAssigned(t *testing.T) {
	p := domain.NewProject("Ohne Ids", time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC))
	p.Tasks = []domain.Task{{Name: "a", SortOrder: 1}, {Name: "b", SortOrder: 2}}
	doc := exportJSON(t, p)
	parsed, err := ParseJSON(doc)
	if err != nil {
		t.Fatal(err)
	}
	got := fileTrip(t, parsed)
	if len(got.Tasks) != 2 || got.Tasks[0].ID == 0 || got.Tasks[1].ID == 0 || got.Tasks[0].ID == got.Tasks[1].ID {
		t.Fatalf("tasks after import: %+v", got.Tasks)
	}
}

func firstDiff(a, b []byte) string {
	la, lb := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := 0; i < len(la) && i < len(lb); i++ {
		if la[i] != lb[i] {
			return "line " + strconv.Itoa(i+1) + ":\n  " + la[i] + "\n  " + lb[i]
		}
	}
	return "lengths differ: " + strconv.Itoa(len(la)) + " vs " + strconv.Itoa(len(lb)) + " lines"
}

// Every key an import can fail with has a sentence in German and English.
func TestImportKeysTranslated(t *testing.T) {
	keys := []string{importInvalid, importUnknownField, importFormat, importVersion, importDuplicateID,
		importDuplicate, importDangling, importTimePrec, importIDRange}
	for _, lang := range []string{"de", "en"} {
		b, err := os.ReadFile(filepath.Join("..", "assets", "translations", "persistence."+lang+".json"))
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]string
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatalf("persistence.%s.json: %v", lang, err)
		}
		for _, k := range keys {
			if strings.TrimSpace(m[k]) == "" {
				t.Errorf("persistence.%s.json lacks %s", lang, k)
			}
		}
	}
}

// Documents of every earlier version still import: the JSON each old release exported (the
// expected.json beside each version file) parses, and version 4 documents, which know no OLA,
// no reasons per score and no tender log, come in with none.
func TestOlderJSONImports(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(versionsDir, "v*", "*.expected.json"))
	if len(files) < 8 {
		t.Fatalf("only %d version documents found", len(files))
	}
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		p, err := ParseJSON(b)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if strings.Contains(name, "v4") && strings.Contains(name, "full") {
			if len(p.TenderLog) != 0 || len(p.SLAs) == 0 || p.SLAs[0].Internal || p.Bids[0].Reasons != nil {
				t.Errorf("%s: version 4 document came in with version 5 data: %+v %+v", name, p.TenderLog, p.SLAs)
			}
		}
	}
}
