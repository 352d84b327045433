package cli

import (
	"fmt"
	"os"

	"fyne.io/fyne/v2/lang"

	"schulit-lotse/domain"
	"schulit-lotse/persistence"
)

const usageShare = "lotse share DATEI.lotse KOPIE.lotse [--anonymize] [--without-monitoring]"

// MailLimit is the size above which many mail servers refuse an attachment.
const MailLimit = 10 << 20

func init() {
	commands["share"] = command{cmdShare}
}

// cmdShare writes a copy for sending: compact, optionally without the monitoring raw data and
// with people's names replaced by their roles. The project is opened read-only, so this also
// works while someone edits it.
func cmdShare(e *env, args []string) error {
	p, err := parseArgs(args, []option{{names: []string{"anonymize", "anonymise"}}, {names: []string{"without-monitoring"}}})
	if err != nil {
		return err
	}
	if err := positionals(p, 2, usageShare); err != nil {
		return err
	}
	src, out := p.pos[0], p.pos[1]
	if err := requireProjectName(out); err != nil {
		return err
	}
	if _, err := os.Lstat(out); err == nil {
		return failf("cli.err.exists", map[string]any{"Path": out})
	}
	f, err := persistence.Open(src, persistence.OpenOptions{ReadOnly: true})
	if err != nil {
		return err
	}
	defer f.Close()
	// What `check` refuses is not sent on: the copy would carry the same faults. (The anonymised
	// copy loads the project itself and refuses the same.)
	if !p.bools["anonymize"] {
		if _, err := f.Load(); err != nil {
			return err
		}
	}
	res, err := f.WriteShareCopy(out, persistence.ShareOptions{
		WithoutMonitoring: p.bools["without-monitoring"],
		Anonymize:         p.bools["anonymize"],
		Labels:            ShareLabels(),
	})
	if err != nil {
		return err
	}
	fmt.Fprintln(e.out, lang.L("everyday.share.done", map[string]any{"Path": out, "Size": FormatBytes(res.Size, e.lang)}))
	if p.bools["without-monitoring"] {
		fmt.Fprintln(e.out, lang.L("everyday.share.dropped", map[string]any{"Count": res.Dropped}))
	}
	if p.bools["anonymize"] {
		fmt.Fprintln(e.out, lang.L("everyday.share.replaced", map[string]any{"Count": res.Replaced}))
	}
	if res.Size > MailLimit {
		fmt.Fprintln(e.err, "lotse: "+lang.L("everyday.share.too_big", map[string]any{"Limit": FormatBytes(MailLimit, e.lang)}))
	}
	return nil
}

// ShareLabels are the translated words that stand in for names in an anonymised copy.
func ShareLabels() domain.ShareLabels {
	return domain.ShareLabels{
		Person: func(n int) string {
			return lang.L("everyday.share.person", map[string]any{"Letter": domain.Letters(n)})
		},
		Deputy: func(role string) string { return lang.L("everyday.share.deputy", map[string]any{"Role": role}) },
	}
}

// FormatBytes is a file size as people read it: "840 KB", "12,4 MB" (German) or "12.4 MB".
func FormatBytes(n int64, language string) string {
	const kb, mb = 1 << 10, 1 << 20
	var s string
	switch {
	case n < kb:
		return fmt.Sprintf("%d B", n)
	case n < mb:
		s = fmt.Sprintf("%d KB", (n+kb/2)/kb)
	default:
		s = fmt.Sprintf("%.1f MB", float64(n)/mb)
	}
	if language != "en" {
		s = replaceDot(s)
	}
	return s
}

func replaceDot(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c == '.' {
			b[i] = ','
		}
	}
	return string(b)
}
