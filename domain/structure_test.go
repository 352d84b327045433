package domain

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func stDay(s string) Date {
	x, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return x
}

func stDayPtr(s string) *Date { x := stDay(s); return &x }

func stDates(ds []Date) []string {
	out := make([]string, len(ds))
	for i, x := range ds {
		out[i] = x.String()
	}
	return out
}

// Dates below are checked against a calendar by hand: 2027-04-13 is a Tuesday, Easter 2027 is
// 28 March, so Christi Himmelfahrt is Thursday 6 May and Fronleichnam Thursday 27 May.
func TestNextMeetingDates(t *testing.T) {
	summer := []SchoolHoliday{{ID: 1, Name: "Sommerferien", First: stDay("2027-07-08"), Last: stDay("2027-08-18")}}
	cases := []struct {
		name  string
		m     Meeting
		rule  MeetingRule
		state Bundesland
		from  string
		n     int
		want  []string
	}{
		{"every two weeks", Meeting{Name: "JF", CadenceDays: 14, FirstDate: stDayPtr("2027-04-13")}, MeetingRule{}, "NI",
			"2027-05-01", 3, []string{"2027-05-11", "2027-05-25", "2027-06-08"}},
		{"from before the first date starts there", Meeting{Name: "JF", CadenceDays: 14, FirstDate: stDayPtr("2027-04-13")}, MeetingRule{}, "NI",
			"2027-01-01", 2, []string{"2027-04-13", "2027-04-27"}},
		{"from on a meeting day includes it", Meeting{Name: "JF", CadenceDays: 14, FirstDate: stDayPtr("2027-04-13")}, MeetingRule{}, "NI",
			"2027-04-27", 1, []string{"2027-04-27"}},
		{"monthly, 2nd Tuesday", Meeting{Name: "JF", CadenceDays: 28, FirstDate: stDayPtr("2027-04-13")}, MeetingRule{Monthly: true}, "NI",
			"2027-05-12", 3, []string{"2027-06-08", "2027-07-13", "2027-08-10"}},
		{"monthly, last Tuesday", Meeting{Name: "JF", FirstDate: stDayPtr("2027-03-30")}, MeetingRule{Monthly: true}, "NI",
			"2027-03-01", 4, []string{"2027-03-30", "2027-04-27", "2027-05-25", "2027-06-29"}},
		{"weekly, holidays moved (NW keeps Fronleichnam)", Meeting{Name: "JF", CadenceDays: 7, FirstDate: stDayPtr("2027-04-29")},
			MeetingRule{SkipOffDays: true}, "NW", "2027-05-01", 4, []string{"2027-05-07", "2027-05-13", "2027-05-20", "2027-05-28"}},
		{"weekly, holidays moved (NI does not keep Fronleichnam)", Meeting{Name: "JF", CadenceDays: 7, FirstDate: stDayPtr("2027-04-29")},
			MeetingRule{SkipOffDays: true}, "NI", "2027-05-01", 4, []string{"2027-05-07", "2027-05-13", "2027-05-20", "2027-05-27"}},
		{"holidays ignored without the rule", Meeting{Name: "JF", CadenceDays: 7, FirstDate: stDayPtr("2027-04-29")},
			MeetingRule{}, "NW", "2027-05-01", 1, []string{"2027-05-06"}},
		// 07-20 and 08-17 fall into the summer holidays; both move to 08-19, which is given once.
		{"school holidays moved and merged", Meeting{Name: "JF", CadenceDays: 28, FirstDate: stDayPtr("2027-06-22")},
			MeetingRule{SkipSchoolHolidays: true, SkipOffDays: true}, "NI", "2027-06-01", 4,
			[]string{"2027-06-22", "2027-08-19", "2027-09-14", "2027-10-12"}},
		{"single meeting ahead", Meeting{Name: "Auftakt", FirstDate: stDayPtr("2027-04-13")}, MeetingRule{}, "NI",
			"2027-04-01", 3, []string{"2027-04-13"}},
		{"single meeting past", Meeting{Name: "Auftakt", FirstDate: stDayPtr("2027-04-13")}, MeetingRule{}, "NI",
			"2027-04-14", 3, nil},
		{"no first date", Meeting{Name: "JF", CadenceDays: 7}, MeetingRule{}, "NI", "2027-04-14", 3, nil},
		{"long after the start", Meeting{Name: "JF", CadenceDays: 7, FirstDate: stDayPtr("2027-04-29")}, MeetingRule{}, "NI",
			"2037-04-29", 2, []string{"2037-04-30", "2037-05-07"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var school []SchoolHoliday
			if c.rule.SkipSchoolHolidays {
				school = summer
			}
			got := stDates(NextMeetingDates(c.m, c.rule, NewOffDays(c.state, school), stDay(c.from), c.n))
			if !slices.Equal(got, c.want) {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

func TestLongAfterStartIsAThursday(t *testing.T) {
	// 2037-04-29 lies 3653 days (521 weeks and 6 days) after 2027-04-29, so the next Thursday
	// meeting is one day later; the expectation above relies on it.
	if wd := stDay("2037-04-30").Weekday(); wd != time.Thursday {
		t.Fatalf("2037-04-30 is a %v", wd)
	}
}

func TestMeetingRulesRoundTripThroughConfig(t *testing.T) {
	p := &Project{Config: map[string]string{}}
	if len(MeetingRules(p)) != 0 {
		t.Fatal("rules without a config entry")
	}
	rules := map[int64]MeetingRule{5: {Monthly: true}, 9: {}, 12: {SkipOffDays: true, SkipSchoolHolidays: true}}
	js := MeetingRulesJSON(rules)
	if js != `{"12":{"skipOffDays":true,"skipSchoolHolidays":true},"5":{"monthly":true}}` {
		t.Errorf("json = %s", js)
	}
	p.Config[ConfigMeetingRules] = js
	got := MeetingRules(p)
	if len(got) != 2 || !got[5].Monthly || !got[12].SkipSchoolHolidays || got[9] != (MeetingRule{}) {
		t.Errorf("read back %+v", got)
	}
	if MeetingRulesJSON(map[int64]MeetingRule{3: {}}) != "" {
		t.Error("rules without options should leave nothing to store")
	}
	p.Config[ConfigMeetingRules] = "kaputt"
	if len(MeetingRules(p)) != 0 {
		t.Error("an unreadable entry should give no rules")
	}
	if err := ValidateMeetingRule(Meeting{Name: "JF"}, MeetingRule{Monthly: true}); err != ErrMeetingMonthlyDate {
		t.Errorf("monthly without a date: %v", err)
	}
}

func TestStructureValidation(t *testing.T) {
	checks := []struct {
		err  error
		want error
	}{
		{Role{Name: " ", Party: PartyCarrier}.Validate(), ErrRoleNameEmpty},
		{Role{Name: "SD", Party: "firma"}.Validate(), ErrRoleParty},
		{Role{Name: "SD", Party: PartyProvider}.Validate(), nil},
		{CommunicationRow{}.Validate(), ErrOccasionEmpty},
		{EscalationLevel{Level: 0}.Validate(), ErrEscalationLevel},
		{EscalationLevel{Level: 10}.Validate(), ErrEscalationLevel},
		{EscalationLevel{Level: 1, ReactionHours: -1}.Validate(), ErrReactionHours},
		{EscalationLevel{Level: 3, ReactionHours: 40}.Validate(), nil},
		{Meeting{}.Validate(), ErrMeetingNameEmpty},
		{Meeting{Name: "JF", CadenceDays: -7}.Validate(), ErrMeetingCadence},
		{Meeting{Name: "JF", CadenceDays: 367}.Validate(), ErrMeetingCadence},
		{Meeting{Name: "JF"}.Validate(), nil},
	}
	for i, c := range checks {
		if c.err != c.want {
			t.Errorf("check %d: %v, want %v", i, c.err, c.want)
		}
	}
	p := &Project{Roles: []Role{{ID: 3, Name: "SD", Party: PartyProvider}}}
	three, four := int64(3), int64(4)
	if err := p.ValidateRoleRefs(&three, nil); err != nil {
		t.Error(err)
	}
	if err := p.ValidateRoleRefs(&three, &four); err != ErrRoleUnknown {
		t.Errorf("unknown role: %v", err)
	}
	if p.RoleName(&three) != "SD" || p.RoleName(&four) != "" || p.RoleName(nil) != "" {
		t.Error("RoleName")
	}
}

func stCodes(fs []Finding) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = strings.TrimPrefix(f.Code, "find.") + " " + f.Subject
	}
	return out
}

func TestStructureFindingsAndState(t *testing.T) {
	p := &Project{}
	st, _, fs := EvaluateStructure(p, stDay("2027-05-01"))
	if st != StateOpen || len(fs) != 0 {
		t.Fatalf("empty project: %s %v", st, stCodes(fs))
	}

	// The full template plus a Jour fixe: done, nothing open.
	tr := func(k string) string { return k }
	tpl := BuildStructureTemplate(p, TemplateParts{Roles: true, Raci: true, Communication: true, Escalation: true}, tr)
	p.Roles, p.RaciActivities, p.RaciAssignments = tpl.Roles, tpl.Activities, tpl.Assignments
	p.CommunicationRows, p.EscalationLevels = tpl.Communication, tpl.Escalation
	for i := range p.Roles {
		p.Roles[i].Persons = "Frau Muster"
	}
	jf, rule := MeetingFromTemplate(&Project{}, MeetingTemplates[0], stDayPtr("2027-04-13"), tr)
	jf.ID = 1
	p.Meetings = []Meeting{jf}
	p.Config = map[string]string{ConfigMeetingRules: MeetingRulesJSON(map[int64]MeetingRule{1: rule})}
	st, figs, fs := EvaluateStructure(p, stDay("2027-05-12"))
	if st != StateDone || len(fs) != 0 {
		t.Fatalf("template: %s %v", st, stCodes(fs))
	}
	var next Figure
	for _, f := range figs {
		if f.Key == "fig.structure.next_meeting" {
			next = f
		}
	}
	// Monthly on the 2nd Tuesday, moved off holidays: 8 June 2027.
	if next.Text != "2027-06-08" || next.Label != "tpl.meeting.jourfixe" {
		t.Errorf("next meeting %+v", next)
	}

	// Break things one at a time.
	p.Roles[0].Persons = ""
	p.CommunicationRows[0].ProviderRoleID = nil
	p.CommunicationRows[1].Channel = ""
	p.EscalationLevels[1].Trigger = ""
	p.EscalationLevels[2].Level = 1
	p.Meetings[0].FirstDate = nil
	first := p.RaciActivities[0].ID
	var kept []RaciAssignment
	for _, a := range p.RaciAssignments {
		if a.ActivityID != first || a.Letter != RaciResponsible {
			kept = append(kept, a)
		}
	}
	p.RaciAssignments = kept // the first activity loses its R
	st, _, fs = EvaluateStructure(p, stDay("2027-05-12"))
	// Level 3 became a second level 1: sorted by level, then id, the two level-1 rows come first.
	want := []string{
		"raci.no_responsible tpl.activity.incident.report",
		"structure.role_no_person tpl.role.carrier_it",
		"structure.comm_no_provider tpl.comm.incidents",
		"structure.comm_no_channel tpl.comm.after_hours",
		"structure.escalation_duplicate 1",
		"structure.escalation_duplicate 1",
		"structure.escalation_no_trigger 2",
		"structure.meeting_no_date tpl.meeting.jourfixe",
	}
	if got := stCodes(fs); !slices.Equal(got, want) {
		t.Errorf("findings\n got %q\nwant %q", got, want)
	}
	if st != StateInProgress {
		t.Errorf("state %s", st)
	}

	// Parts missing are named once something exists.
	q := &Project{Roles: []Role{{ID: 1, Name: "SD", Party: PartyProvider, Persons: "Herr X"}}}
	_, _, fs = EvaluateStructure(q, stDay("2027-05-12"))
	want = []string{"structure.no_raci ", "structure.no_communication ", "structure.no_escalation ", "structure.no_meeting "}
	if got := stCodes(fs); !slices.Equal(got, want) {
		t.Errorf("missing parts\n got %q\nwant %q", got, want)
	}
}

func TestTemplateReusesRolesByName(t *testing.T) {
	p := &Project{Roles: []Role{{ID: 40, Name: " service  DESK ", Party: PartyProvider, SortOrder: 7}}}
	tr := func(k string) string {
		if k == TplRoleServiceDesk {
			return "Service Desk"
		}
		return k
	}
	tpl := BuildStructureTemplate(p, TemplateParts{Communication: true}, tr)
	for _, r := range tpl.Roles {
		if r.Name == "Service Desk" {
			t.Fatal("the existing Service Desk role was added again")
		}
		if r.ID <= 40 || r.SortOrder <= 7 {
			t.Errorf("new role %+v does not follow the existing one", r)
		}
	}
	if got := *tpl.Communication[0].ProviderRoleID; got != 40 {
		t.Errorf("incidents go to role %d, want the existing 40", got)
	}
	// Only the roles the communication rows name are added: media officer, school lead, carrier
	// IT, service manager, carrier lead and provider lead (the service desk exists).
	if len(tpl.Roles) != 6 {
		t.Errorf("%d roles added, want 6", len(tpl.Roles))
	}
}

func TestMeetingCadence(t *testing.T) {
	for _, c := range []struct {
		days    int
		monthly bool
		want    string
	}{
		{0, false, MeetingEveryOnce}, {7, false, MeetingEveryWeekly}, {14, false, MeetingEveryTwoWeeks}, {28, false, MeetingEveryFourWeeks},
		{30, true, MeetingEveryMonthly}, {28, true, MeetingEveryMonthly}, {30, false, MeetingEveryDays}, {91, false, MeetingEveryQuarterly},
		{21, false, MeetingEveryDays},
	} {
		if got := MeetingCadence(Meeting{CadenceDays: c.days}, MeetingRule{Monthly: c.monthly}); got != c.want {
			t.Errorf("%d days, monthly %v: %s, want %s", c.days, c.monthly, got, c.want)
		}
	}
}
