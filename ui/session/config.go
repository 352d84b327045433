package session

import (
	"schulit-lotse/domain"
	"schulit-lotse/persistence"
)

// SetConfig stores one per-project configuration entry (a JSON document under a step's key);
// value "" removes it. Undo restores the previous value.
func (s *Session) SetConfig(key, value string) error { return s.setConfig("undo.config", key, value) }

// SetDocumentControl stores the reports' document control (version, status, author, approval,
// Beschlussvorschlag) after checking it. It lives in the project's config for now; a later
// schema migration may give it a table of its own.
func (s *Session) SetDocumentControl(d domain.DocumentControl) error {
	if err := d.Validate(); err != nil {
		return err
	}
	return s.setConfig("undo.document_control", domain.ConfigDocumentControl, domain.ConfigJSON(d))
}

func (s *Session) setConfig(undoName, key, value string) error {
	prev, had := s.Project.Config[key]
	if had && prev == value || !had && value == "" {
		return nil
	}
	if value != "" {
		if err := persistence.CheckConfig(key, value); err != nil {
			return err
		}
	}
	apply := func(v string, present bool) func() error {
		return func() error {
			err := s.write(func(f *persistence.File) error {
				if present {
					return f.SaveConfig(key, v)
				}
				return f.DeleteConfig(key)
			})
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
	return s.Execute(Command{Name: undoName, Do: apply(value, value != ""), Undo: apply(prev, had)})
}
