package schema

import (
	"strings"
	"testing"
)

func TestNormalizeSQLKeepsMeaningAndDropsNoise(t *testing.T) {
	base := "CREATE TABLE `t` (`id` integer PRIMARY KEY AUTOINCREMENT,`name` text NOT NULL DEFAULT \"\",CONSTRAINT `fk_a` FOREIGN KEY (`a`) REFERENCES `x`(`id`),CONSTRAINT `fk_b` FOREIGN KEY (`b`) REFERENCES `y`(`id`))"
	same := []string{
		// constraints in another order (GORM writes them in map order), other spacing and case
		"create   table `t` (`id` INTEGER primary key autoincrement,\n`name` TEXT not null default \"\",CONSTRAINT `fk_b` FOREIGN KEY (`b`) REFERENCES `y`(`id`),CONSTRAINT `fk_a` FOREIGN KEY (`a`) REFERENCES `x`(`id`))",
		// a column added by a migration comes last
		"CREATE TABLE `t` (`name` text NOT NULL DEFAULT \"\",`id` integer PRIMARY KEY AUTOINCREMENT,CONSTRAINT `fk_a` FOREIGN KEY (`a`) REFERENCES `x`(`id`),CONSTRAINT `fk_b` FOREIGN KEY (`b`) REFERENCES `y`(`id`))",
		// comments
		"CREATE TABLE `t` /* a table */ (`id` integer PRIMARY KEY AUTOINCREMENT, -- the key\n`name` text NOT NULL DEFAULT \"\",CONSTRAINT `fk_a` FOREIGN KEY (`a`) REFERENCES `x`(`id`),CONSTRAINT `fk_b` FOREIGN KEY (`b`) REFERENCES `y`(`id`))",
	}
	different := []string{
		strings.Replace(base, "NOT NULL DEFAULT \"\"", "NOT NULL DEFAULT \"\" -- it's\n CHECK (id < 9)", 1),
		strings.Replace(base, "NOT NULL DEFAULT \"\"", "NOT NULL DEFAULT \"\" /* ' */ CHECK (id < 9)", 1),
		strings.Replace(base, "NOT NULL DEFAULT \"\"", "NOT NULL DEFAULT \"\" COLLATE lotse", 1),
		strings.Replace(base, "DEFAULT \"\"", "DEFAULT 'x'", 1),
		strings.Replace(base, "`name`", "`Name`", 1),
		strings.Replace(base, "REFERENCES `y`(`id`)", "REFERENCES `y`(`id`) ON DELETE CASCADE", 1),
		base + " WITHOUT ROWID",
	}
	want, err := normalizeSQL("table", base)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range same {
		if got, err := normalizeSQL("table", s); err != nil || got != want {
			t.Errorf("%q\n→ %q (%v)\nwant %q", s, got, err, want)
		}
	}
	for _, s := range different {
		if got, _ := normalizeSQL("table", s); got == want {
			t.Errorf("%q normalises like the expected table", s)
		}
	}
	for _, bad := range []string{"CREATE TABLE `t` (`id` integer", "CREATE TABLE t", "CREATE TABLE `t` ('x)"} {
		if _, err := normalizeSQL("table", bad); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

func FuzzNormalizeSQL(f *testing.F) {
	f.Add("CREATE TABLE `t` (`id` integer PRIMARY KEY,`n` text NOT NULL DEFAULT \"\")")
	f.Add("CREATE INDEX `i` ON `t`(`n`) -- x")
	f.Add("CREATE TABLE t(a /* ) */, b CHECK(a IN ('x,y')))")
	f.Fuzz(func(t *testing.T, s string) {
		for _, typ := range []string{"table", "index"} {
			n, err := normalizeSQL(typ, s)
			if err != nil {
				continue
			}
			// The normal form is its own normal form.
			if again, err := normalizeSQL(typ, n); err != nil || again != n {
				t.Fatalf("%q → %q → %q (%v)", s, n, again, err)
			}
		}
	})
}
