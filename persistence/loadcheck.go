package persistence

import (
	"fmt"
	"reflect"
	"time"

	"schulit-lotse/domain"
)

// maxID bounds the ids of every entity. Above it SQLite's AUTOINCREMENT soon has no room left
// (after the largest int64 every insert fails with "database or disk is full"), and spreadsheet
// and JavaScript tools cannot read such numbers exactly.
const maxID = 1 << 53

// checkIDs reports the first id of a top-level list outside 1..maxID (0 allowed when zeroOK:
// a JSON document may leave ids to the file).
func checkIDs(p *domain.Project, zeroOK bool) error {
	v := reflect.ValueOf(p).Elem()
	for i := 0; i < v.NumField(); i++ {
		list := v.Field(i)
		if list.Kind() != reflect.Slice {
			continue
		}
		name := jsonName(v.Type().Field(i))
		for j := 0; j < list.Len(); j++ {
			f := list.Index(j).FieldByName("ID")
			if !f.IsValid() || f.Kind() != reflect.Int64 {
				break
			}
			if id := f.Int(); id < 0 || id > maxID || (id == 0 && !zeroOK) {
				return fmt.Errorf("%s[%d]: id %d outside 1…%d", name, j, id, int64(maxID))
			}
		}
	}
	return nil
}

func jsonName(f reflect.StructField) string {
	if tag := f.Tag.Get("json"); tag != "" {
		for i := 0; i < len(tag); i++ {
			if tag[i] == ',' {
				return tag[:i]
			}
		}
		return tag
	}
	return f.Name
}

// checkTimes reports a monitoring time outside the years 0–9999: such a value can come only from
// a crafted file, and it could not be written as JSON or shown as a date.
func checkTimes(p *domain.Project) error {
	bad := func(t *time.Time) bool { return t != nil && (t.Year() < 0 || t.Year() > 9999) }
	for i, t := range p.Tickets {
		if bad(&t.Created) || bad(t.FirstResponse) || bad(t.Resolved) {
			return fmt.Errorf("tickets[%d] (id %d): time outside the years 0–9999", i, t.ID)
		}
	}
	for i, c := range p.Calls {
		if bad(&c.At) {
			return fmt.Errorf("calls[%d] (id %d): time outside the years 0–9999", i, c.ID)
		}
	}
	for i, s := range p.SurveyAnswers {
		if bad(&s.At) {
			return fmt.Errorf("surveyAnswers[%d] (id %d): time outside the years 0–9999", i, s.ID)
		}
	}
	return nil
}

// checkLoaded refuses content that passed the row conversions but that no project written by the
// app holds.
func checkLoaded(p *domain.Project) error {
	if err := checkIDs(p, false); err != nil {
		return err
	}
	return checkTimes(p)
}
