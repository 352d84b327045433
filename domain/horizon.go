package domain

// PlanningEnd is the last day the project looks ahead to: the end of the year five years
// after today or, if later, of the year its contract's fixed term ends. Endless recurring
// calendar entries (public holidays every year) are expanded up to it.
func (p *Project) PlanningEnd(today Date) Date {
	y := today.Year() + 5
	if c := p.Contract; c.Start != nil && c.TermMonths > 0 {
		if end := c.Start.AddDate(0, c.TermMonths, 0); end.Year() > y {
			y = end.Year()
		}
	}
	return NewDate(y, 12, 31)
}
