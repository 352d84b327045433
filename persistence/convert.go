package persistence

import (
	"fmt"

	"schulit-lotse/domain"
)

func toTaskRecord(t domain.Task) taskRecord {
	r := taskRecord{
		ID: t.ID, Name: t.Name, Responsible: t.Responsible, Note: t.Note, IsNew: t.IsNew,
		ValidFrom: dateToDB(t.ValidFrom), PriorityRank: t.Priority.Rank, Critical: t.Critical,
		PackageID: t.PackageID, CardX: t.CardX, CardY: t.CardY, Coverage: string(t.Coverage),
		NewResponsible: t.NewResponsible, SortOrder: t.SortOrder,
	}
	if t.Effort != nil {
		v := t.Effort.Value
		r.EffortValue = &v
		r.EffortUnit = string(t.Effort.Unit)
	}
	return r
}

func fromTaskRecord(r taskRecord) (domain.Task, error) {
	t := domain.Task{
		ID: r.ID, Name: r.Name, Responsible: r.Responsible, Note: r.Note, IsNew: r.IsNew,
		Priority: domain.Priority{Rank: r.PriorityRank}, Critical: r.Critical, PackageID: r.PackageID,
		CardX: r.CardX, CardY: r.CardY, Coverage: domain.Coverage(r.Coverage),
		NewResponsible: r.NewResponsible, SortOrder: r.SortOrder,
	}
	if r.EffortValue != nil {
		t.Effort = &domain.Effort{Value: *r.EffortValue, Unit: domain.EffortUnit(r.EffortUnit)}
	}
	var err error
	if t.ValidFrom, err = dateFromDB(r.ValidFrom); err != nil {
		return t, fmt.Errorf("tasks.valid_from (id %d): %w", r.ID, err)
	}
	if err := t.ValidateStored(); err != nil {
		return t, fmt.Errorf("tasks (id %d): %w", r.ID, err)
	}
	return t, nil
}

func toPackageRecord(p domain.Package) packageRecord {
	return packageRecord{ID: p.ID, Name: p.Name, Color: p.Color, TargetState: p.TargetState, Criteria: p.Criteria,
		X: p.X, Y: p.Y, Width: p.Width, Height: p.Height, ExternalHourlyRate: p.ExternalHourlyRate,
		ExternalMonthlyFee: p.ExternalMonthlyFee, SortOrder: p.SortOrder}
}

func fromPackageRecord(r packageRecord) domain.Package {
	return domain.Package{ID: r.ID, Name: r.Name, Color: r.Color, TargetState: r.TargetState, Criteria: r.Criteria,
		X: r.X, Y: r.Y, Width: r.Width, Height: r.Height, ExternalHourlyRate: r.ExternalHourlyRate,
		ExternalMonthlyFee: r.ExternalMonthlyFee, SortOrder: r.SortOrder}
}

func toProjectRecord(p *domain.Project) projectRecord {
	return projectRecord{ID: 1, Name: p.Meta.Name, Schultraeger: p.Meta.Schultraeger, Bundesland: string(p.Meta.Bundesland),
		CreatedAt: p.Meta.CreatedAt.UTC(), HoursPerPersonDay: p.Settings.HoursPerPersonDay, PriorityMode: string(p.Settings.PriorityMode),
		ResourcePlan: toJSON(p.Resource), Tender: toJSON(p.Tender), Contract: toJSON(p.Contract), Kickoff: toJSON(p.Kickoff), DataAsOf: dateToDB(p.Meta.DataAsOf)}
}

func fromProjectRecord(r projectRecord, p *domain.Project) error {
	p.Meta = domain.Meta{Name: r.Name, Schultraeger: r.Schultraeger, Bundesland: domain.Bundesland(r.Bundesland), CreatedAt: r.CreatedAt.UTC()}
	asOf, err := dateFromDB(r.DataAsOf)
	if err != nil {
		return fmt.Errorf("project.data_as_of: %w", err)
	}
	p.Meta.DataAsOf = asOf
	p.Settings = domain.Settings{HoursPerPersonDay: r.HoursPerPersonDay, PriorityMode: domain.PriorityMode(r.PriorityMode)}
	if err := domain.ValidateSettings(p.Settings); err != nil {
		return fmt.Errorf("project: %w", err)
	}
	for col, pair := range map[string]struct {
		s string
		v any
	}{"resource_plan": {r.ResourcePlan, &p.Resource}, "tender": {r.Tender, &p.Tender}, "contract": {r.Contract, &p.Contract}, "kickoff": {r.Kickoff, &p.Kickoff}} {
		if err := fromJSON(pair.s, pair.v); err != nil {
			return fmt.Errorf("project.%s: %w", col, err)
		}
	}
	return nil
}

