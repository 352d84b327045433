package domain

// MonitoringCounts are what the step evaluators need of the monitoring raw data: how many
// tickets, calls and answers there are, and the tickets per priority as imported. A project read
// without its raw data (for check and summary on a large file) carries them instead.
type MonitoringCounts struct {
	Tickets, Calls, Answers int
	TicketsByPriority       map[string]int
}

// monitoringCounts counts the raw data, or takes the counts the project was loaded with when it
// holds no raw rows.
func (p *Project) monitoringCounts() MonitoringCounts {
	if p.Counts != nil && len(p.Tickets) == 0 && len(p.Calls) == 0 && len(p.SurveyAnswers) == 0 {
		return *p.Counts
	}
	c := MonitoringCounts{Tickets: len(p.Tickets), Calls: len(p.Calls), Answers: len(p.SurveyAnswers), TicketsByPriority: map[string]int{}}
	for _, t := range p.Tickets {
		c.TicketsByPriority[t.Priority]++
	}
	return c
}
