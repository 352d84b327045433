package localeenv

import "testing"

func TestNeutral(t *testing.T) {
	cases := []struct {
		env  map[string]string
		want bool
	}{
		{map[string]string{}, true},
		{map[string]string{"LANG": "C"}, true},
		{map[string]string{"LANG": "C.UTF-8"}, true},
		{map[string]string{"LANG": "POSIX"}, true},
		{map[string]string{"LC_ALL": "C", "LANG": "de_DE.UTF-8"}, true},
		{map[string]string{"LANG": "C", "LANGUAGE": "en"}, true},
		{map[string]string{"LANG": "C.UTF-8", "LANGUAGE": "en"}, false},
		{map[string]string{"LANGUAGE": "en_GB:en"}, false},
		{map[string]string{"LANG": "de_DE.UTF-8"}, false},
		{map[string]string{"LANG": "en_US.UTF-8"}, false},
		{map[string]string{"LC_MESSAGES": "en_GB.UTF-8", "LANG": "C.UTF-8"}, false},
		{map[string]string{"LANG": "de_DE@euro"}, false},
	}
	for _, c := range cases {
		if got := neutral(func(k string) string { return c.env[k] }); got != c.want {
			t.Errorf("neutral(%v) = %v, want %v", c.env, got, c.want)
		}
	}
}
