// Package i18ncheck finds what would reach the user untranslated: translation files whose
// German and English halves differ in keys or placeholders, and string literals in the UI code
// that go straight into a widget, a dialog, a menu or a window title instead of through
// lang.L. The tests of this package run both checks over the whole tree.
package i18ncheck

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"schulit-lotse/internal/gosource"
)

// Pair compares the keys and the template placeholders of a German and an English file.
func Pair(name string, de, en []byte) []string {
	var a, b map[string]string
	if err := json.Unmarshal(de, &a); err != nil {
		return []string{fmt.Sprintf("%s.de.json: %v", name, err)}
	}
	if err := json.Unmarshal(en, &b); err != nil {
		return []string{fmt.Sprintf("%s.en.json: %v", name, err)}
	}
	var out []string
	for k, v := range a {
		w, ok := b[k]
		if !ok {
			out = append(out, fmt.Sprintf("%s: key %q is missing in the English file", name, k))
			continue
		}
		if strings.TrimSpace(w) == "" || strings.TrimSpace(v) == "" {
			out = append(out, fmt.Sprintf("%s: key %q has an empty text", name, k))
		}
		if pa, pb := placeholders(v), placeholders(w); pa != pb {
			out = append(out, fmt.Sprintf("%s: key %q uses %s in German but %s in English", name, k, pa, pb))
		}
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			out = append(out, fmt.Sprintf("%s: key %q is missing in the German file", name, k))
		}
	}
	sort.Strings(out)
	return out
}

var translationKey = regexp.MustCompile(`^[a-z][a-z0-9_]*(\.[a-z0-9_/-]+)+$`)

var placeholder = regexp.MustCompile(`{{\s*\.(\w+)\s*}}`)

func placeholders(s string) string {
	set := map[string]bool{}
	for _, m := range placeholder.FindAllStringSubmatch(s, -1) {
		set[m[1]] = true
	}
	var names []string
	for n := range set {
		names = append(names, n)
	}
	sort.Strings(names)
	return "[" + strings.Join(names, " ") + "]"
}

// Translations checks every "<area>.de.json" of dir against its "<area>.en.json" and the other
// way round; it also returns the keys that more than one area defines.
func Translations(fsys fs.FS) []string {
	files, _ := fs.Glob(fsys, "*.json")
	areas := map[string]map[string][]byte{}
	for _, f := range files {
		base := strings.TrimSuffix(f, ".json")
		lang := filepath.Ext(base)
		area := strings.TrimSuffix(base, lang)
		lang = strings.TrimPrefix(lang, ".")
		if lang == "" {
			lang, area = area, ""
		}
		b, err := fs.ReadFile(fsys, f)
		if err != nil {
			continue
		}
		if areas[area] == nil {
			areas[area] = map[string][]byte{}
		}
		areas[area][lang] = b
	}
	var out []string
	owner := map[string]string{}
	names := make([]string, 0, len(areas))
	for a := range areas {
		names = append(names, a)
	}
	sort.Strings(names)
	for _, area := range names {
		langs := areas[area]
		de, okDe := langs["de"]
		en, okEn := langs["en"]
		switch {
		case !okDe:
			out = append(out, area+": no German file")
			continue
		case !okEn:
			out = append(out, area+": no English file")
			continue
		}
		out = append(out, Pair(area, de, en)...)
		var m map[string]string
		if json.Unmarshal(de, &m) == nil {
			for k := range m {
				if o, dup := owner[k]; dup {
					out = append(out, fmt.Sprintf("key %q is defined in %s and in %s (one text would win at random)", k, o, area))
				}
				owner[k] = area
			}
		}
	}
	sort.Strings(out)
	return out
}

// textCalls are the functions and methods whose string arguments a user reads.
var textCalls = map[string]bool{
	"NewLabel": true, "NewLabelWithStyle": true, "NewButton": true, "NewButtonWithIcon": true, "NewCheck": true,
	"NewHyperlink": true, "NewCard": true, "NewFormItem": true, "NewAccordionItem": true, "NewRichTextWithText": true,
	"NewRichTextFromMarkdown": true, "NewTabItem": true, "NewTabItemWithIcon": true, "NewMenuItem": true, "NewMenu": true,
	"NewText": true, "NewRadioGroup": true, "NewSelect": true, "NewSelectEntry": true, "NewToolbarAction": true,
	"SetText": true, "SetPlaceHolder": true, "SetTitle": true, "SetSubTitle": true, "Append": true,
	"NewConfirm": true, "ShowConfirm": true, "NewInformation": true, "ShowInformation": true, "NewCustom": true,
	"ShowCustom": true, "NewCustomConfirm": true, "ShowCustomConfirm": true, "NewCustomWithoutButtons": true,
	"ShowCustomWithoutButtons": true, "NewForm": true, "NewFormDialog": true, "ShowForm": true, "SetDismissText": true,
	"SetConfirmText": true, "NewNotification": true, "SendNotification": true, "NewWindow": true,
}

