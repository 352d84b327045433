package reports

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"schulit-lotse/domain"
	"schulit-lotse/internal/leftover"
)

// WriteGesamtberichtFile writes the report to path without ever leaving a half-written PDF:
// the report is made in memory, written to a temporary file beside the target, synced to disk
// and renamed over it. On any error the target is unchanged and the temporary file removed.
func WriteGesamtberichtFile(path string, p *domain.Project, opt Options) error {
	return writeBookFile(path, p, opt, WriteGesamtbericht)
}

// WriteKurzfassungFile writes the Kurzfassung to path the same way.
func WriteKurzfassungFile(path string, p *domain.Project, opt Options) error {
	return writeBookFile(path, p, opt, WriteKurzfassung)
}

func writeBookFile(path string, p *domain.Project, opt Options, write func(io.Writer, *domain.Project, Options) error) (err error) {
	if strings.TrimSpace(path) == "" {
		return errors.New(tr("reports.err.no_path"))
	}
	if fi, statErr := os.Stat(path); statErr == nil && fi.IsDir() {
		return errors.New(tr("reports.err.is_dir", map[string]any{"Path": path}))
	}
	var buf bytes.Buffer
	if err := write(&buf, p, opt); err != nil {
		return err
	}

	dir := filepath.Dir(path)
	tmp, err := leftover.Create(path, leftover.Export)
	if err != nil {
		return fmt.Errorf("%s: %w", tr("reports.err.create", map[string]any{"Dir": dir}), err)
	}
	tmpName := tmp.Name()
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmpName)
		}
	}()
	saveErr := func(e error) error {
		return fmt.Errorf("%s: %w", tr("reports.err.save", map[string]any{"Path": path}), e)
	}
	if _, err = tmp.Write(buf.Bytes()); err != nil {
		return saveErr(err)
	}
	if err = tmp.Sync(); err != nil {
		return saveErr(err)
	}
	if err = tmp.Close(); err != nil {
		return saveErr(err)
	}
	// CreateTemp makes the file private; a report is meant to be shared like any document.
	if err = os.Chmod(tmpName, 0o644); err != nil {
		return saveErr(err)
	}
	if err = os.Rename(tmpName, path); err != nil {
		return saveErr(err)
	}
	syncDir(dir)
	return nil
}

// syncDir makes the rename durable where the system allows it (not on Windows); best effort.
func syncDir(dir string) {
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	_ = d.Sync()
	d.Close()
}
