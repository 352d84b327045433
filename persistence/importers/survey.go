package importers

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"schulit-lotse/domain"
)

// Fields of a survey export (generic format).
const (
	SurveyDate     = "date"
	SurveySchool   = "school"
	SurveyQuestion = "question" // long format: one answer per row
	SurveyScore    = "score"
)

// SurveyFields are the survey fields in the order the mapping dialog shows them.
var SurveyFields = []string{SurveyDate, SurveySchool, SurveyQuestion, SurveyScore}

var surveyAliases = map[string][]string{
	SurveyDate: {"submitdate", "datum abgeschickt", "date submitted", "date de soumission", "datestamp", "datum", "date", "zeitpunkt",
		"zeitstempel", "timestamp", "eingereicht", "abgeschickt", "submitted"},
	SurveySchool:   {"schule", "school", "einrichtung", "standort", "schulname"},
	SurveyQuestion: {"frage", "question", "fragecode", "item"},
	SurveyScore:    {"bewertung", "score", "antwort", "answer", "wert", "value", "note", "punkte"},
}

// limeMeta are LimeSurvey's own columns of a response export: never answers, and some of them
// (IP address, referrer, token) are personal data that must not be read at all.
var limeMeta = map[string]bool{
	"id": true, "submitdate": true, "lastpage": true, "startlanguage": true, "seed": true, "startdate": true,
	"datestamp": true, "ipaddr": true, "refurl": true, "token": true, "interviewtime": true, "optout": true,
	"completed": true, "email": true, "firstname": true, "lastname": true, "response id": true, "antwort id": true,
	"datum abgeschickt": true, "letzte seite": true, "start-sprache": true, "startsprache": true, "zufallsstartwert": true,
	"datum gestartet": true, "datum der letzten aktivität": true, "ip-adresse": true, "verweis-url": true,
	// LimeSurvey's English and French full-text headings of the same columns
	"date submitted": true, "last page": true, "start language": true, "date started": true, "date last action": true,
	"ip address": true, "referrer url": true, "id de la réponse": true, "date de soumission": true, "dernière page": true,
	"langue de départ": true, "date de début": true, "date de la dernière action": true, "adresse ip": true, "url de référence": true,
}

// limeKey is how a survey heading is compared: the code of a "code. text" heading
// ("submitdate. Date submitted" → submitdate), else the heading.
func limeKey(h string) string {
	if code, _, ok := domain.SplitQuestionHeading(strings.TrimPrefix(h, "\ufeff")); ok {
		return normHeader(code)
	}
	return normHeader(h)
}

// limeCodes is a heading row with every "code. text" heading reduced to its code.
func limeCodes(row []string) []string {
	out := make([]string, len(row))
	for i, h := range row {
		out[i] = limeKey(h)
	}
	return out
}

// scoreWords read answer texts of a five-point satisfaction scale (5 = best).
var scoreWords = map[string]int{
	"sehr zufrieden": 5, "zufrieden": 4, "teils/teils": 3, "teils, teils": 3, "teils teils": 3, "neutral": 3, "weder noch": 3,
	"unzufrieden": 2, "sehr unzufrieden": 1, "eher zufrieden": 4, "eher unzufrieden": 2,
	"very satisfied": 5, "satisfied": 4, "neither satisfied nor dissatisfied": 3, "dissatisfied": 2, "very dissatisfied": 1,
	"sehr gut": 5, "gut": 4, "befriedigend": 3, "ausreichend": 2, "mangelhaft": 1, "ungenügend": 1,
	"trifft voll zu": 5, "trifft eher zu": 4, "trifft teilweise zu": 3, "trifft eher nicht zu": 2, "trifft nicht zu": 1,
	"trifft gar nicht zu": 1, "trifft überhaupt nicht zu": 1,
	// agreement: Stimme voll zu … Stimme gar nicht zu; Strongly agree … Strongly disagree
	"stimme voll zu": 5, "stimme voll und ganz zu": 5, "stimme zu": 4, "stimme eher zu": 4, "stimme teilweise zu": 3,
	"stimme eher nicht zu": 2, "stimme nicht zu": 2, "stimme gar nicht zu": 1, "stimme überhaupt nicht zu": 1,
	"strongly agree": 5, "agree": 4, "somewhat agree": 4, "neither agree nor disagree": 3, "somewhat disagree": 2,
	"disagree": 2, "strongly disagree": 1,
	// importance: Sehr wichtig … Völlig unwichtig; Very important … Not at all important
	"sehr wichtig": 5, "wichtig": 4, "eher wichtig": 4, "teilweise wichtig": 3, "mittelmäßig wichtig": 3, "eher unwichtig": 2,
	"weniger wichtig": 2, "unwichtig": 2, "völlig unwichtig": 1, "gar nicht wichtig": 1, "überhaupt nicht wichtig": 1,
	"very important": 5, "important": 4, "moderately important": 3, "slightly important": 2, "not important": 1,
	"not at all important": 1, "unimportant": 1,
}