// textFields are struct fields (in composite literals) that a user reads.
var textFields = map[string]bool{"Text": true, "PlaceHolder": true, "Title": true, "Label": true, "HintText": true, "Subtitle": true}

// Literal is a string literal that bypasses the translation.
type Literal struct {
	Pos   token.Position
	Value string
	Via   string
}

func (l Literal) String() string { return fmt.Sprintf("%s: %q passed to %s", l.Pos, l.Value, l.Via) }

// Allowed reports literals that need no translation: no letters at all ("…", "–", "%d", ": "),
// autonyms of the languages the UI offers, and the app's name.
func Allowed(s string) bool {
	switch strings.TrimSpace(s) {
	case "Deutsch", "English", "Schul-IT Lotse", "OK", "PDF", "CSV", "XLSX", "Excel", "SLA", "RACI", "KPI":
		return true
	}
	for _, r := range s {
		if unicode.IsLetter(r) {
			return verbOnly(s)
		}
	}
	return true
}

// verbOnly accepts format strings whose only letters are verbs: "%s: %d", "%.1f %%".
func verbOnly(s string) bool {
	stripped := regexp.MustCompile(`%[-+# 0-9.]*[vdsfgqxXeEt]`).ReplaceAllString(s, "")
	for _, r := range stripped {
		if unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// Literals walks the Go files below root (tests left out) and lists string literals passed to
// text-taking calls or assigned to text fields.
func Literals(root string) ([]Literal, error) {
	var out []Literal
	err := gosource.WalkProgram(root, func(path string) error {
		found, err := fileLiterals(path)
		out = append(out, found...)
		return err
	})
	return out, err
}

func fileLiterals(path string) ([]Literal, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	var out []Literal
	check := func(e ast.Expr, via string) {
		for _, lit := range literalsIn(e) {
			s, err := strconv.Unquote(lit.Value)
			if err != nil || Allowed(s) {
				continue
			}
			out = append(out, Literal{Pos: fset.Position(lit.Pos()), Value: s, Via: via})
		}
	}
	ast.Inspect(f, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.CallExpr:
			name := callName(x.Fun)
			if textCalls[name] {
				for _, a := range x.Args {
					check(a, name)
				}
			}
		case *ast.KeyValueExpr:
			if k, ok := x.Key.(*ast.Ident); ok && textFields[k.Name] {
				// Registries such as steps.Action take the translation key itself.
				if lit, ok := x.Value.(*ast.BasicLit); ok && translationKey.MatchString(strings.Trim(lit.Value, "\"`")) {
					return true
				}
				check(x.Value, k.Name+":")
			}
		case *ast.AssignStmt:
			for i, l := range x.Lhs {
				if sel, ok := l.(*ast.SelectorExpr); ok && textFields[sel.Sel.Name] && i < len(x.Rhs) {
					check(x.Rhs[i], "."+sel.Sel.Name+" =")
				}
			}
		}
		return true
	})
	return out, nil
}

// literalsIn returns the string literals an expression shows as they are: the literal itself,
// parts of a concatenation, elements of a []string{...}. Arguments of calls (lang.L("key"),
// fmt.Sprintf) are not followed: their result is what is shown.
func literalsIn(e ast.Expr) []*ast.BasicLit {
	switch x := e.(type) {
	case *ast.BasicLit:
		if x.Kind == token.STRING {
			return []*ast.BasicLit{x}
		}
	case *ast.BinaryExpr:
		if x.Op == token.ADD {
			return append(literalsIn(x.X), literalsIn(x.Y)...)
		}
	case *ast.ParenExpr:
		return literalsIn(x.X)
	case *ast.CompositeLit:
		var out []*ast.BasicLit
		for _, el := range x.Elts {
			if _, kv := el.(*ast.KeyValueExpr); !kv {
				out = append(out, literalsIn(el)...)
			}
		}
		return out
	}
	return nil
}

func callName(fun ast.Expr) string {
	switch f := fun.(type) {
	case *ast.Ident:
		return f.Name
	case *ast.SelectorExpr:
		return f.Sel.Name
	case *ast.IndexExpr:
		return callName(f.X)
	}
	return ""
}
