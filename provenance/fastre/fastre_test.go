package fastre

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// patterns mix what start sets are made of: line starts, literals (folded
// or not, ASCII or not), classes, optional prefixes, word boundaries,
// alternations of all of these, empty matches, and patterns that can start
// anywhere.
var patterns = []string{
	`(?m)^\s*By\s+(?:The\s+)?([A-Z]\w*(?: [A-Z]\w*){0,3})\s*$`,
	`(?m)^\s*(###|-\s*(ENDS|FIN)\s*-)\s*$`,
	`(?i)for (more|further) information[^\n]{0,40}contact|to arrange an interview`,
	`(?im)^\s*(media|press) (contact|enquiries)s?\b|^\s*contact\s*:`,
	`[”"»]\s*,?\s*(says|déclare|affirme)\b|\b(says|déclare)\s*:?\s*[“"«]`,
	`\b([A-Z][A-Za-z&]*[A-Z][A-Za-z&]*|[A-Z][a-z]+(?: (?:for|of)?\s?[A-Z][a-z]+){1,3})\s+(?:is|are|calls)\b`,
	`/(PRNewswire(?:-USNewswire)?|GLOBE NEWSWIRE)/|\((BUSINESS WIRE|ACCESSWIRE)\)`,
	`(?m)^\s*[–—-]\s*(AFP|Reuters|AP)\s*$|(?i)©\s*(AFP|Reuters)`,
	`(?i)communiqu[ée] de presse|pour diffusion imm[ée]diate`,
	`(?i)ÉTÉ|élan`,
	`(?i)\bkick\b|\bsays\b`,
	`(?m)^`,
	`(?m)$`,
	`(?m)^\s*$`,
	`(?m)^(?:x|)`,
	`a*`,
	`\bthe\b`,
	`\Bhe`,
	`(?:ab)?c+d`,
	`(?:a|b)?(?:c|)e`,
	`x{0}y`,
	`(?s).ab`,
	`[\w.+-]+@[\w-]+\.[\w.]+`,
	`(?:^|\n|[^\w(])[A-Z][\w.,' -]{0,20}\s*\(([A-Z]\w*)\)\s*[-–—:]`,
	`(?m)(?i:source)-([A-Z]\w+)`,
	`\A(?:Hello|Bonjour)`,
	`(?m)\b(?:The\s+)?[A-Z]\w*\s+contributed\s+to`,
	`\b(?i:a|the)\s+[A-Z]\w+\s+(?i:press\s+)?(?i:release)`,
	`[^\w(]\(([A-Z]\w*)\)|.kick`,
	`(?m)^(?:\(Press-News\.org\)\s*)?[A-Z][A-Z .'-]{2,30},\s+[A-Z][a-z]{1,4}\.?\s*[-–—]{1,2}\s`,
	// Windows end at the first rune a pattern cannot take in: assertions
	// right before it, at it and at the end of the text.
	`\b[A-Z][a-z]+\b`,
	`\b[A-Z][a-z]+\B`,
	`(?m)\b[A-Z][a-z ]+$`,
	`\b[A-Z][a-z ]+\z`,
	`\b[A-Z][a-z]*(?: [A-Z][a-z]*)*\s+(?:is|says)\b`,
	`\b(?i:kelvin|stress)[a-z]*`,
	`\b[A-Z][^.]*\.`,
	// A repeat after a literal start: its first copy belongs to the start.
	`(?:\t|  +|\|[ \t]*)(?i:source)\s*:\s*([A-Z]\w*)`,
	`x(?:ab)+c|(?:yz){2,}`,
}

var texts = []string{
	"",
	"\n",
	"\n\n",
	"By The Associated Press\nSomething else.\n",
	"KICK the ball, he says: “we won” — \ufeff says Ann.\n",
	"The Kick is ſays here; SAYS “no”. Kelvin: Kick.\n",
	"###\n - ENDS -\nFIN\n",
	"For more information, please contact Jo.\nMedia contacts\nContact: x@y.org\n",
	"CIVIC calls for calm. Red Cross of Kenya is sure. CIVIC is here.\n",
	"GAINESVILLE, Fla. — Words /PRNewswire/ and (BUSINESS WIRE) here.\n",
	"– Reuters\n© afp 2024\n",
	"Communiqué de presse — pour diffusion immédiate. été ÉTÉ Élan\n",
	"ab cd abcd ccd cccd ee ae be ce y xy\n",
	"Hello there\nBonjour\n",
	"(Press-News.org) CHAMPAIGN, Ill. – Text\nNAIROBI, Kenya -- text\n",
	"LONDON (Reuters) - x. Paris (AFP): y\nsource-Daily\n",
	"The AP contributed to this. A Big Press Release; the Acme RELEASE\n",
	"mixed\r\nlines\r\n\r\nand tabs\t\t\n",
	"Published: May 3   Source: Harbour Press\tsource : Kit | Source:Ann\n xababc yzyzyz yz\n",
}

