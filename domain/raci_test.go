package domain

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// matrix builds activities, roles and cells from a picture: the first line names the roles,
// every further line is "activity | letters…" with "." for an empty cell.
func stMatrix(t *testing.T, pic string) ([]RaciActivity, []Role, []RaciAssignment) {
	t.Helper()
	lines := strings.Split(strings.TrimSpace(pic), "\n")
	var roles []Role
	for i, name := range strings.Fields(lines[0]) {
		roles = append(roles, Role{ID: int64(100 + i), Name: name, Party: PartyOther})
	}
	var acts []RaciActivity
	var cells []RaciAssignment
	for i, l := range lines[1:] {
		name, letters, ok := strings.Cut(l, "|")
		if !ok {
			t.Fatalf("line %q has no |", l)
		}
		a := RaciActivity{ID: int64(i + 1), Name: strings.TrimSpace(name), SortOrder: i + 1}
		acts = append(acts, a)
		fs := strings.Fields(letters)
		if len(fs) != len(roles) {
			t.Fatalf("line %q has %d cells for %d roles", l, len(fs), len(roles))
		}
		for j, f := range fs {
			if f != "." {
				cells = append(cells, RaciAssignment{ActivityID: a.ID, RoleID: roles[j].ID, Letter: f})
			}
		}
	}
	return acts, roles, cells
}

func stFindings(fs []Finding) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = fmt.Sprintf("%s %s %s", f.Severity, strings.TrimPrefix(f.Code, "find.raci."), f.Subject)
	}
	return out
}

func TestRaciFindingsHandMadeMatrices(t *testing.T) {
	cases := []struct {
		name string
		pic  string
		want []string
	}{
		{
			name: "valid",
			pic: `
				SD  MB  ST
				Melden     | I  R  A
				Beheben    | R  C  A`,
			want: nil,
		},
		{
			name: "no A, two A, no R",
			pic: `
				SD  MB  ST
				OhneA      | R  C  I
				ZweiA      | A  R  A
				OhneR      | A  C  I`,
			want: []string{
				"error no_accountable OhneA",
				"error many_accountable ZweiA",
				"error no_responsible OhneR",
			},
		},
		{
			name: "no A and no R in one row gives both errors",
			pic: `
				SD  MB
				Nur-C      | C  I
				Gut        | R  A`,
			want: []string{"error no_accountable Nur-C", "error no_responsible Nur-C"},
		},
		{
			name: "empty row is a warning only; empty role is a warning; passive role is a warning",
			pic: `
				SD  MB  ST  DS  LE
				Leer       | .  .  .  .  .
				Melden     | R  A  C  .  .
				Prüfen     | R  A  I  .  .`,
			want: []string{
				"warning activity_empty Leer",
				"warning role_passive ST",
				"warning role_empty DS",
				"warning role_empty LE",
			},
		},
		{
			name: "crowded row: more than four C and I",
			pic: `
				A1 A2 A3 A4 A5 A6 A7
				Vier       | R  A  C  C  I  I  .
				Fünf       | R  A  C  C  I  I  C`,
			// The columns A3–A7 only consult or inform: each is a passive role as well.
			want: []string{"warning crowded Fünf", "warning role_passive A3", "warning role_passive A4",
				"warning role_passive A5", "warning role_passive A6", "warning role_passive A7"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			acts, roles, cells := stMatrix(t, c.pic)
			got := stFindings(RaciFindings(acts, roles, cells))
			if !slices.Equal(got, c.want) {
				t.Errorf("findings\n got %q\nwant %q", got, c.want)
			}
		})
	}
}

func TestRaciFindingsCarryIDsAndSeverity(t *testing.T) {
	acts, roles, cells := stMatrix(t, `
		SD  MB
		Melden | C  .
		Nichts | .  .`)
	fs := RaciFindings(acts, roles, cells)
	byCode := map[string]Finding{}
	for _, f := range fs {
		byCode[f.Code] = f
		if f.Step != 11 {
			t.Errorf("%s: step %d", f.Code, f.Step)
		}
	}
	if f := byCode[FindRaciNoAccountable]; f.EntityID != 1 || f.Severity != SeverityError || IsRoleFinding(f.Code) {
		t.Errorf("no A: %+v", f)
	}
	if f := byCode[FindRaciRolePassive]; f.EntityID != 100 || !IsRoleFinding(f.Code) {
		t.Errorf("passive SD: %+v", f)
	}
	if f := byCode[FindRaciRoleEmpty]; f.EntityID != 101 || f.Subject != "MB" {
		t.Errorf("empty MB: %+v", f)
	}
}

