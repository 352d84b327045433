package domain

import (
	"slices"
	"strings"
)

// The templates of step 11: the roles, RACI activities, communication rows, escalation levels
// and standing meetings a Schulträger starts from. Names are translation keys; the caller
// passes a translator, so the template lands in the user's language as ordinary, editable data.

// RoleTemplate is a role ready to add. Key is the translation key of its name.
type RoleTemplate struct {
	Key   string
	Party Party
}

// Role template keys, also used by the other templates to name their roles.
const (
	TplRoleCarrierIT     = "tpl.role.carrier_it"
	TplRoleCarrierLead   = "tpl.role.carrier_lead"
	TplRoleSchoolLead    = "tpl.role.school_lead"
	TplRoleMedia         = "tpl.role.media"
	TplRoleServiceDesk   = "tpl.role.service_desk"
	TplRoleSecondLevel   = "tpl.role.second_level"
	TplRoleOnSite        = "tpl.role.onsite"
	TplRoleServiceManage = "tpl.role.service_manager"
	TplRoleProviderLead  = "tpl.role.provider_lead"
)

// RoleTemplates are the roles of the seed (Medienbeauftragte, Service Desk,
// Serviceverantwortliche:r) and those a school-IT support usually has besides.
var RoleTemplates = []RoleTemplate{
	{TplRoleCarrierIT, PartyCarrier},
	{TplRoleCarrierLead, PartyCarrier},
	{TplRoleSchoolLead, PartySchool},
	{TplRoleMedia, PartySchool},
	{TplRoleServiceDesk, PartyProvider},
	{TplRoleSecondLevel, PartyProvider},
	{TplRoleOnSite, PartyProvider},
	{TplRoleServiceManage, PartyProvider},
	{TplRoleProviderLead, PartyProvider},
}

// RaciTemplateActivity is a row of the RACI template: process and activity as translation keys
// and the letter of each template role.
type RaciTemplateActivity struct {
	ProcessKey string
	NameKey    string
	Letters    map[string]string // role template key → R, A, C or I
}

// RaciProcessKeys are the processes of the template, in order.
var RaciProcessKeys = []string{
	"tpl.process.incident", "tpl.process.first_attempt", "tpl.process.second_level", "tpl.process.onsite",
	"tpl.process.accounts", "tpl.process.software", "tpl.process.hardware", "tpl.process.escalation",
	"tpl.process.reporting", "tpl.process.knowledge",
}

