package persistence

import (
	"errors"
	"fmt"
	"math"
	"reflect"

	"schulit-lotse/domain"
)

// ErrNotFinite is returned for a number that is NaN or infinite. SQLite stores NaN as NULL (a
// NOT NULL column then fails, another one reads back 0) and JSON has no such numbers, so they
// are refused before anything is written. Its text is a translation key.
var ErrNotFinite = errors.New("err.number.not_finite")

// CheckFinite refuses what a write would refuse for a NaN or infinite number, without writing
// (for callers that change their model before the write is committed).
func CheckFinite(v any) error { return checkFinite(v) }

// checkFinite reports the first NaN or infinite number anywhere in v, with its path.
func checkFinite(v any) error {
	return finite(reflect.ValueOf(v), reflect.TypeOf(v).String())
}

func finite(v reflect.Value, path string) error {
	switch v.Kind() {
	case reflect.Float32, reflect.Float64:
		if f := v.Float(); math.IsNaN(f) || math.IsInf(f, 0) {
			return fmt.Errorf("%s: %w", path, ErrNotFinite)
		}
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			return finite(v.Elem(), path)
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				if err := finite(v.Field(i), path+"."+v.Type().Field(i).Name); err != nil {
					return err
				}
			}
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			if err := finite(v.Index(i), fmt.Sprintf("%s[%d]", path, i)); err != nil {
				return err
			}
		}
	case reflect.Map:
		it := v.MapRange()
		for it.Next() {
			if err := finite(it.Value(), fmt.Sprintf("%s[%v]", path, it.Key())); err != nil {
				return err
			}
		}
	}
	return nil
}

// projectRowFinite checks what SaveProjectSettings writes: the project row with its JSON parts.
func projectRowFinite(p *domain.Project) error {
	return checkFinite(struct {
		Meta     domain.Meta
		Settings domain.Settings
		Resource domain.ResourcePlan
		Tender   domain.Tender
		Contract domain.Contract
		Kickoff  domain.Kickoff
	}{p.Meta, p.Settings, p.Resource, p.Tender, p.Contract, p.Kickoff})
}
