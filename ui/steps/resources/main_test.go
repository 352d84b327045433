package resources

import (
	"os"
	"testing"

	"schulit-lotse/assets"
)

func TestMain(m *testing.M) {
	assets.SetupLanguage(assets.German)
	os.Exit(m.Run())
}