// noAnswer are values that say "no answer": they are skipped, not counted.
var noAnswer = map[string]bool{"": true, "n/a": true, "na": true, "-": true, "keine angabe": true, "k.a.": true, "weiß nicht": true,
	"weiss nicht": true, "no answer": true, "don't know": true, "keine antwort": true}

// scoreOf reads one answer of a question mapped as the satisfaction scale: 1–5, LimeSurvey
// answer codes (A1…A5, AO01…AO05) or a scale text. skip is true for "no answer".
func scoreOf(v string) (score int, skip, ok bool) {
	n := domain.NormalizeSourceValue(v)
	if noAnswer[n] {
		return 0, true, true
	}
	if s, found := scoreWords[n]; found {
		return s, false, true
	}
	digits := strings.TrimLeft(n, "ao")
	if digits != n && len(n)-len(digits) <= 2 {
		n = digits
	}
	return numericScore(n)
}

// labelled is an answer text with its value in brackets, as LimeSurvey exports labelled
// answers: "Agree (6)", "Stimme voll zu (7)".
var labelled = regexp.MustCompile(`\((\d{1,3})\)\s*$`)

// scaledScore reads an answer of a mapped question on its scale: the number of a labelled
// answer ("Agree (6)"), a word of a five-point scale ("Stimme eher zu", "Strongly agree"), or a
// number of the scale put onto 1–5 (domain.Scale.ToFive: on 1–7, 6 → 4,33 → 4; on 0–10,
// 7 → 3,8 → 4). On 1–5, LimeSurvey's answer codes A1 … A5 count as well.
func scaledScore(v string, sc domain.Scale) (score int, skip, ok bool) {
	if m := labelled.FindStringSubmatch(v); m != nil {
		v = m[1]
	}
	if sc == domain.FivePoint {
		return scoreOf(v)
	}
	n := domain.NormalizeSourceValue(v)
	if noAnswer[n] {
		return 0, true, true
	}
	if s, found := scoreWords[n]; found {
		return s, false, true
	}
	x, err := strconv.Atoi(n)
	if err != nil || x < sc.Min || x > sc.Max {
		return 0, false, false
	}
	return sc.ToFive(x), false, true
}

// guessScore reads an answer of a question nobody mapped: only a number 1–5 counts. Answer
// codes (A1, A2 …) are the options of a list question in the survey's own order, not a scale,
// and texts may be anything; such a question is a satisfaction question only when the user
// chooses it.
func guessScore(v string) (score int, skip, ok bool) {
	n := domain.NormalizeSourceValue(v)
	if noAnswer[n] {
		return 0, true, true
	}
	return numericScore(n)
}

func numericScore(n string) (int, bool, bool) {
	if x, err := strconv.Atoi(n); err == nil && x >= 1 && x <= 5 {
		return x, false, true
	}
	if f, err := strconv.ParseFloat(strings.Replace(n, ",", ".", 1), 64); err == nil && f == float64(int(f)) && f >= 1 && f <= 5 {
		return int(f), false, true
	}
	return 0, false, false
}

// SurveyOptions choose how a survey export is read.
type SurveyOptions struct {
	Mapping  domain.SurveyMapping
	Columns  map[string]string // generic: field → header
	Location *time.Location
}

// SurveyFile is a survey export read and checked. Re-importing replaces the answers to its
// questions between First and Last (a response export has no ids the project keeps).
type SurveyFile struct {
	Table       *Table
	HeaderRow   int
	Headers     []string
	Questions   []string // the headers counted as satisfaction questions
	School      string   // the header of the school column, if any
	Answers     []domain.SurveyAnswer
	First, Last time.Time
	// Incomplete counts responses without a submit date (not finished): they are left out.
	Incomplete int
	// used are the columns read (date, school, questions; question and score of a long list).
	used map[int]bool
}

