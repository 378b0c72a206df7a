package copytrail

import (
	"regexp"
	"testing"
)

func TestVersionFromFyneApp(t *testing.T) {
	// fyne package accepts only x.y.z made of integers.
	if !regexp.MustCompile(`^\d+\.\d+\.\d+$`).MatchString(Version()) {
		t.Fatalf("FyneApp.toml Version %q is not x.y.z", Version())
	}
	if AppID() != "org.copytrail.app" {
		t.Fatalf("AppID %q", AppID())
	}
}

func TestBuildString(t *testing.T) {
	for _, c := range []struct {
		b    Build
		want string
	}{
		{Build{Version: "1.2.3"}, "copytrail 1.2.3 (no commit recorded)"},
		{Build{Version: "1.2.3", Commit: "0123456789abcdef0123", Date: "2026-12-06T20:31:05Z"},
			"copytrail 1.2.3 (commit 0123456789ab, 2026-12-06 20:31 UTC)"},
		{Build{Version: "1.2.3", Commit: "abc", Modified: true}, "copytrail 1.2.3 (commit abc) + local changes"},
	} {
		if got := c.b.String(); got != c.want {
			t.Errorf("%+v: got %q, want %q", c.b, got, c.want)
		}
	}
}