// checkSame calls every method the package redefines on both regexps.
func checkSame(t *testing.T, expr, s string) {
	t.Helper()
	re := MustCompile(expr)
	std := re.Regexp
	got := []any{re.MatchString(s), re.FindAllStringSubmatchIndex(s, -1), re.FindAllStringSubmatchIndex(s, 2),
		re.FindAllStringIndex(s, -1), re.FindAllStringSubmatch(s, -1), re.FindAllString(s, 3),
		re.FindStringSubmatchIndex(s), re.FindStringSubmatch(s), re.FindStringIndex(s), re.FindString(s)}
	want := []any{std.MatchString(s), std.FindAllStringSubmatchIndex(s, -1), std.FindAllStringSubmatchIndex(s, 2),
		std.FindAllStringIndex(s, -1), std.FindAllStringSubmatch(s, -1), std.FindAllString(s, 3),
		std.FindStringSubmatchIndex(s), std.FindStringSubmatch(s), std.FindStringIndex(s), std.FindString(s)}
	for i := range got {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Fatalf("%q on %q: method %d gives %v, regexp %v", expr, s, i, got[i], want[i])
		}
	}
	if err := re.Check(s); err != nil {
		t.Fatal(err)
	}
}

// TestWindowsStopWhereThePatternCannotGo checks the runes a pattern can
// take in: its classes, its literals with their case folds, and any rune
// but a newline for a dot.
func TestWindowsStopWhereThePatternCannotGo(t *testing.T) {
	cases := []struct {
		expr       string
		in, notIn  string
		takesInAll bool
	}{
		{expr: `\b[A-Z][a-z]+\s+says\b`, in: "Az \n\ts", notIn: ".,-'’1é"},
		{expr: `(?i)kick`, in: "kKicIC\u212a", notIn: "ab ."},
		{expr: `x.y`, in: "xy.,é\t", notIn: "\n"},
		{expr: `(?s)x.y`, takesInAll: true},
		{expr: `\bx[^\n]{1,5}`, in: "abc. é", notIn: "\n"},
	}
	for _, c := range cases {
		re := MustCompile(c.expr)
		if re.cons == nil {
			t.Fatalf("%q: no start set, no window", c.expr)
		}
		if re.cons.all != c.takesInAll {
			t.Errorf("%q: takes in every rune = %v, want %v", c.expr, re.cons.all, c.takesInAll)
		}
		stop := "\n"
		if c.notIn != "" {
			stop = c.notIn[:1]
		}
		for _, r := range c.in {
			w := window{c: re.cons, text: string(r) + stop}
			if e := w.end(0); e != len(string(r))+1 && !c.takesInAll {
				t.Errorf("%q: %q ends the window (at %d)", c.expr, r, e)
			}
		}
		for _, r := range c.notIn {
			w := window{c: re.cons, text: "x" + string(r) + "zz"}
			if e := w.end(1); e != 1+len(string(r)) {
				t.Errorf("%q: %q does not end the window (end %d)", c.expr, r, e)
			}
		}
	}
}

func TestSameMatchesAsRegexp(t *testing.T) {
	for _, p := range patterns {
		for _, s := range texts {
			checkSame(t, p, s)
		}
		checkSame(t, p, strings.Join(texts, " "))
	}
}

// TestSameMatchesOnShuffledTexts splices the texts' words and lines in a
// random order, so that matches fall at every kind of boundary.
func TestSameMatchesOnShuffledTexts(t *testing.T) {
	words := strings.FieldsFunc(strings.Join(texts, " \n "), func(r rune) bool { return r == ' ' })
	rng := rand.New(rand.NewPCG(1, 2))
	for range 300 {
		var b strings.Builder
		for range 5 + rng.IntN(60) {
			b.WriteString(words[rng.IntN(len(words))])
			b.WriteString([]string{" ", " ", "\n", "", ", "}[rng.IntN(5)])
		}
		for _, p := range patterns {
			checkSame(t, p, b.String())
		}
	}
}

