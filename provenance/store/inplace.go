package store

import (
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"time"
)

// userTables are the tables of the user's own work that SaveUserTables
// writes: what changes while a large workspace is being read.
var userTables = []string{"decisions", "notes", "view"}

// SaveUserTables writes the user's own work in ws — decisions, notes and
// the view — into the workspace file at path in place, leaving the
// articles, the analysis and the index as the file holds them. It is one
// SQLite transaction (rollback journal, synchronous): killed half way, the
// file opens as it was before (Open plays the journal back); done, the
// file is what Save would have written had ws's articles and analysis
// been the file's. Saving a verdict into a 100,000-article workspace
// rewrites three small tables, not the whole file. The file must be a
// workspace of the current schema version.
func SaveUserTables(path string, ws *Workspace) error {
	if ws == nil {
		return errorf("save", path, nil, nil, "no workspace given")
	}
	abs, err := realPath(path)
	if err != nil {
		return err
	}
	defer lockPath(abs)()
	sum, err := Peek(abs)
	if err != nil {
		return err
	}
	if sum.SchemaVersion != schemaVersion {
		return errorf("save", path, nil, nil, "the file is in workspace format %d, not %d: save it whole", sum.SchemaVersion, schemaVersion)
	}
	db, _, err := openWritable(abs)
	if err != nil {
		return errorf("save", path, nil, err, "cannot open the file for writing")
	}
	defer db.Close()
	tx, err := db.Begin()
	if err != nil {
		return errorf("save", path, nil, err, "cannot start writing")
	}
	defer tx.Rollback()
	meta := map[string]string{"saved_at": time.Now().UTC().Format(time.RFC3339)}
	for _, name := range userTables {
		t := tableNamed(name)
		if _, err := tx.Exec("DELETE FROM " + t.name); err != nil {
			return errorf("save", path, nil, err, "cannot clear table %s", t.name)
		}
		if err := insertRows(tx, t, ws); err != nil {
			return errorf("save", path, nil, err, "cannot write table %s", t.name)
		}
		n, _ := t.rows(ws)
		meta["rows."+t.name] = strconv.Itoa(n)
	}
	var nils string
	if err := tx.QueryRow("SELECT value FROM meta WHERE key = 'nil_collections'").Scan(&nils); err != nil {
		return errorf("save", path, ErrDamaged, err, "cannot read the meta table")
	}
	var list []string
	if err := fromJSON("nil_collections", nils, &list); err != nil {
		return errorf("save", path, ErrDamaged, err, "cannot read the meta table")
	}
	list = slices.DeleteFunc(list, func(s string) bool { return slices.Contains(userTables, s) })
	for _, c := range collections {
		if slices.Contains(userTables, c.name) && c.isNil(ws) {
			list = append(list, c.name)
		}
	}
	if list == nil {
		list = []string{}
	}
	meta["nil_collections"] = toJSON(list)
	for k, v := range meta {
		if _, err := tx.Exec("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", k, v); err != nil {
			return errorf("save", path, nil, err, "cannot write the meta table")
		}
	}
	if err := tx.Commit(); err != nil {
		return errorf("save", path, nil, err, "cannot commit")
	}
	return nil
}

// CopyFile copies the workspace file src to dst atomically (a temporary
// file beside dst, synced, renamed over it, the folder synced), so a large
// workspace can be saved under another name without reading it: dst is
// always either what it was or a complete copy. Follow it with
// SaveUserTables to write the user's work into the copy.
func CopyFile(src, dst string) error {
	if _, err := Peek(src); err != nil {
		return err
	}
	abs, err := realPath(dst)
	if err != nil {
		return err
	}
	defer lockPath(abs)()
	in, err := os.Open(src)
	if err != nil {
		return errorf("save", dst, nil, err, "cannot read %s", src)
	}
	defer in.Close()
	dir, base := filepath.Split(abs)
	tmp, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return errorf("save", dst, nil, err, "cannot create a file in %s", dir)
	}
	done := false
	defer func() {
		if !done {
			os.Remove(tmp.Name())
		}
	}()
	if _, err := io.Copy(tmp, in); err != nil {
		tmp.Close()
		return errorf("save", dst, nil, err, "cannot copy %s", src)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return errorf("save", dst, nil, err, "cannot flush the new file to disk")
	}
	if err := tmp.Close(); err != nil {
		return errorf("save", dst, nil, err, "cannot write the new file")
	}
	if err := os.Rename(tmp.Name(), abs); err != nil {
		return errorf("save", dst, nil, err, "cannot replace the previous file")
	}
	done = true
	for _, suffix := range []string{"-journal", "-wal", "-shm"} {
		os.Remove(abs + suffix)
	}
	if err := syncDir(dir); err != nil {
		return errorf("save", dst, nil, err, "copied, but the folder could not be flushed to disk")
	}
	return nil
}

// realPath is the absolute path a save to path writes: the file a
// symbolic link points to, not the link.
func realPath(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", errorf("save", path, nil, err, "cannot resolve the path")
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	return abs, nil
}