func toDecisionRecord(d domain.SourcingDecision) sourcingDecisionRecord {
	return sourcingDecisionRecord{ID: d.ID, PackageID: d.PackageID, RiskDataProtection: d.RiskDataProtection, RiskSecurity: d.RiskSecurity,
		RiskOutage: d.RiskOutage, ProjectRisk: d.ProjectRisk, ImportanceUsers: d.ImportanceUsers, ImportanceCarrier: d.ImportanceCarrier,
		BudgetInternal: d.BudgetInternal, BudgetExternal: d.BudgetExternal, Notes: toJSON(d.Notes), CriteriaWeights: toJSON(d.CriteriaWeights),
		CriteriaScores: toJSON(d.CriteriaScores), Outcome: string(d.Outcome), DecidedBy: d.DecidedBy, DecidedOn: dateToDB(d.DecidedOn),
		Rationale: d.Rationale, PayGroupID: d.PayGroupID}
}

func fromDecisionRecord(r sourcingDecisionRecord) (domain.SourcingDecision, error) {
	d := domain.SourcingDecision{ID: r.ID, PackageID: r.PackageID, RiskDataProtection: r.RiskDataProtection, RiskSecurity: r.RiskSecurity,
		RiskOutage: r.RiskOutage, ProjectRisk: r.ProjectRisk, ImportanceUsers: r.ImportanceUsers, ImportanceCarrier: r.ImportanceCarrier,
		BudgetInternal: r.BudgetInternal, BudgetExternal: r.BudgetExternal, Outcome: domain.SourcingOutcome(r.Outcome), DecidedBy: r.DecidedBy,
		Rationale: r.Rationale, PayGroupID: r.PayGroupID}
	var err error
	if err = fromJSON(r.Notes, &d.Notes); err == nil {
		if err = fromJSON(r.CriteriaWeights, &d.CriteriaWeights); err == nil {
			if err = fromJSON(r.CriteriaScores, &d.CriteriaScores); err == nil {
				d.DecidedOn, err = dateFromDB(r.DecidedOn)
			}
		}
	}
	return d, wrapRow("sourcing_decisions", r.ID, err)
}

func toSLARecord(s domain.SLA) slaRecord {
	return slaRecord{ID: s.ID, Name: s.Name, PackageID: s.PackageID, Windows: toJSON(s.Windows), PublicHolidaysStopClock: s.PublicHolidaysStopClock,
		SchoolHolidaysStopClock: s.SchoolHolidaysStopClock, Classes: toJSON(s.Classes), HotlineAnsweredPct: s.HotlineAnsweredPct,
		HotlineMaxWaitSeconds: s.HotlineMaxWaitSeconds, SatisfactionTargetPct: s.SatisfactionTargetPct, ReportingCadence: s.ReportingCadence,
		FrozenForContract: s.FrozenForContract, Internal: s.Internal}
}

func fromSLARecord(r slaRecord) (domain.SLA, error) {
	s := domain.SLA{ID: r.ID, Name: r.Name, PackageID: r.PackageID, PublicHolidaysStopClock: r.PublicHolidaysStopClock,
		SchoolHolidaysStopClock: r.SchoolHolidaysStopClock, HotlineAnsweredPct: r.HotlineAnsweredPct, HotlineMaxWaitSeconds: r.HotlineMaxWaitSeconds,
		SatisfactionTargetPct: r.SatisfactionTargetPct, ReportingCadence: r.ReportingCadence, FrozenForContract: r.FrozenForContract,
		Internal: r.Internal}
	err := fromJSON(r.Windows, &s.Windows)
	if err == nil {
		err = fromJSON(r.Classes, &s.Classes)
	}
	return s, wrapRow("slas", r.ID, err)
}

func toHolidayRecord(h domain.SchoolHoliday) schoolHolidayRecord {
	return schoolHolidayRecord{ID: h.ID, Name: h.Name, First: h.First.String(), Last: h.Last.String(), Source: h.Source}
}

func fromHolidayRecord(r schoolHolidayRecord) (domain.SchoolHoliday, error) {
	h := domain.SchoolHoliday{ID: r.ID, Name: r.Name, Source: r.Source}
	var err error
	if h.First, err = domain.ParseDate(r.First); err == nil {
		h.Last, err = domain.ParseDate(r.Last)
	}
	return h, wrapRow("school_holidays", r.ID, err)
}

func toBidRecord(b domain.Bid) bidRecord {
	return bidRecord{ID: b.ID, Bidder: b.Bidder, Price: b.Price, Scores: toJSON(b.Scores), Note: b.Note, Reasons: toJSON(b.Reasons)}
}

func fromBidRecord(r bidRecord) (domain.Bid, error) {
	b := domain.Bid{ID: r.ID, Bidder: r.Bidder, Price: r.Price, Note: r.Note}
	err := fromJSON(r.Scores, &b.Scores)
	if err == nil {
		err = fromJSON(r.Reasons, &b.Reasons)
	}
	return b, wrapRow("bids", r.ID, err)
}

func toTenderLogRecord(e domain.TenderLogEntry) tenderLogRecord {
	return tenderLogRecord{ID: e.ID, On: e.On.String(), Kind: e.Kind, Reason: e.Reason, Criterion: e.Criterion,
		Field: e.Field, Before: e.Before, After: e.After}
}

