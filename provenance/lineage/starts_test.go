package lineage

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/copytrail/copytrail/provenance/fastre"
)

// TestStartFindersMatchAsRegexp holds the patterns searched with a
// hand-made start finder (starts.go) to regexp on texts spliced from what
// their names and anchors are made of: capitalised words, acronyms,
// joining words, their verbs, "said in a statement", ’s and 's, source
// lines, press-release datelines, names
// alone on their lines after dashes and blank lines, hyphens,
// ampersands, blanks of every kind, digits, punctuation and non-ASCII
// letters, so that a start the finder leaves out shows as a missed match.
func TestStartFindersMatchAsRegexp(t *testing.T) {
	parts := []string{" ", " ", " ", "  ", "\n", "\t", "\r\n", ".", ",", "-", "&", "’", "'", "(", "3", "é", "É",
		"CIVIC", "Oxfam", "Red", "Cross", "Kenya", "AT&T", "UN", "University", "Jean-Claude", "O'Brien", "Smith",
		"of", "for", "in", "de", "du", "des", "pour", "and", "on", "at", "the", "The", "x", "forKenya",
		"said", "unsaid", "says", "in a", "on the", "its", "statement", "report", "new study", "release",
		"’s", "'s", "s", "is", "are", "calls", "announced", "se félicite", "s’inquiète", "s'inquiète", "est", "isn",
		"deeply", "concerned", "Researchers", "at the",
		"said in a statement", "said on its report", "’s report", "'s new study", "calls for", "is deeply",
		"–", "—", "\n\n", "\n \n", "Reuters", "Associated Press", "!", "_", "\v", "x.y",
		"Source:", "SOURCE", "source", "Story", "story source -", "ſource:", "*", "**", "(Press-News.org)", "CHAMPAIGN",
		"ST. LOUIS", "O'HARE-X", "Ill.", "D.C.", "Jan.", "5,", "2024", "/PRNewswire/", "ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEF",
		"From", "FROM", "from", "--", "À", "A", "propos", "PROPOS", "d’", "Oxfam:", "By", "by", "BY", "Author", "AUTHOR:", "author :",
		"”", "“", `"`, "«", "»", ":", "déclare", "affirme", "explique", "souligne", "ajoute", "estime", "indique", "précise", "sayso", "Says", "déclarer", "xsays", "”,", `",`, "» ,",
		"according to", "According", "ACCORDING TO", "accordingly", "told", "Told", "toldx", "reported", "Reports", "SAID", "SAYS", "reportedly",
		"news agency", "wire service", "a", "an", "In", "to", "report", "study", "survey", "analysis", "statement", "press release",
		"news release", "press", "news", "new", "recent", "latest", "annual", "joint", "published", "issued", "by", "from", "3a", "in a", "AFP", "IANS", "Agence France-Presse", "Kenya’s", "St.", "U.S.", "!"}
	patterns := []*fastre.Regexp{orgSubject, orgAttributions[2].re, orgAttributions[3].re, lineNameCredit(), storySourceCredit(), releaseDateline, fromLineCredit(), aProposMarker(), byLineCredit(), authorLineCredit(), saysAttribution, outletCited, orgAttributionOf(`\b(?:a|an|the)`)}
	rng := rand.New(rand.NewPCG(7, 11))
	for i := 0; i < 20000; i++ {
		// a few parts a text, so that names of several words meet anchors
		few := make([]string, 2+rng.IntN(8))
		for k := range few {
			few[k] = parts[rng.IntN(len(parts))]
		}
		var b strings.Builder
		for n := rng.IntN(40); n >= 0; n-- {
			b.WriteString(few[rng.IntN(len(few))])
			if rng.IntN(3) > 0 {
				b.WriteByte(' ')
			}
		}
		s := b.String()
		for _, re := range patterns {
			if err := re.Check(s); err != nil {
				t.Fatalf("on %q: %v", s, err)
			}
		}
	}
	// The finders must find something to hold: texts where each matches.
	for _, c := range []struct {
		re   *fastre.Regexp
		text string
	}{
		{orgSubject, "Yes. Red Cross of Kenya calls for calm, and CIVIC is here."},
		{orgAttributions[2].re, "Later the University of Kenya said in a statement that"},
		{orgAttributions[3].re, "It was AT&T’s new report, then Oxfam's study."},
		{lineNameCredit(), "Text, then.\n\n–\nThe Associated Press\n"},
		{storySourceCredit(), "Text.\n\n** Story Source: University of Kenya\n"},
		{releaseDateline, "Title\n(Press-News.org) CHAMPAIGN, Ill. – Researchers\nST. LOUIS, Jan. 5, 2024 /PRNewswire/ -- The"},
		{releaseDateline, "ABCDEFGHIJKLMNOPQRSTUVWXYZABCDE, Ill. – a city of 31 letters"},
		{storySourceCredit(), "Text.\nſource: University of Kenya"},
		{fromLineCredit(), "Title\n  FROM Reuters\nText"},
		{byLineCredit(), "Title\n\n  By The Associated Press\nText"},
		{authorLineCredit(), "Title\n\t AUTHOR : Reuters\nText"},
		{aProposMarker(), "Texte.\n\nÀ propos de Oxfam\nA propos du CNRS :\n"},
		{outletCited, "Calm returned, according to news agency IANS. An official told AFP on Monday; the Associated Press reported, and Agence France-Presse said."},
		{orgAttributionOf(`\b(?:a|an|the)`), "It was in a new study by the University of Kenya, an annual news release from Oxfam and an analysis by WHO."},
		{saysAttribution, "“Calm,” says Ann. «Oui» , précise-t-il. He says: \"no\", and estime  «non»."},
	} {
		if got, want := c.re.FindAllStringSubmatchIndex(c.text, -1), c.re.Regexp.FindAllStringSubmatchIndex(c.text, -1); len(want) == 0 || len(got) != len(want) {
			t.Errorf("%q on %q: %v, regexp %v", c.re, c.text, got, want)
		}
	}
}

