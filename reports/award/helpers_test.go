package award

import (
	"os"
	"testing"
	"time"

	"schulit-lotse/assets"
)

var fixedDate = time.Date(2026, 11, 20, 9, 30, 0, 0, time.UTC)

func TestMain(m *testing.M) {
	assets.SetupLanguage(assets.German)
	os.Exit(m.Run())
}
