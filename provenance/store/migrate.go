package store

import (
	"database/sql"
	"fmt"
	"io"
	"os"
	"strings"
)

// migrations[v] upgrades a workspace database from schema version v to v+1.
// When the format changes: raise SchemaVersion, change the tables, and add
// the step from the previous version here (ALTER TABLE, data moves), with a
// test that opens a file of the previous version (testdata/v1.copytrail is
// the first format).
var migrations = map[int]func(tx *sql.Tx) error{
	// Version 2: the documents' role field and the links' "to decide" lines.
	1: func(tx *sql.Tx) error {
		if err := addColumns(tx, "documents", fieldCols("role"), ""); err != nil {
			return err
		}
		return addColumns(tx, "links", []column{{"to_decide", "TEXT"}}, "null")
	},
	// Version 3: the source a common-source link names.
	2: func(tx *sql.Tx) error {
		return addColumns(tx, "links", []column{{"common_source", "TEXT"}}, "")
	},
}

// addColumns adds columns to a list table, each holding value in every
// row, and re-seals each row's checksum over the table's new column list
// (the current tableSpec's). A row whose checksum did not match before the
// change keeps its old checksum, so damage stays visible to Open and
// Recover.
func addColumns(tx *sql.Tx, table string, added []column, value string) error {
	var newCols []column
	for _, t := range tables {
		if t.name == table {
			newCols = t.cols
		}
	}
	isAdded := map[string]bool{}
	for _, c := range added {
		isAdded[c.name] = true
		if _, err := tx.Exec(fmt.Sprintf("ALTER TABLE %s ADD COLUMN %s %s NOT NULL DEFAULT '%s'", table, c.name, c.typ, value)); err != nil {
			return fmt.Errorf("%s: adding column %s: %w", table, c.name, err)
		}
	}
	// An intermediate step's table lacks the columns later steps add: the
	// checksum covers the columns it has, in the current order.
	present, err := tableColumns(tx, table)
	if err != nil {
		return err
	}
	have := newCols[:0:0]
	for _, c := range newCols {
		if present[c.name] {
			have = append(have, c)
		}
	}
	newCols = have
	var oldNames []string
	for _, c := range newCols {
		if !isAdded[c.name] {
			oldNames = append(oldNames, c.name)
		}
	}
	rows, err := tx.Query(fmt.Sprintf("SELECT idx, %s, crc FROM %s ORDER BY idx", strings.Join(oldNames, ", "), table))
	if err != nil {
		return fmt.Errorf("%s: %w", table, err)
	}
	type reseal struct{ idx, crc int64 }
	var todo []reseal
	for rows.Next() {
		raw := make([]any, len(oldNames)+2)
		ptrs := make([]any, len(raw))
		for i := range raw {
			ptrs[i] = &raw[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			rows.Close()
			return fmt.Errorf("%s: %w", table, err)
		}
		idx, _ := raw[0].(int64)
		if crc, ok := raw[len(raw)-1].(int64); !ok || crc != rowCRC(raw[:len(raw)-1]) {
			continue // damaged: leave it for Recover to report
		}
		vals := []any{raw[0]}
		k := 1
		for _, c := range newCols {
			if isAdded[c.name] {
				vals = append(vals, value)
			} else {
				vals = append(vals, raw[k])
				k++
			}
		}
		todo = append(todo, reseal{idx, rowCRC(vals)})
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("%s: %w", table, err)
	}
	for _, r := range todo {
		if _, err := tx.Exec(fmt.Sprintf("UPDATE %s SET crc = ? WHERE idx = ?", table), r.crc, r.idx); err != nil {
			return fmt.Errorf("%s row %d: %w", table, r.idx, err)
		}
	}
	return nil
}

// tableColumns lists the columns a table of the database has.
func tableColumns(tx *sql.Tx, table string) (map[string]bool, error) {
	rows, err := tx.Query(fmt.Sprintf("PRAGMA table_info(%s)", table))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", table, err)
	}
	defer rows.Close()
	out := map[string]bool{}
	for rows.Next() {
		var cid, notNull, pk int
		var name, typ string
		var dflt any
		if err := rows.Scan(&cid, &name, &typ, &notNull, &dflt, &pk); err != nil {
			return nil, fmt.Errorf("%s: %w", table, err)
		}
		out[name] = true
	}
	return out, rows.Err()
}

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
