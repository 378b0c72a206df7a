package localefix_test

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"

	"github.com/copytrail/copytrail/internal/localefix"
)

func TestLanguages(t *testing.T) {
	for _, c := range []struct {
		env    map[string]string
		want   string
		change bool
	}{
		{map[string]string{"LANG": "C.UTF-8"}, "en", true},
		{map[string]string{"LANG": "C.utf8"}, "en", true},
		{map[string]string{"LANG": "POSIX.UTF-8"}, "en", true},
		{map[string]string{"LC_ALL": "C.UTF-8", "LANG": "fr_FR.UTF-8"}, "en", true},
		{map[string]string{"LANG": "de_DE@euro"}, "de_DE", true},
		{map[string]string{"LANG": "C.UTF-8", "LANGUAGE": "fr::de_DE"}, "fr:de_DE", true},
		{map[string]string{"LANG": "C.UTF-8", "LANGUAGE": "C"}, "en", true},
		{map[string]string{"LANG": "C.UTF-8", "LANGUAGE": "x"}, "en", true},
		// Nothing to fix: go-locale reads these well.
		{map[string]string{"LANG": "C"}, "", false},
		{map[string]string{"LANG": "POSIX", "LANGUAGE": "C.UTF-8"}, "", false},
		{map[string]string{}, "", false},
		{map[string]string{"LANG": "fr_FR.UTF-8"}, "", false},
		{map[string]string{"LANG": "de_DE.UTF-8@euro"}, "", false},
		{map[string]string{"LANG": "C.UTF-8", "LANGUAGE": "en_US"}, "", false},
		{map[string]string{"LANG": "es_419.UTF-8"}, "", false},
		{map[string]string{"LANG": "pt-BR", "LANGUAGE": "pt_BR:pt:en"}, "", false},
	} {
		got, change := localefix.Languages(func(k string) string { return c.env[k] })
		if got != c.want || change != c.change {
			t.Errorf("%v: got %q, %v; want %q, %v", c.env, got, change, c.want, c.change)
		}
	}
}

// TestMain lets the test binary play a program that links Fyne: with
// LOCALEFIX_CHILD set it prints the locale Fyne's lang package settled on.
// By then lang has initialised (and logged any locale error) at start-up,
// in the same init order as the real copytrail binary.
func TestMain(m *testing.M) {
	if os.Getenv("LOCALEFIX_CHILD") == "1" {
		fmt.Print(lang.SystemLocale())
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// TestFyneReadsTheFixedLocale runs the test binary under the locales that
// made Fyne log "Error parsing user locale": stderr must stay empty and
// C/POSIX must read as English.
func TestFyneReadsTheFixedLocale(t *testing.T) {
	for _, c := range []struct {
		env  []string
		want string
	}{
		{[]string{"LANG=C.UTF-8"}, "en"},
		{[]string{"LANG=C"}, "en"},
		{[]string{"LC_ALL=POSIX.UTF-8"}, "en"},
		{[]string{"LANG=de_DE@euro"}, "de-DE"},
		{[]string{"LANG=C.UTF-8", "LANGUAGE=fr::de"}, "fr"},
		{[]string{"LANG=fr_FR.UTF-8"}, "fr-FR"},
	} {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(cleanEnv(), append(c.env, "LOCALEFIX_CHILD=1")...)
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Run(); err != nil {
			t.Fatalf("%v: %v\n%s", c.env, err, stderr.String())
		}
		if stderr.Len() > 0 {
			t.Errorf("%v: stderr not empty:\n%s", c.env, stderr.String())
		}
		if got := stdout.String(); got != c.want {
			t.Errorf("%v: Fyne's locale %q, want %q", c.env, got, c.want)
		}
	}
}

// cleanEnv is the environment without any locale variable.
func cleanEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		switch strings.SplitN(kv, "=", 2)[0] {
		case "LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES":
		default:
			env = append(env, kv)
		}
	}
	return env
}
