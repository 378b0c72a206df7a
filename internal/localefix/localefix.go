// Package localefix makes the locale environment one that Fyne's lang
// package can read, before that package initialises. Import it for its side
// effect, from every program that links Fyne:
//
//	import _ "github.com/copytrail/copytrail/internal/localefix"
//
// # The problem
//
// Fyne's lang package, when it initialises, asks github.com/jeandeaual/go-locale
// for the user's languages, which on Linux and the BSDs come from the
// environment: LC_ALL, LC_MESSAGES or LANG, else LANGUAGE when that is set. It
// then parses each with golang.org/x/text/language and logs every failure to
// stderr as a three-line "Fyne error". Under LANG=C.UTF-8 — the default of
// Debian containers and CI — go-locale hands over "C", which is no language
// tag, so every run of the program, even `copytrail --version`, printed that
// error. Locales with a modifier (de_DE@euro) and empty LANGUAGE entries
// ("fr::de") fail the same way. Plain LANG=C and LANG=POSIX are read as "no
// preference", which Fyne already treats as English.
//
// # The fix
//
// When the languages go-locale would report are not all well-formed, init
// sets LANGUAGE to the cleaned list: C and POSIX become English ("en"), the
// codeset and modifier are dropped, malformed entries are left out, and an
// empty list becomes "en". A well-formed environment is left alone. The
// program's own messages are English, so only Fyne's reading changes.
//
// # Why init runs early enough
//
// Since Go 1.21, packages initialise in import-path order, each as soon as
// everything it imports has initialised. This package imports only os,
// strings and runtime, all of which go-locale imports too; so it is ready no
// later than go-locale and, its path ("github.com/copytrail/...") sorting
// before "github.com/jeandeaual/go-locale", it initialises first — and so
// before fyne.io/fyne/v2/lang, which needs go-locale. Adding an import here
// can break that: the tests run the real program under LANG=C.UTF-8 and
// fail on any stderr.
package localefix

import (
	"os"
	"runtime"
	"strings"
)

func init() {
	switch runtime.GOOS {
	case "windows", "darwin", "ios", "android", "js":
		return // go-locale asks the system there, not the environment
	}
	if value, change := Languages(os.Getenv); change {
		os.Setenv("LANGUAGE", value)
	}
}

// Languages works out what go-locale would read from the environment given
// by getenv and, when an entry of it is not a well-formed language tag,
// returns the LANGUAGE value that reads as the same preferences, cleaned,
// and true. It returns "", false when there is nothing to fix.
func Languages(getenv func(string) string) (string, bool) {
	locale := ""
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if locale = getenv(name); locale != "" {
			break
		}
	}
	if locale == "" || locale == "C" || locale == "POSIX" {
		return "", false // go-locale reports no preference: English
	}
	list := locale
	if l := getenv("LANGUAGE"); l != "" {
		list = l
	}
	var clean []string
	broken := false
	for _, entry := range strings.Split(list, ":") {
		c, ok := cleanEntry(entry)
		if !ok {
			broken = true
		}
		if c != "" && !contains(clean, c) {
			clean = append(clean, c)
		}
	}
	if !broken {
		return "", false
	}
	if len(clean) == 0 {
		clean = []string{"en"}
	}
	return strings.Join(clean, ":"), true
}

// cleanEntry turns one locale name ("de_DE@euro", "C.UTF-8", "pt-BR") into
// a language[_REGION] that parses ("de_DE", "en", "pt_BR"), and reports
// whether go-locale's own reading of the entry (codeset cut, "-" made "_",
// split at "_") was already well-formed. It returns "" for an entry with no
// usable language.
func cleanEntry(entry string) (string, bool) {
	name, _, _ := strings.Cut(entry, ".")
	name = strings.ReplaceAll(name, "-", "_")
	lang, region, _ := strings.Cut(name, "_")
	ok := wellFormed(lang, region)
	lang, _, _ = strings.Cut(lang, "@")
	region, _, _ = strings.Cut(region, "@")
	switch {
	case lang == "C" || lang == "POSIX":
		return "en", false
	case !wellFormed(lang, ""):
		return "", false
	case region == "" || !wellFormed(lang, region):
		return lang, ok
	}
	return lang + "_" + region, ok
}

// wellFormed reports whether lang (2 or 3 letters) and region (empty, 2
// letters or 3 digits) make a tag golang.org/x/text/language parses.
func wellFormed(lang, region string) bool {
	return letters(lang, 2, 3) && (region == "" || letters(region, 2, 2) || digits(region, 3))
}

func letters(s string, min, max int) bool {
	if len(s) < min || len(s) > max {
		return false
	}
	for _, r := range s {
		if (r < 'a' || r > 'z') && (r < 'A' || r > 'Z') {
			return false
		}
	}
	return true
}

func digits(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