func TestRaciFindingsIgnoreCellsOfMissingRowsAndNoRolesWithoutActivities(t *testing.T) {
	roles := []Role{{ID: 1, Name: "SD"}, {ID: 2, Name: "MB"}}
	if fs := RaciFindings(nil, roles, nil); len(fs) != 0 {
		t.Errorf("roles without any activity gave %v", stFindings(fs))
	}
	acts := []RaciActivity{{ID: 7, Name: "Melden"}}
	cells := []RaciAssignment{
		{ActivityID: 7, RoleID: 1, Letter: "R"},
		{ActivityID: 7, RoleID: 2, Letter: "A"},
		{ActivityID: 7, RoleID: 99, Letter: "A"}, // role gone: must not count as a second A
		{ActivityID: 8, RoleID: 1, Letter: "C"},  // activity gone
	}
	if fs := RaciFindings(acts, roles, cells); len(fs) != 0 {
		t.Errorf("cells of missing rows were counted: %v", stFindings(fs))
	}
}

func TestNextRaciLetterCycles(t *testing.T) {
	seq := []string{""}
	for i := 0; i < 5; i++ {
		seq = append(seq, NextRaciLetter(seq[len(seq)-1]))
	}
	if want := []string{"", "R", "A", "C", "I", ""}; !slices.Equal(seq, want) {
		t.Errorf("cycle %q, want %q", seq, want)
	}
	if NextRaciLetter("X") != "R" {
		t.Error("an unknown letter should start the cycle again")
	}
	for in, want := range map[string]string{"r": "R", " a ": "A", "": "", "c": "C", "i": "I"} {
		if got, ok := NormalizeRaciLetter(in); !ok || got != want {
			t.Errorf("NormalizeRaciLetter(%q) = %q, %v", in, got, ok)
		}
	}
	for _, bad := range []string{"x", "RA", "ä"} {
		if _, ok := NormalizeRaciLetter(bad); ok {
			t.Errorf("NormalizeRaciLetter(%q) accepted", bad)
		}
	}
	if err := (RaciAssignment{ActivityID: 1, RoleID: 1, Letter: ""}).Validate(); err != ErrRaciLetter {
		t.Errorf("empty letter stored: %v", err)
	}
	if err := (RaciAssignment{ActivityID: 0, RoleID: 1, Letter: "R"}).Validate(); err != ErrRaciCellRef {
		t.Errorf("cell without activity: %v", err)
	}
}

// The template must be a matrix without errors or warnings: it is what users start from.
func TestRaciTemplateIsValid(t *testing.T) {
	p := &Project{}
	tpl := BuildStructureTemplate(p, TemplateParts{Roles: true, Raci: true}, func(k string) string { return k })
	if len(tpl.Roles) != len(RoleTemplates) {
		t.Fatalf("%d roles, want %d", len(tpl.Roles), len(RoleTemplates))
	}
	if len(tpl.Activities) != len(RaciTemplate) {
		t.Fatalf("%d activities, want %d", len(tpl.Activities), len(RaciTemplate))
	}
	if fs := RaciFindings(tpl.Activities, tpl.Roles, tpl.Assignments); len(fs) != 0 {
		t.Errorf("template has findings: %v", stFindings(fs))
	}
	procs := map[string]bool{}
	for _, a := range tpl.Activities {
		procs[a.Process] = true
	}
	for _, k := range RaciProcessKeys {
		if !procs[k] {
			t.Errorf("process %s has no activity", k)
		}
	}
	if len(procs) != len(RaciProcessKeys) {
		t.Errorf("%d processes used, %d listed", len(procs), len(RaciProcessKeys))
	}
	for _, a := range tpl.Assignments {
		if err := a.Validate(); err != nil {
			t.Errorf("cell %+v: %v", a, err)
		}
	}
}
