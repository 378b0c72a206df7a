// Package copytrail holds what every part of the program shares about
// itself: its version, written in one place only — FyneApp.toml, the file
// `fyne package` reads — and embedded here, and the commit it was built from,
// read from the Go build information.
//
// It imports no UI toolkit, so the engine, the command line and the app can
// all depend on it.
package copytrail

import (
	_ "embed"
	"fmt"
	"runtime/debug"
	"strings"

	"github.com/BurntSushi/toml"
)

//go:embed FyneApp.toml
var fyneApp []byte

// appMetadata is the part of FyneApp.toml the program reads about itself.
type appMetadata struct {
	Details struct {
		Name, ID, Version string
		Build             int
	}
}

var meta = func() appMetadata {
	var m appMetadata
	if err := toml.Unmarshal(fyneApp, &m); err != nil {
		panic("copytrail: FyneApp.toml embedded in the build does not parse: " + err.Error())
	}
	if m.Details.Version == "" {
		panic("copytrail: FyneApp.toml embedded in the build has no [Details] Version")
	}
	return m
}()

// Version is the release version from FyneApp.toml, such as "0.1.0".
func Version() string { return meta.Details.Version }

// AppID is the application ID from FyneApp.toml ("org.copytrail.app"): the
// name of the desktop entry and of the app's preferences folder.
func AppID() string { return meta.Details.ID }

// Build describes the binary that is running.
type Build struct {
	Version  string // from FyneApp.toml
	Commit   string // the full VCS revision, "" when the build recorded none
	Date     string // the commit's time, RFC 3339 in UTC, "" when unknown
	Modified bool   // built from a tree with uncommitted changes
}

// Current is the Build of the running binary. Go records the commit and its
// time when it builds inside a git checkout (-buildvcs, the default); a build
// from a source archive, or a test binary, records none.
func Current() Build {
	b := Build{Version: Version()}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return b
	}
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			b.Commit = s.Value
		case "vcs.time":
			b.Date = s.Value
		case "vcs.modified":
			b.Modified = s.Value == "true"
		}
	}
	return b
}

// String is the line `copytrail --version` prints:
// "copytrail 0.1.0 (commit 1a2b3c4d5e6f, 2026-12-06 20:31 UTC)", with
// "+ local changes" when the tree was modified, or "(no commit recorded)".
func (b Build) String() string {
	if b.Commit == "" {
		return "copytrail " + b.Version + " (no commit recorded)"
	}
	var parts []string
	parts = append(parts, "commit "+short(b.Commit))
	if b.Date != "" {
		parts = append(parts, readableDate(b.Date))
	}
	s := fmt.Sprintf("copytrail %s (%s)", b.Version, strings.Join(parts, ", "))
	if b.Modified {
		s += " + local changes"
	}
	return s
}

func short(commit string) string {
	if len(commit) > 12 {
		return commit[:12]
	}
	return commit
}

// readableDate turns "2026-12-06T20:31:05Z" into "2026-12-06 20:31 UTC".
func readableDate(rfc string) string {
	if len(rfc) >= 16 && rfc[10] == 'T' && strings.HasSuffix(rfc, "Z") {
		return rfc[:10] + " " + rfc[11:16] + " UTC"
	}
	return rfc
}
