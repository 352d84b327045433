package persistence

import "gorm.io/gorm"

// DeleteTasks removes several tasks in one commit (undo of an import).
func (f *File) DeleteTasks(ids []int64) error {
	if len(ids) == 0 {
		return nil
	}
	return f.write(func(tx *gorm.DB) error {
		for start := 0; start < len(ids); start += 500 {
			end := min(start+500, len(ids))
			if err := tx.Delete(&taskRecord{}, ids[start:end]).Error; err != nil {
				return err
			}
		}
		return nil
	})
}
