package cli

import (
	"fmt"
	"os"

	"fyne.io/fyne/v2/lang"

	"schulit-lotse/persistence"
	"schulit-lotse/ui/wording"
)

const usageShare = "lotse share DATEI.lotse KOPIE.lotse [--anonymize] [--without-monitoring]"

// cmdShare writes a copy for sending: compact, optionally without the monitoring raw data and
// with people's names replaced by their roles. The project is opened read-only, so this also
// works while someone edits it.
func cmdShare(e *env, args []string) error {
	p, err := parseCommand(args, []option{{names: []string{"anonymize", "anonymise"}}, {names: []string{"without-monitoring"}}}, 2, usageShare)
	if err != nil {
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
	// What `check` refuses is not sent on: the copy would carry the same faults. The monitoring
	// rows are checked where they lie, not loaded. (The anonymised copy loads the project itself
	// and refuses the same.)
	if !p.bools["anonymize"] {
		if _, err := f.LoadChecked(); err != nil {
			return err
		}
	}
	res, err := f.WriteShareCopy(out, persistence.ShareOptions{
		WithoutMonitoring: p.bools["without-monitoring"],
		Anonymize:         p.bools["anonymize"],
		Labels:            wording.ShareLabels(),
	})
	if err != nil {
		return err
	}
	fmt.Fprintln(e.out, lang.L("everyday.share.done", map[string]any{"Path": out, "Size": wording.FormatBytes(res.Size, e.lang)}))
	if p.bools["without-monitoring"] {
		fmt.Fprintln(e.out, lang.L("everyday.share.dropped", map[string]any{"Count": e.count(int(res.Dropped))}))
	}
	if p.bools["anonymize"] {
		fmt.Fprintln(e.out, lang.L("everyday.share.replaced", map[string]any{"Count": e.count(int(res.Replaced))}))
	}
	if res.Size > e.mailLimit {
		fmt.Fprintln(e.err, "lotse: "+lang.L("everyday.share.too_big", map[string]any{"Limit": wording.FormatBytes(e.mailLimit, e.lang)}))
	}
	return nil
}
