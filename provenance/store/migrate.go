package store

import (
	"database/sql"
	"fmt"
	"io"
	"os"
)

// migrations[v] upgrades a workspace database from schema version v to v+1.
// When the format changes: raise SchemaVersion, change the tables, and add
// the step from the previous version here (ALTER TABLE, data moves), with a
// test that opens a file of the previous version. Version 1 is the first
// format, so there are no steps yet.
var migrations = map[int]func(tx *sql.Tx) error{}

// migrateCopy copies an older workspace to a private temporary file, brings
// it to the current schema version and opens it. The user's file is never
// changed; the next Save writes the current format.
func migrateCopy(op, path, abs string, from int, lenient bool) (*sql.DB, func(), *Error) {
	tmp, err := copyToTemp(abs)
	if err != nil {
		return nil, nil, errorf(op, path, nil, err, "cannot copy the file to migrate it from schema version %d", from)
	}
	fail := func(e *Error) (*sql.DB, func(), *Error) {
		os.Remove(tmp)
		return nil, nil, e
	}
	if err := runMigrations(tmp, from); err != nil {
		return fail(errorf(op, path, ErrDamaged, err, "cannot migrate from schema version %d to %d", from, schemaVersion))
	}
	db, err := openReadOnly(tmp, lenient)
	if err != nil {
		return fail(errorf(op, path, nil, err, "cannot open the migrated copy"))
	}
	if _, e := checkWorkspace(op, path, db); e != nil {
		db.Close()
		return fail(e)
	}
	return db, func() { db.Close(); os.Remove(tmp) }, nil
}

func copyToTemp(abs string) (string, error) {
	src, err := os.Open(abs)
	if err != nil {
		return "", err
	}
	defer src.Close()
	dst, err := os.CreateTemp("", "copytrail-migrate-*.copytrail")
	if err != nil {
		return "", err
	}
	if _, err := io.Copy(dst, src); err != nil {
		dst.Close()
		os.Remove(dst.Name())
		return "", err
	}
	if err := dst.Close(); err != nil {
		os.Remove(dst.Name())
		return "", err
	}
	return dst.Name(), nil
}

func runMigrations(name string, from int) error {
	return withTx(name, "_pragma=trusted_schema(OFF)", func(tx *sql.Tx) error {
		for v := from; v < schemaVersion; v++ {
			step, ok := migrations[v]
			if !ok {
				return fmt.Errorf("no migration from schema version %d", v)
			}
			if err := step(tx); err != nil {
				return fmt.Errorf("migration from schema version %d: %w", v, err)
			}
		}
		if _, err := tx.Exec(fmt.Sprintf("PRAGMA user_version = %d", schemaVersion)); err != nil {
			return err
		}
		_, err := tx.Exec("UPDATE meta SET value = ? WHERE key = 'schema_version'", fmt.Sprint(schemaVersion))
		return err
	})
}
