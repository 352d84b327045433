package kit

import "schulit-lotse/domain"

// DateText is a date as an entry shows it (YYYY-MM-DD, what ParseDate reads), "" when none.
func DateText(d *domain.Date) string {
	if d == nil {
		return ""
	}
	return d.String()
}