func fromTenderLogRecord(r tenderLogRecord) (domain.TenderLogEntry, error) {
	on, err := domain.ParseDate(r.On)
	return domain.TenderLogEntry{ID: r.ID, On: on, Kind: r.Kind, Reason: r.Reason, Criterion: r.Criterion,
		Field: r.Field, Before: r.Before, After: r.After}, wrapRow("tender_log", r.ID, err)
}

func toMilestoneRecord(m domain.Milestone) milestoneRecord {
	return milestoneRecord{ID: m.ID, Name: m.Name, Due: dateToDB(m.Due), Owner: m.Owner, Status: m.Status, Note: m.Note, Fact: m.Fact}
}

func fromMilestoneRecord(r milestoneRecord) (domain.Milestone, error) {
	due, err := dateFromDB(r.Due)
	return domain.Milestone{ID: r.ID, Name: r.Name, Due: due, Owner: r.Owner, Status: r.Status, Note: r.Note, Fact: r.Fact},
		wrapRow("milestones", r.ID, err)
}

func toMeetingRecord(m domain.Meeting) meetingRecord {
	return meetingRecord{ID: m.ID, Name: m.Name, CadenceDays: m.CadenceDays, FirstDate: dateToDB(m.FirstDate), Agenda: m.Agenda}
}

func fromMeetingRecord(r meetingRecord) (domain.Meeting, error) {
	first, err := dateFromDB(r.FirstDate)
	return domain.Meeting{ID: r.ID, Name: r.Name, CadenceDays: r.CadenceDays, FirstDate: first, Agenda: r.Agenda},
		wrapRow("meetings", r.ID, err)
}

func toTicketRecord(t domain.Ticket) ticketRecord {
	return ticketRecord{ID: t.ID, ExternalID: t.ExternalID, Created: t.Created.Unix(), FirstResponse: timeToDB(t.FirstResponse),
		Resolved: timeToDB(t.Resolved), Priority: t.Priority, Category: t.Category, School: t.School, Status: t.Status, PackageID: t.PackageID,
		ResponseNotMeasured: t.ResponseNotMeasured}
}

func fromTicketRecord(r ticketRecord) domain.Ticket {
	return domain.Ticket{ID: r.ID, ExternalID: r.ExternalID, Created: *timeFromDB(&r.Created), FirstResponse: timeFromDB(r.FirstResponse),
		Resolved: timeFromDB(r.Resolved), Priority: r.Priority, Category: r.Category, School: r.School, Status: r.Status, PackageID: r.PackageID,
		ResponseNotMeasured: r.ResponseNotMeasured}
}

func toJourFixeRecord(j domain.JourFixe) jourFixeRecord {
	return jourFixeRecord{ID: j.ID, Date: j.Date.String(), Notes: j.Notes, FrozenKPIs: j.FrozenKPIs}
}

func fromJourFixeRecord(r jourFixeRecord) (domain.JourFixe, error) {
	date, err := domain.ParseDate(r.Date)
	return domain.JourFixe{ID: r.ID, Date: date, Notes: r.Notes, FrozenKPIs: r.FrozenKPIs}, wrapRow("jour_fixes", r.ID, err)
}

func toMeasureRecord(m domain.Measure) measureRecord {
	return measureRecord{ID: m.ID, JourFixeID: m.JourFixeID, Text: m.Text, Due: dateToDB(m.Due), Status: m.Status}
}

func fromMeasureRecord(r measureRecord) (domain.Measure, error) {
	due, err := dateFromDB(r.Due)
	return domain.Measure{ID: r.ID, JourFixeID: r.JourFixeID, Text: r.Text, Due: due, Status: r.Status}, wrapRow("measures", r.ID, err)
}

func toKnowledgeRecord(k domain.KnowledgeCheck) knowledgeCheckRecord {
	return knowledgeCheckRecord{ID: k.ID, Subject: k.Subject, ReviewedOn: dateToDB(k.ReviewedOn), ReviewedBy: k.ReviewedBy, Findings: k.Findings}
}

func fromKnowledgeRecord(r knowledgeCheckRecord) (domain.KnowledgeCheck, error) {
	reviewed, err := dateFromDB(r.ReviewedOn)
	return domain.KnowledgeCheck{ID: r.ID, Subject: r.Subject, ReviewedOn: reviewed, ReviewedBy: r.ReviewedBy, Findings: r.Findings},
		wrapRow("knowledge_checks", r.ID, err)
}

func wrapRow(table string, id int64, err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("%s (id %d): %w", table, id, err)
}

func toRaciActivityRecord(a domain.RaciActivity) raciActivityRecord {
	return raciActivityRecord{ID: a.ID, Process: a.Process, Name: a.Name, SortOrder: a.SortOrder, PackageID: a.PackageID}
}

func fromRaciActivityRecord(r raciActivityRecord) domain.RaciActivity {
	return domain.RaciActivity{ID: r.ID, Process: r.Process, Name: r.Name, SortOrder: r.SortOrder, PackageID: r.PackageID}
}