// RaciTemplate is a support model for school IT: the school tries first, the provider's service
// desk takes every incident, second level and on-site staff solve it, the Schulträger steers.
// Every activity has exactly one A and at least one R, and every role is R or A somewhere.
var RaciTemplate = []RaciTemplateActivity{
	{"tpl.process.incident", "tpl.activity.incident.report", raciRow(TplRoleMedia, "R", TplRoleSchoolLead, "A", TplRoleServiceDesk, "I")},
	{"tpl.process.incident", "tpl.activity.incident.ticket", raciRow(TplRoleServiceDesk, "R", TplRoleServiceManage, "A", TplRoleMedia, "I")},
	{"tpl.process.first_attempt", "tpl.activity.first_attempt.try", raciRow(TplRoleMedia, "R", TplRoleSchoolLead, "A", TplRoleServiceDesk, "C")},
	{"tpl.process.first_attempt", "tpl.activity.first_attempt.record", raciRow(TplRoleMedia, "R", TplRoleServiceDesk, "A")},
	{"tpl.process.second_level", "tpl.activity.second_level.remote", raciRow(TplRoleSecondLevel, "R", TplRoleServiceManage, "A", TplRoleServiceDesk, "C", TplRoleMedia, "I")},
	{"tpl.process.second_level", "tpl.activity.second_level.close", raciRow(TplRoleServiceDesk, "R", TplRoleServiceManage, "A", TplRoleMedia, "C")},
	{"tpl.process.onsite", "tpl.activity.onsite.schedule", raciRow(TplRoleServiceDesk, "R", TplRoleServiceManage, "A", TplRoleMedia, "C", TplRoleSchoolLead, "I")},
	{"tpl.process.onsite", "tpl.activity.onsite.repair", raciRow(TplRoleOnSite, "R", TplRoleServiceManage, "A", TplRoleMedia, "I")},
	{"tpl.process.accounts", "tpl.activity.accounts.list", raciRow(TplRoleMedia, "R", TplRoleSchoolLead, "A", TplRoleServiceDesk, "I")},
	{"tpl.process.accounts", "tpl.activity.accounts.maintain", raciRow(TplRoleSecondLevel, "R", TplRoleServiceManage, "A", TplRoleCarrierIT, "I", TplRoleMedia, "I")},
	{"tpl.process.accounts", "tpl.activity.accounts.password", raciRow(TplRoleServiceDesk, "R", TplRoleServiceManage, "A", TplRoleMedia, "I")},
	{"tpl.process.software", "tpl.activity.software.request", raciRow(TplRoleMedia, "R", TplRoleSchoolLead, "A", TplRoleCarrierIT, "C")},
	{"tpl.process.software", "tpl.activity.software.approve", raciRow(TplRoleCarrierIT, "R", TplRoleCarrierLead, "A", TplRoleServiceManage, "C", TplRoleMedia, "I")},
	{"tpl.process.software", "tpl.activity.software.deploy", raciRow(TplRoleSecondLevel, "R", TplRoleServiceManage, "A", TplRoleCarrierIT, "I", TplRoleMedia, "I")},
	{"tpl.process.hardware", "tpl.activity.hardware.plan", raciRow(TplRoleServiceManage, "R", TplRoleCarrierIT, "A", TplRoleSchoolLead, "C", TplRoleMedia, "I")},
	{"tpl.process.hardware", "tpl.activity.hardware.service", raciRow(TplRoleOnSite, "R", TplRoleServiceManage, "A", TplRoleMedia, "I")},
	{"tpl.process.escalation", "tpl.activity.escalation.raise", raciRow(TplRoleCarrierIT, "R", TplRoleCarrierLead, "A", TplRoleMedia, "C", TplRoleServiceManage, "I")},
	{"tpl.process.escalation", "tpl.activity.escalation.resolve", raciRow(TplRoleServiceManage, "R", TplRoleProviderLead, "A", TplRoleCarrierIT, "C", TplRoleCarrierLead, "I")},
	{"tpl.process.reporting", "tpl.activity.reporting.write", raciRow(TplRoleServiceDesk, "R", TplRoleServiceManage, "A", TplRoleCarrierIT, "I")},
	{"tpl.process.reporting", "tpl.activity.reporting.review", raciRow(TplRoleCarrierIT, "R", TplRoleCarrierLead, "A", TplRoleServiceManage, "C", TplRoleSchoolLead, "I")},
	{"tpl.process.knowledge", "tpl.activity.knowledge.document", raciRow(TplRoleSecondLevel, "R", TplRoleOnSite, "R", TplRoleServiceManage, "A", TplRoleServiceDesk, "I")},
	{"tpl.process.knowledge", "tpl.activity.knowledge.check", raciRow(TplRoleCarrierIT, "R", TplRoleCarrierLead, "A", TplRoleServiceManage, "C")},
}

// rl builds a role → letter map from pairs.
func raciRow(pairs ...string) map[string]string {
	m := make(map[string]string, len(pairs)/2)
	for i := 0; i+1 < len(pairs); i += 2 {
		m[pairs[i]] = pairs[i+1]
	}
	return m
}

// CommunicationTemplate is a row of the communication matrix (Abb. 11 of the seed).
type CommunicationTemplate struct {
	OccasionKey  string
	CustomerRole string // role template key
	ProviderRole string
	ChannelKey   string
	HoursKey     string
}

// CommunicationTemplates are the occasions the seed lists, with the contacts it names where it
// names them.
var CommunicationTemplates = []CommunicationTemplate{
	{"tpl.comm.incidents", TplRoleMedia, TplRoleServiceDesk, "tpl.channel.phone_ticket", "tpl.hours.service"},
	{"tpl.comm.after_hours", TplRoleSchoolLead, TplRoleServiceDesk, "tpl.channel.emergency_phone", "tpl.hours.after"},
	{"tpl.comm.orders", TplRoleCarrierIT, TplRoleServiceManage, "tpl.channel.ticket", "tpl.hours.workdays"},
	{"tpl.comm.escalation", TplRoleCarrierIT, TplRoleServiceManage, "tpl.channel.email", "tpl.hours.workdays"},
	{"tpl.comm.requests", TplRoleCarrierIT, TplRoleServiceManage, "tpl.channel.email", "tpl.hours.workdays"},
	{"tpl.comm.contract", TplRoleCarrierLead, TplRoleProviderLead, "tpl.channel.letter", "tpl.hours.agreed"},
}

