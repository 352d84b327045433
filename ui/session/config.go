package session

// SetConfig stores one per-project configuration entry (a JSON document under a step's key);
// value "" removes it. Undo restores the previous value.
func (s *Session) SetConfig(key, value string) error {
	prev, had := s.Project.Config[key]
	if had && prev == value || !had && value == "" {
		return nil
	}
	apply := func(v string, present bool) func() error {
		return func() error {
			var err error
			if present {
				err = s.File.SaveConfig(key, v)
			} else {
				err = s.File.DeleteConfig(key)
			}
			if err != nil {
				return err
			}
			if s.Project.Config == nil {
				s.Project.Config = map[string]string{}
			}
			if present {
				s.Project.Config[key] = v
			} else {
				delete(s.Project.Config, key)
			}
			return nil
		}
	}
	return s.Execute(Command{Name: "undo.config", Do: apply(value, value != ""), Undo: apply(prev, had)})
}
