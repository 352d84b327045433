package persistence

import (
	"encoding/json"
	"fmt"
	"sort"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"schulit-lotse/domain"
)

// ErrConfigValue is returned for a configuration value that is not a JSON document.
var ErrConfigValue = domain.Error("err.config.value")

func checkConfig(cfg map[string]string) error {
	for k, v := range cfg {
		if k == "" || !json.Valid([]byte(v)) {
			return fmt.Errorf("config %q: %w", k, ErrConfigValue)
		}
	}
	return nil
}

// CheckConfig refuses a configuration entry SaveConfig would refuse, without writing it (for
// callers that change their model before the write is committed).
func CheckConfig(key, value string) error { return checkConfig(map[string]string{key: value}) }

func loadConfig(db *gorm.DB, p *domain.Project) error {
	var recs []configRecord
	if err := db.Order("key").Find(&recs).Error; err != nil {
		return err
	}
	p.Config = make(map[string]string, len(recs))
	for _, r := range recs {
		p.Config[r.Key] = r.Value
	}
	return checkConfig(p.Config)
}

func writeConfig(tx *gorm.DB, cfg map[string]string) error {
	if err := checkConfig(cfg); err != nil {
		return err
	}
	keys := make([]string, 0, len(cfg))
	for k := range cfg {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	recs := make([]configRecord, len(keys))
	for i, k := range keys {
		recs[i] = configRecord{Key: k, Value: cfg[k]}
	}
	return createBatch(tx, recs)
}

// SaveConfig stores one configuration entry; value must be a JSON document.
func (f *File) SaveConfig(key, value string) error {
	if err := CheckConfig(key, value); err != nil {
		return err
	}
	r := configRecord{Key: key, Value: value}
	return f.write(func(tx *gorm.DB) error {
		return tx.Clauses(clause.OnConflict{UpdateAll: true}).Create(&r).Error
	})
}

// DeleteConfig removes a configuration entry (no error when it does not exist).
func (f *File) DeleteConfig(key string) error {
	return f.write(func(tx *gorm.DB) error { return tx.Delete(&configRecord{}, "key = ?", key).Error })
}
