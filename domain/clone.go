package domain

import (
	"reflect"
	"sync"
)

// Clone returns a deep copy of the project: no slice, map or pointer is shared with p, so the
// copy can be read on another goroutine while p is edited. Values that cannot change in place
// (strings, time.Time's location) are shared.
func (p *Project) Clone() *Project {
	if p == nil {
		return nil
	}
	out := reflect.New(reflect.TypeOf(*p)).Elem()
	deepCopy(out, reflect.ValueOf(*p))
	c := out.Interface().(Project)
	return &c
}

// deepCopy sets dst (settable, of src's type) to a copy of src that shares no mutable memory.
func deepCopy(dst, src reflect.Value) {
	switch src.Kind() {
	case reflect.Pointer:
		if src.IsNil() {
			return
		}
		n := reflect.New(src.Type().Elem())
		deepCopy(n.Elem(), src.Elem())
		dst.Set(n)
	case reflect.Slice:
		if src.IsNil() {
			return
		}
		n := reflect.MakeSlice(src.Type(), src.Len(), src.Len())
		if plain(src.Type().Elem()) {
			reflect.Copy(n, src)
		} else {
			for i := 0; i < src.Len(); i++ {
				deepCopy(n.Index(i), src.Index(i))
			}
		}
		dst.Set(n)
	case reflect.Map:
		if src.IsNil() {
			return
		}
		n := reflect.MakeMapWithSize(src.Type(), src.Len())
		it := src.MapRange()
		for it.Next() {
			v := reflect.New(src.Type().Elem()).Elem()
			deepCopy(v, it.Value())
			n.SetMapIndex(it.Key(), v)
		}
		dst.Set(n)
	case reflect.Struct:
		dst.Set(src) // unexported fields (time.Time's) are values or immutable
		if plain(src.Type()) {
			return
		}
		for i := 0; i < src.NumField(); i++ {
			if src.Type().Field(i).IsExported() {
				deepCopy(dst.Field(i), src.Field(i))
			}
		}
	case reflect.Array:
		for i := 0; i < src.Len(); i++ {
			deepCopy(dst.Index(i), src.Index(i))
		}
	default:
		dst.Set(src)
	}
}

// plainTypes remembers which types hold no slice, map or pointer in their exported fields
// (reflect.Type → bool); Clone may run on several goroutines at once.
var plainTypes sync.Map

// plain reports whether a value of t can be copied by assignment alone.
func plain(t reflect.Type) bool {
	if v, ok := plainTypes.Load(t); ok {
		return v.(bool)
	}
	v := plainOf(t, map[reflect.Type]bool{})
	plainTypes.Store(t, v)
	return v
}

func plainOf(t reflect.Type, seen map[reflect.Type]bool) bool {
	if seen[t] {
		return false
	}
	seen[t] = true
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Map, reflect.Interface, reflect.Func, reflect.Chan:
		return false
	case reflect.Array:
		return plainOf(t.Elem(), seen)
	case reflect.Struct:
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if f.IsExported() && !plainOf(f.Type, seen) {
				return false
			}
		}
	}
	return true
}
