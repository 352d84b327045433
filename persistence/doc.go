// Package persistence is the project file: a *.lotse file is an SQLite database that is checked
// before anything else touches it, migrated explicitly, locked against a second editor and
// written through GORM records that convert to and from the domain model.
package persistence