// ChannelKeys are the contact channels a communication row offers (translation keys).
var ChannelKeys = []string{
	"tpl.channel.phone", "tpl.channel.ticket", "tpl.channel.email", "tpl.channel.phone_ticket",
	"tpl.channel.emergency_phone", "tpl.channel.portal", "tpl.channel.letter", "tpl.channel.meeting",
}

// EscalationTemplate is an escalation level of the template.
type EscalationTemplate struct {
	Level         int
	TriggerKey    string
	CustomerRole  string
	ProviderRole  string
	ReactionHours int
}

// EscalationTemplates: three levels, each reached when the one below did not help in time.
var EscalationTemplates = []EscalationTemplate{
	{1, "tpl.escalation.1", TplRoleMedia, TplRoleServiceDesk, 4},
	{2, "tpl.escalation.2", TplRoleCarrierIT, TplRoleServiceManage, 8},
	{3, "tpl.escalation.3", TplRoleCarrierLead, TplRoleProviderLead, 40},
}

// MeetingTemplate is a standing meeting of the template.
type MeetingTemplate struct {
	NameKey     string
	CadenceDays int
	Rule        MeetingRule
	// ParticipantRoles are the template roles (RoleTemplates keys) whose people take part.
	ParticipantRoles []string
	AgendaKey        string
}

// MeetingTemplates are the standing meetings offered: a monthly Jour fixe, a quarterly steering
// round and a round of the schools' media officers.
var MeetingTemplates = []MeetingTemplate{
	{"tpl.meeting.jourfixe", 30, MeetingRule{Monthly: true, SkipOffDays: true},
		[]string{TplRoleCarrierIT, TplRoleServiceManage}, "tpl.meeting.jourfixe.agenda"},
	{"tpl.meeting.steering", 91, MeetingRule{SkipOffDays: true},
		[]string{TplRoleCarrierLead, TplRoleCarrierIT, TplRoleProviderLead, TplRoleServiceManage}, "tpl.meeting.steering.agenda"},
	{"tpl.meeting.schools", 56, MeetingRule{SkipOffDays: true, SkipSchoolHolidays: true},
		[]string{TplRoleMedia, TplRoleServiceDesk, TplRoleCarrierIT}, "tpl.meeting.schools.agenda"},
}

// StructureTemplate is the filled-in template: new roles (existing roles with a template role's
// name are reused), activities, cells, communication rows and escalation levels, with ids
// taken from NextIDs so that they can be stored at once.
type StructureTemplate struct {
	Roles         []Role
	Activities    []RaciActivity
	Assignments   []RaciAssignment
	Communication []CommunicationRow
	Escalation    []EscalationLevel
}

// TemplateParts chooses which parts BuildStructureTemplate fills in (roles are always added as
// far as the chosen parts need them).
type TemplateParts struct {
	Roles, Raci, Communication, Escalation bool
}

// BuildStructureTemplate fills in the chosen parts of the template for project p, translated by
// tr. Roles already present (same name, compared without case and extra spaces) are reused, new
// ones appended after the existing ones; activities, rows and levels are appended after theirs.
func BuildStructureTemplate(p *Project, parts TemplateParts, tr func(string) string) StructureTemplate {
	var out StructureTemplate
	ids := templateNextIDs(p)
	roleID := map[string]int64{}
	byName := map[string]int64{}
	for _, r := range p.Roles {
		byName[NormalizedName(r.Name)] = r.ID
	}
	sortRole := templateMaxSort(len(p.Roles), func(i int) int { return p.Roles[i].SortOrder })
	role := func(key string) int64 {
		if id, ok := roleID[key]; ok {
			return id
		}
		name := tr(key)
		id, ok := byName[NormalizedName(name)]
		if !ok {
			ids.role++
			sortRole++
			id = ids.role
			out.Roles = append(out.Roles, Role{ID: id, Name: name, Party: templateRoleParty(key), SortOrder: sortRole})
			byName[NormalizedName(name)] = id
		}
		roleID[key] = id
		return id
	}
	if parts.Roles {
		for _, t := range RoleTemplates {
			role(t.Key)
		}
	}
	if parts.Raci {
		sortAct := templateMaxSort(len(p.RaciActivities), func(i int) int { return p.RaciActivities[i].SortOrder })
		for _, t := range RaciTemplate {
			ids.activity++
			sortAct++
			a := RaciActivity{ID: ids.activity, Process: tr(t.ProcessKey), Name: tr(t.NameKey), SortOrder: sortAct}
			out.Activities = append(out.Activities, a)
			for _, rt := range RoleTemplates { // in role order, so the cells come out sorted
				if l, ok := t.Letters[rt.Key]; ok {
					out.Assignments = append(out.Assignments, RaciAssignment{ActivityID: a.ID, RoleID: role(rt.Key), Letter: l})
				}
			}
		}
	}
	if parts.Communication {
		sortComm := templateMaxSort(len(p.CommunicationRows), func(i int) int { return p.CommunicationRows[i].SortOrder })
		for _, t := range CommunicationTemplates {
			ids.comm++
			sortComm++
			c, pr := role(t.CustomerRole), role(t.ProviderRole)
			out.Communication = append(out.Communication, CommunicationRow{ID: ids.comm, Occasion: tr(t.OccasionKey),
				CustomerRoleID: &c, ProviderRoleID: &pr, Channel: tr(t.ChannelKey), Hours: tr(t.HoursKey), SortOrder: sortComm})
		}
	}
	if parts.Escalation {
		for _, t := range EscalationTemplates {
			ids.escalation++
			c, pr := role(t.CustomerRole), role(t.ProviderRole)
			out.Escalation = append(out.Escalation, EscalationLevel{ID: ids.escalation, Level: t.Level, Trigger: tr(t.TriggerKey),
				CustomerRoleID: &c, ProviderRoleID: &pr, ReactionHours: t.ReactionHours})
		}
	}
	return out
}