// TestStartSets checks which patterns get a start set: a literal or a
// line start at the head of every alternative does, a pattern that can
// match the empty string anywhere or start on any character does not.
func TestStartSets(t *testing.T) {
	for expr, want := range map[string]bool{
		`(?m)^\s*By\s+x`:   true,
		`\b(says|said)\b`:  true,
		`(?i)for more|bye`: true,
		`[A-Z][a-z]+ is`:   true,
		`(?:a|b)?(?:c|)e`:  true,
		`a*`:               false,
		`\s*x`:             true, // \s is five characters
		`.x`:               false,
		`[^a]x`:            false,
		`x|[^a]`:           false,
		`(?m)$`:            false,
	} {
		if got := MustCompile(expr).first != nil; got != want {
			t.Errorf("%q: start set %v, want %v", expr, got, want)
		}
	}
}

// TestFallsBackOnUnsafeText: invalid UTF-8 and a Kelvin sign next to a
// folded "k" are searched the standard way, with the same results.
func TestFallsBackOnUnsafeText(t *testing.T) {
	re := MustCompile(`(?i)\bkick\b`)
	for _, s := range []string{"a \xff kick", "\u212aick and kick"} {
		if _, ok := re.candidates(s); ok {
			t.Errorf("%q: searched by candidates", s)
		}
		checkSame(t, `(?i)\bkick\b`, s)
	}
	if _, ok := re.candidates("a KICK"); !ok {
		t.Error("plain text not searched by candidates")
	}
}

func FuzzSameMatchesAsRegexp(f *testing.F) {
	for i, s := range texts {
		f.Add(uint(i), s)
	}
	f.Fuzz(func(t *testing.T, i uint, s string) {
		checkSame(t, patterns[i%uint(len(patterns))], s)
	})
}

// TestWithStartsTriesOnlyThere: a pattern given its starts finds the
// matches regexp finds when they include every start, and only those at
// the starts it is given (the list is used, not the start set).
func TestWithStartsTriesOnlyThere(t *testing.T) {
	expr := `\b[A-Z][a-z]+(?: [A-Z][a-z]+)*\s+(?:is|calls)\b`
	text := "So Red Cross is here. Oxfam calls. Nobody is."
	caps := func(s string) []int {
		var out []int
		for i := 0; i < len(s); i++ {
			if 'A' <= s[i] && s[i] <= 'Z' {
				out = append(out, i)
			}
		}
		return out
	}
	re := MustCompile(expr).WithStarts(caps)
	for _, s := range append([]string{text}, texts...) {
		if err := re.Check(s); err != nil {
			t.Fatal(err)
		}
	}
	oxfam := strings.Index(text, "Oxfam")
	only := MustCompile(expr).WithStarts(func(string) []int { return []int{oxfam} })
	if got := only.FindAllStringIndex(text, -1); len(got) != 1 || got[0][0] != oxfam {
		t.Errorf("tried only at Oxfam: %v", got)
	}
	if got := only.Regexp.FindAllStringIndex(text, -1); len(got) != 3 {
		t.Errorf("regexp: %v, want 3 matches", got)
	}
}

// TestRepeatLengthensTheStart: a match of "  +x" starts on two spaces, so
// single spaces (every word gap of a text) are no candidates, and "(?:ab)+"
// starts on "ab".
func TestRepeatLengthensTheStart(t *testing.T) {
	for expr, want := range map[string][]string{
		`(?:\t|  +|\|[ \t]*)(?i:source)`: {"  "},
		`x(?:ab)+c`:                      {"xab"},
		`(?:yz){2,}q`:                    {"yz"},
	} {
		re := MustCompile(expr)
		if re.first == nil {
			t.Fatalf("%q: no start set", expr)
		}
		st := re.starts
		if st.bytes[' '] {
			t.Errorf("%q: a single space is a start", expr)
		}
		var multi []string
		for _, l := range st.multi {
			multi = append(multi, l.s)
		}
		for _, w := range want {
			if !slices.Contains(multi, w) {
				t.Errorf("%q: starts %q, want %q among them", expr, multi, w)
			}
		}
	}
}
