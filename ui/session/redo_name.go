package session

// RedoName is the translation key of the edit Redo would repeat ("" when none).
func (s *Session) RedoName() string {
	if len(s.redo) == 0 {
		return ""
	}
	return s.redo[len(s.redo)-1].Name
}