// MeetingFromTemplate is a template meeting of project p starting on first, with its rule. Its
// participants are the persons who hold the roles the template names; a role nobody holds yet
// stays as a guest of the role's name.
func MeetingFromTemplate(p *Project, t MeetingTemplate, first *Date, tr func(string) string) (Meeting, MeetingRule) {
	roles := make([]string, len(t.ParticipantRoles))
	for i, k := range t.ParticipantRoles {
		roles[i] = tr(k)
	}
	m := Meeting{Name: tr(t.NameKey), CadenceDays: t.CadenceDays, Participants: p.RoleAttendees(roles), Agenda: tr(t.AgendaKey)}
	if first != nil {
		d := *first
		m.FirstDate = &d
	}
	return m, t.Rule
}

func templateRoleParty(key string) Party {
	for _, t := range RoleTemplates {
		if t.Key == key {
			return t.Party
		}
	}
	return PartyOther
}

func templateMaxSort(n int, at func(int) int) int {
	m := 0
	for i := 0; i < n; i++ {
		m = max(m, at(i))
	}
	return m
}

// structureIDs are the largest ids in use per list of step 11.
type structureIDs struct{ role, activity, comm, escalation int64 }

func templateNextIDs(p *Project) structureIDs {
	var s structureIDs
	for _, r := range p.Roles {
		s.role = max(s.role, r.ID)
	}
	for _, a := range p.RaciActivities {
		s.activity = max(s.activity, a.ID)
	}
	for _, c := range p.CommunicationRows {
		s.comm = max(s.comm, c.ID)
	}
	for _, e := range p.EscalationLevels {
		s.escalation = max(s.escalation, e.ID)
	}
	return s
}

// ProcessNames are the distinct process names of the activities, in their order (for the
// process field's suggestions).
func ProcessNames(as []RaciActivity) []string {
	seen := map[string]bool{}
	var out []string
	for _, a := range SortedActivities(as) {
		p := strings.TrimSpace(a.Process)
		if p != "" && !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	return out
}

// RoleAttendees turns role names into the persons who hold those roles, in the order of the
// names: the persons the role lists as its own, or else everyone holding it (deputies come when
// needed, not by default); a role no person holds stays as a guest of its name.
func (p *Project) RoleAttendees(roles []string) []Attendee {
	var out []Attendee
	seen := map[int64]bool{}
	add := func(id int64) {
		if !seen[id] {
			seen[id] = true
			out = append(out, Attendee{PersonID: &id})
		}
	}
	for _, name := range roles {
		var holders, own []int64
		for _, r := range p.Roles {
			if NormalizedName(r.Name) != NormalizedName(name) {
				continue
			}
			main := map[string]bool{}
			for _, n := range roleNames(r.Persons) {
				main[personKey(n)] = true
			}
			for _, x := range SortedPersons(p.Persons) {
				if slices.Contains(x.RoleIDs, r.ID) {
					holders = append(holders, x.ID)
					if main[personKey(x.Name)] {
						own = append(own, x.ID)
					}
				}
			}
		}
		if len(own) > 0 {
			holders = own
		}
		for _, id := range holders {
			add(id)
		}
		if len(holders) == 0 {
			out = append(out, Attendee{Guest: name})
		}
	}
	return out
}