// Unused are the headings of the columns the import does not read, in file order, without
// LimeSurvey's own columns (id, seed, times …): the questions not counted, mostly.
func (f *SurveyFile) Unused() []string {
	var out []string
	for c, h := range f.Headers {
		k := limeKey(h)
		if f.used[c] || normHeader(h) == "" || limeMeta[normHeader(h)] || limeMeta[k] || strings.HasSuffix(k, "time") {
			continue
		}
		out = append(out, strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
	}
	return out
}

func (f *SurveyFile) use(cols ...int) {
	if f.used == nil {
		f.used = map[int]bool{}
	}
	for _, c := range cols {
		if c >= 0 {
			f.used[c] = true
		}
	}
}

// ReadSurvey reads a survey export: LimeSurvey's response CSV (one row per response, a column
// per question code), or a generic list with a date, a question and a score per row.
func ReadSurvey(t *Table, opt SurveyOptions) (*SurveyFile, error) {
	loc := opt.Location
	if loc == nil {
		loc = domain.Berlin
	}
	f := &SurveyFile{Table: t}
	cols, err := f.findHeader(opt.Columns)
	if err != nil {
		return nil, err
	}
	p := &timeParser{loc: loc, xlsx: t.Kind == KindXLSX, date1904: t.Date1904}
	_, long := cols[SurveyQuestion]
	if _, hasScore := cols[SurveyScore]; long && hasScore {
		err = f.readLong(p, cols, loc)
	} else {
		err = f.readWide(p, cols, opt.Mapping, loc)
	}
	if err != nil {
		return nil, err
	}
	if len(f.Answers) == 0 {
		return nil, &Error{File: t.File, Line: t.Lines[f.HeaderRow], Key: ErrNoRows}
	}
	return f, nil
}

func (f *SurveyFile) findHeader(user map[string]string) (map[string]int, error) {
	t := f.Table
	for i := 0; i < min(len(t.Rows), headerScan); i++ {
		cols, ok := overlay(t.Rows[i], format{aliases: surveyAliases}.columnsOf(limeCodes(t.Rows[i])), user)
		if !ok {
			continue
		}
		if _, ok := cols[SurveyDate]; ok {
			f.HeaderRow, f.Headers = i, t.Rows[i]
			return cols, nil
		}
	}
	if len(overrideColumns(user)) > 0 {
		return nil, &Error{File: t.File, Key: ErrUnknownColumn, Value: shorten(strings.Join(sortedValues(overrideColumns(user)), ", "))}
	}
	return nil, &Error{File: t.File, Key: ErrNoHeader, Value: "survey"}
}

func (f *SurveyFile) header(c int) string {
	if c >= 0 && c < len(f.Headers) {
		return strings.TrimSpace(strings.TrimPrefix(f.Headers[c], "\ufeff"))
	}
	return ""
}

func cellAt(row []string, c int) string {
	if c >= 0 && c < len(row) {
		return row[c]
	}
	return ""
}

// date reads the submit date of row i; ok is false for a response never submitted.
func (f *SurveyFile) date(p *timeParser, i, c int, loc *time.Location) (time.Time, bool, error) {
	v := strings.TrimSpace(cellAt(f.Table.Rows[i], c))
	if v == "" {
		return time.Time{}, false, nil
	}
	at, ok := p.parse(v)
	if !ok {
		return time.Time{}, false, f.Table.cellErr(i, c, f.header(c), ErrDate, v)
	}
	if y := at.In(loc).Year(); y < minYear || y > maxYear {
		return time.Time{}, false, f.Table.cellErr(i, c, f.header(c), ErrYear, v)
	}
	return at, true, nil
}

func (f *SurveyFile) add(a domain.SurveyAnswer) {
	if len(f.Answers) == 0 || a.At.Before(f.First) {
		f.First = a.At
	}
	if a.At.After(f.Last) {
		f.Last = a.At
	}
	f.Answers = append(f.Answers, a)
}

// readWide reads one response per row; the questions are the mapped columns or, without a
// mapping, every column whose answers all lie on the scale.
func (f *SurveyFile) readWide(p *timeParser, cols map[string]int, m domain.SurveyMapping, loc *time.Location) error {
	t := f.Table
	dateCol := cols[SurveyDate]
	schoolCol := -1
	if m.School != "" {
		schoolCol = f.columnOf(m.School)
	} else if c, ok := cols[SurveySchool]; ok {
		schoolCol = c
	}
	if schoolCol >= 0 {
		f.School = f.header(schoolCol)
	}
	var qcols []int
	strict := len(m.Questions) > 0
	if strict {
		for _, q := range m.Questions {
			c := f.columnOf(q)
			if c < 0 {
				return &Error{File: t.File, Line: t.Lines[f.HeaderRow], Key: ErrUnknownColumn, Value: shorten(q)}
			}
			qcols = append(qcols, c)
		}
	} else {
		qcols = f.scaleColumns(dateCol, schoolCol)
	}
	if len(qcols) == 0 {
		return &Error{File: t.File, Line: t.Lines[f.HeaderRow], Key: ErrNoQuestions}
	}
	f.use(append([]int{dateCol, schoolCol}, qcols...)...)
	for _, c := range qcols {
		f.Questions = append(f.Questions, clip(f.header(c)))
	}
	scales, err := f.scales(qcols, m)
	if err != nil {
		return err
	}
	for i := f.HeaderRow + 1; i < len(t.Rows); i++ {
		row := t.Rows[i]
		if emptyRow(row) {
			continue
		}
		at, ok, err := f.date(p, i, dateCol, loc)
		if err != nil {
			return err
		}
		if !ok {
			f.Incomplete++
			continue
		}
		school := clip(firstLine(cellAt(row, schoolCol)))
		for k, c := range qcols {
			score, skip, ok := guessScore(cellAt(row, c))
			if strict {
				score, skip, ok = scaledScore(cellAt(row, c), scales[k])
			}
			if !ok {
				return t.cellErr(i, c, f.header(c), ErrScore, cellAt(row, c))
			}
			if skip {
				continue
			}
			if m.Reverse {
				score = 6 - score
			}
			f.add(domain.SurveyAnswer{At: at, Question: f.Questions[k], Score: score, School: school})
		}
	}
	return nil
}

// scaleColumns are the columns (not LimeSurvey's own, not date or school) with at least one
// answer whose answers all read as scores.
func (f *SurveyFile) scaleColumns(dateCol, schoolCol int) []int {
	t := f.Table
	var out []int
	for c, h := range f.Headers {
		if c == dateCol || c == schoolCol || limeMeta[normHeader(h)] || limeMeta[limeKey(h)] || strings.HasSuffix(limeKey(h), "time") || normHeader(h) == "" {
			continue
		}
		answers, fits := 0, true
		for i := f.HeaderRow + 1; i < len(t.Rows) && fits; i++ {
			_, skip, ok := guessScore(cellAt(t.Rows[i], c))
			fits = ok
			if ok && !skip {
				answers++
			}
		}
		if fits && answers > 0 {
			out = append(out, c)
		}
	}
	return out
}

// columnOf finds a column by its heading, the code of a "code. text" heading, or its number
// from 1; -1 when there is none.
func (f *SurveyFile) columnOf(header string) int {
	want := normHeader(header)
	for c, h := range f.Headers {
		if normHeader(h) == want {
			return c
		}
	}
	for c, h := range f.Headers {
		if limeKey(h) == want {
			return c
		}
	}
	if c, ok := columnIndex(f.Headers, header); ok {
		return c
	}
	return -1
}

// scales are the scales of the chosen question columns: a question's own (m.Scales, keyed by
// heading, code or number), else the one of all chosen questions.
func (f *SurveyFile) scales(qcols []int, m domain.SurveyMapping) ([]domain.Scale, error) {
	own := map[int]domain.Scale{}
	for key, sc := range m.Scales {
		c := f.columnOf(key)
		if c < 0 {
			return nil, &Error{File: f.Table.File, Line: f.Table.Lines[f.HeaderRow], Key: ErrUnknownColumn, Value: shorten(key)}
		}
		own[c] = sc
	}
	out := make([]domain.Scale, len(qcols))
	for k, c := range qcols {
		out[k] = m.ScaleOf("")
		if sc, ok := own[c]; ok {
			out[k] = sc
		}
	}
	return out, nil
}

// readLong reads one answer per row: date, question, score and maybe school.
func (f *SurveyFile) readLong(p *timeParser, cols map[string]int, loc *time.Location) error {
	t := f.Table
	schoolCol := -1
	if c, ok := cols[SurveySchool]; ok {
		schoolCol = c
		f.School = f.header(c)
	}
	f.use(schoolCol, cols[SurveyDate], cols[SurveyQuestion], cols[SurveyScore])
	seen := map[string]bool{}
	for i := f.HeaderRow + 1; i < len(t.Rows); i++ {
		row := t.Rows[i]
		if emptyRow(row) {
			continue
		}
		at, ok, err := f.date(p, i, cols[SurveyDate], loc)
		if err != nil {
			return err
		}
		if !ok {
			f.Incomplete++
			continue
		}
		c := cols[SurveyScore]
		score, skip, ok := scoreOf(cellAt(row, c))
		if !ok {
			return t.cellErr(i, c, f.header(c), ErrScore, cellAt(row, c))
		}
		if skip {
			continue
		}
		q := clip(firstLine(cellAt(row, cols[SurveyQuestion])))
		if !seen[q] {
			seen[q] = true
			f.Questions = append(f.Questions, q)
		}
		f.add(domain.SurveyAnswer{At: at, Question: q, Score: score, School: clip(firstLine(cellAt(row, schoolCol)))})
	}
	return nil
}
