package kpi

import (
	"sort"
	"time"

	"schulit-lotse/domain"
)

// HotlineKPIs are the figures of the calls in a period.
type HotlineKPIs struct {
	Calls    int `json:"calls"`
	Answered int `json:"answered"`
	Missed   int `json:"missed"`
	// AnsweredPct and AbandonPct are the shares of answered and of missed (abandoned) calls.
	AnsweredPct float64 `json:"answeredPct"`
	AbandonPct  float64 `json:"abandonPct"`
	// ASASeconds is the average speed of answer: the mean wait of the answered calls.
	ASASeconds      float64 `json:"asaSeconds"`
	MeanTalkSeconds float64 `json:"meanTalkSeconds"`
	// WithinWait counts answered calls that waited no longer than the SLA's maximum wait.
	WithinWait    int     `json:"withinWait"`
	WithinWaitPct float64 `json:"withinWaitPct"`
	// Heat[d][h] counts calls on weekday d (0 = Monday … 6 = Sunday) in hour h, Berlin time;
	// HeatMissed the missed ones among them.
	Heat       [7][24]int `json:"heat"`
	HeatMissed [7][24]int `json:"heatMissed"`

	waitSum int64
}

func (h HotlineKPIs) asa() measured {
	if h.Answered == 0 {
		return measured{}
	}
	return measured{v: float64(h.waitSum) / float64(h.Answered), n: h.Answered, ok: true}
}

// WeekdayIndex is the heat map row of a weekday: Monday 0 … Sunday 6.
func WeekdayIndex(d time.Weekday) int { return (int(d) + 6) % 7 }

func computeHotline(calls []domain.Call, period Period, maxWait float64) HotlineKPIs {
	var h HotlineKPIs
	start, end := period.Start(), period.End()
	var talk int64
	for i := range calls {
		c := &calls[i]
		if c.At.Before(start) || !c.At.Before(end) {
			continue
		}
		h.Calls++
		l := c.At.In(domain.Berlin)
		d, hr := WeekdayIndex(l.Weekday()), l.Hour()
		h.Heat[d][hr]++
		if !c.Answered {
			h.Missed++
			h.HeatMissed[d][hr]++
			continue
		}
		h.Answered++
		h.waitSum += int64(c.WaitSeconds)
		talk += int64(c.TalkSeconds)
		if maxWait > 0 && float64(c.WaitSeconds) <= maxWait {
			h.WithinWait++
		}
	}
	if h.Calls > 0 {
		h.AnsweredPct = round(float64(h.Answered) / float64(h.Calls) * 100)
		h.AbandonPct = round(float64(h.Missed) / float64(h.Calls) * 100)
	}
	if h.Answered > 0 {
		h.ASASeconds = round(float64(h.waitSum) / float64(h.Answered))
		h.MeanTalkSeconds = round(float64(talk) / float64(h.Answered))
		if maxWait > 0 {
			h.WithinWaitPct = round(float64(h.WithinWait) / float64(h.Answered) * 100)
		}
	}
	return h
}

// SatisfactionKPIs are the figures of the survey answers in a period (scale 1–5, 5 best).
type SatisfactionKPIs struct {
	Answers int `json:"answers"`
	// Satisfied counts answers of 4 or 5; CSATPct is their share.
	Satisfied int     `json:"satisfied"`
	CSATPct   float64 `json:"csatPct"`
	Mean      float64 `json:"mean"`
	// Counts[s-1] is the number of answers with score s.
	Counts     [5]int     `json:"counts"`
	ByQuestion []SatGroup `json:"byQuestion"`
	BySchool   []SatGroup `json:"bySchool"`

	sum int
}

// SatGroup is the satisfaction of one question or school.
type SatGroup struct {
	Key string `json:"key"`
	// Label is the question as shown (its text or the user's name for it), "" for schools.
	Label   string  `json:"label,omitempty"`
	Answers int     `json:"answers"`
	CSATPct float64 `json:"csatPct"`
	Mean    float64 `json:"mean"`

	satisfied, sum int
}

// SatisfiedScore is the lowest score that counts as satisfied.
const SatisfiedScore = 4

func (s SatisfactionKPIs) mean() measured {
	if s.Answers == 0 {
		return measured{}
	}
	return measured{v: float64(s.sum) / float64(s.Answers), n: s.Answers, ok: true}
}

func computeSatisfaction(answers []domain.SurveyAnswer, period Period) SatisfactionKPIs {
	var s SatisfactionKPIs
	start, end := period.Start(), period.End()
	byQ, byS := map[string]*SatGroup{}, map[string]*SatGroup{}
	add := func(m map[string]*SatGroup, key string, score int) {
		g := m[key]
		if g == nil {
			g = &SatGroup{Key: key}
			m[key] = g
		}
		g.Answers++
		g.sum += score
		if score >= SatisfiedScore {
			g.satisfied++
		}
	}
	for i := range answers {
		a := &answers[i]
		if a.At.Before(start) || !a.At.Before(end) || a.Score < 1 || a.Score > 5 {
			continue
		}
		s.Answers++
		s.sum += a.Score
		s.Counts[a.Score-1]++
		if a.Score >= SatisfiedScore {
			s.Satisfied++
		}
		add(byQ, a.Question, a.Score)
		add(byS, a.School, a.Score)
	}
	if s.Answers > 0 {
		s.CSATPct = round(float64(s.Satisfied) / float64(s.Answers) * 100)
		s.Mean = round(float64(s.sum) / float64(s.Answers))
	}
	s.ByQuestion = satList(byQ)
	s.BySchool = satList(byS)
	return s
}

func satList(m map[string]*SatGroup) []SatGroup {
	out := make([]SatGroup, 0, len(m))
	for _, g := range m {
		g.CSATPct = round(float64(g.satisfied) / float64(g.Answers) * 100)
		g.Mean = round(float64(g.sum) / float64(g.Answers))
		out = append(out, *g)
	}
	sort.Slice(out, func(a, b int) bool { return out[a].Key < out[b].Key })
	return out
}
