package cli

import (
	"strings"
)

// option describes one flag a command accepts. Names are given without dashes; every name is
// accepted with one or two dashes and as "--name=value".
type option struct {
	names      []string
	takesValue bool
	// repeat: the option may come several times (--map a=b --map c=d); see parsedArgs.all.
	repeat bool
}

// parsedArgs are a command's positional arguments and flags, in any order.
type parsedArgs struct {
	pos   []string
	vals  map[string]string // by the option's first name
	bools map[string]bool
	multi map[string][]string // repeatable options, in order
}

// all returns every value of a repeatable option.
func (p parsedArgs) all(name string) []string { return p.multi[name] }

func (p parsedArgs) val(name string) (string, bool) {
	v, ok := p.vals[name]
	return v, ok
}

// parseArgs splits args into positionals and flags. Flags may come before or after positionals
// ("lotse report FILE -o OUT.pdf"); "--" ends the flags; a lone "-" is a positional (stdout).
func parseArgs(args []string, opts []option) (parsedArgs, error) {
	p := parsedArgs{vals: map[string]string{}, bools: map[string]bool{}, multi: map[string][]string{}}
	find := func(name string) *option {
		for i := range opts {
			for _, n := range opts[i].names {
				if n == name {
					return &opts[i]
				}
			}
		}
		return nil
	}
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			p.pos = append(p.pos, args[i+1:]...)
			break
		}
		if !strings.HasPrefix(a, "-") || a == "-" {
			p.pos = append(p.pos, a)
			continue
		}
		name := strings.TrimLeft(a, "-")
		value, hasValue := "", false
		if k, v, ok := strings.Cut(name, "="); ok {
			name, value, hasValue = k, v, true
		}
		o := find(name)
		if o == nil {
			return p, usagef("cli.err.unknown_option", map[string]any{"Option": a})
		}
		key := o.names[0]
		if _, dup := p.vals[key]; (dup || p.bools[key]) && !o.repeat {
			return p, usagef("cli.err.duplicate_option", map[string]any{"Option": "--" + key})
		}
		if !o.takesValue {
			if hasValue {
				return p, usagef("cli.err.option_no_value", map[string]any{"Option": "--" + key})
			}
			p.bools[key] = true
			continue
		}
		if !hasValue {
			if i+1 >= len(args) {
				return p, usagef("cli.err.option_needs_value", map[string]any{"Option": "--" + key})
			}
			i++
			value = args[i]
		}
		if value == "" {
			return p, usagef("cli.err.option_needs_value", map[string]any{"Option": "--" + key})
		}
		p.vals[key] = value
		if o.repeat {
			p.multi[key] = append(p.multi[key], value)
		}
	}
	return p, nil
}
