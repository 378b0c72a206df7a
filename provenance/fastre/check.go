package fastre

import (
	"fmt"
	"reflect"
)

// Check runs the matching methods Regexp redefines on s (all matches with
// their groups, the first match, whether any) beside regexp's own on the
// same pattern, and returns an error naming the first that differs: for
// tests that hold a package's patterns to regexp on real texts. (The
// other methods share their code; this package's tests compare them all.)
func (re *Regexp) Check(s string) error {
	std := re.Regexp
	got := []any{re.FindAllStringSubmatchIndex(s, -1), re.FindStringSubmatchIndex(s), re.MatchString(s)}
	want := []any{std.FindAllStringSubmatchIndex(s, -1), std.FindStringSubmatchIndex(s), std.MatchString(s)}
	names := []string{"FindAllStringSubmatchIndex", "FindStringSubmatchIndex", "MatchString"}
	for i := range got {
		if !reflect.DeepEqual(got[i], want[i]) {
			return fmt.Errorf("fastre: %q.%s gives %v, regexp %v", re.String(), names[i], got[i], want[i])
		}
	}
	return nil
}