// orgAttributionOf is the organisation attribution pattern whose
// expression starts with prefix.
func orgAttributionOf(prefix string) *fastre.Regexp {
	for _, p := range orgAttributions {
		if strings.HasPrefix(p.re.String(), prefix) {
			return p.re
		}
	}
	panic("no attribution pattern " + prefix)
}

// creditPatternOf is the credit pattern whose expression starts with prefix.
func creditPatternOf(prefix string) *fastre.Regexp {
	for _, p := range creditPatterns {
		if strings.HasPrefix(p.re.String(), prefix) {
			return p.re
		}
	}
	panic("no credit pattern starting " + prefix)
}

// storySourceCredit is the credit pattern of a "Story Source:" line, and
// fromLineCredit of a "From …" line.
func storySourceCredit() *fastre.Regexp {
	return creditPatternOf(`(?m)^\W{0,3}(?i:(?:story\s+)?source)`)
}
func fromLineCredit() *fastre.Regexp { return creditPatternOf(`(?m)^\s*(?i:from)\s+`) }

// byLineCredit and authorLineCredit are the credit patterns of a byline
// and of an "Author:" line.
func byLineCredit() *fastre.Regexp     { return creditPatternOf(`(?m)^\s*By\s+`) }
func authorLineCredit() *fastre.Regexp { return creditPatternOf(`(?m)^\s*(?i:author)\s*:`) }

// aProposMarker is the release marker of an "À propos de" section.
func aProposMarker() *fastre.Regexp {
	for _, m := range releaseMarkers {
		if strings.Contains(m.name, "propos") {
			return m.re
		}
	}
	panic("no À propos marker")
}

// lineNameCredit is the credit pattern of a name alone on its line.
func lineNameCredit() *fastre.Regexp { return creditPatternOf(`(?m)^\s*[-–—]?\s*(?:The\s+)?`) }

// TestFindersListEveryMatchStart holds this session's start finders to
// regexp directly, without fastre's own fallback for texts holding ſ: every
// start of a match regexp finds is among the offsets the finder lists.
func TestFindersListEveryMatchStart(t *testing.T) {
	finders := []struct {
		re    *fastre.Regexp
		find  func(string) []int
		texts []string
	}{
		{outletCited, outletCitedStarts, []string{"Calm, aſ ſaid Reuters; the Associated Press ſays", "ſo, according to AFP", "AFP ſaid x", "Reuters said ſ"}},
		{saysAttribution, saysStarts, []string{"“Calm,” ſays Ann, “no”, says Bo: “yes”", "He says: «non»"}},
		{orgAttributionOf(`\b(?:a|an|the)`), docByStarts, []string{"ſo in a new ſtudy by X, an annual report from the University of Kenya"}},
	}
	for _, f := range finders {
		for _, s := range f.texts {
			got := f.find(s)
			for _, m := range f.re.Regexp.FindAllStringIndex(s, -1) {
				if !slices.Contains(got, m[0]) {
					t.Errorf("%q on %q: regexp's match at %d is not among the finder's %v", f.re, s, m[0], got)
				}
			}
		}
	}
}
