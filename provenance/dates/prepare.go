package dates

import (
	"regexp"
	"strings"
	"time"
	_ "time/tzdata" // ET, PT … are read in their IANA zone whatever the machine has installed
)

// labelRe matches words printed before a date: "Published:", "Updated on", "Posted".
var labelRe = regexp.MustCompile(`(?i)^(?:(?:first|last)\s+)?(?:published|updated|posted|modified|dated?|on|le|el|am)\b\s*(?::|on\b)?\s*`)

// meridiemRe matches "a.m.", "p.m.", "a.m", "p. m.".
var meridiemRe = regexp.MustCompile(`(?i)\b([ap])\.\s?m\.?`)

// foreignMonths maps month names in French, Spanish, German, Portuguese and
// Italian to English (whole words, lower case).
var foreignMonths = map[string]string{
	"janvier": "January", "février": "February", "fevrier": "February", "mars": "March", "avril": "April",
	"mai": "May", "juin": "June", "juillet": "July", "août": "August", "aout": "August",
	"septembre": "September", "octobre": "October", "novembre": "November", "décembre": "December", "decembre": "December",
	"enero": "January", "febrero": "February", "marzo": "March", "abril": "April", "mayo": "May", "junio": "June",
	"julio": "July", "agosto": "August", "septiembre": "September", "setiembre": "September", "octubre": "October",
	"noviembre": "November", "diciembre": "December",
	"januar": "January", "jänner": "January", "februar": "February", "märz": "March", "juni": "June", "juli": "July",
	"oktober": "October", "dezember": "December",
	"janeiro": "January", "fevereiro": "February", "março": "March", "maio": "May", "junho": "June", "julho": "July",
	"setembro": "September", "outubro": "October", "novembro": "November", "dezembro": "December",
	"gennaio": "January", "febbraio": "February", "aprile": "April", "maggio": "May", "giugno": "June",
	"luglio": "July", "settembre": "September", "ottobre": "October", "dicembre": "December",
}

// fillerWords are dropped between day, month and year ("1 de junio de 2021", "1er juin").
var fillerWords = map[string]bool{"de": true, "del": true, "di": true}

// fixedZones are zone abbreviations whose offset does not depend on the date.
var fixedZones = map[string]int{ // offset in minutes east of UTC
	"UTC": 0, "GMT": 0, "UT": 0, "Z": 0, "WET": 0,
	"EST": -5 * 60, "EDT": -4 * 60, "CST": -6 * 60, "CDT": -5 * 60, "MST": -7 * 60, "MDT": -6 * 60,
	"PST": -8 * 60, "PDT": -7 * 60, "AKST": -9 * 60, "AKDT": -8 * 60, "HST": -10 * 60,
	"BST": 60, "WEST": 60, "CET": 60, "CEST": 120, "EET": 120, "EEST": 180, "MSK": 180,
	"WAT": 60, "CAT": 120, "SAST": 120, "EAT": 180,
	"PKT": 5 * 60, "ICT": 7 * 60, "WIB": 7 * 60, "HKT": 8 * 60, "SGT": 8 * 60, "PHT": 8 * 60, "AWST": 8 * 60,
	"JST": 9 * 60, "KST": 9 * 60, "ACST": 9*60 + 30, "AEST": 10 * 60, "AEDT": 11 * 60, "NZST": 12 * 60, "NZDT": 13 * 60,
}

// regionZones are abbreviations that follow daylight saving: read in their IANA zone.
var regionZones = map[string]string{
	"ET": "America/New_York", "CT": "America/Chicago", "MT": "America/Denver", "PT": "America/Los_Angeles",
}

// prepare tidies what people and pages write around a date and takes a
// trailing zone abbreviation off (returned as zone). A clock time whose zone
// word is unknown keeps the word off and zone nil: only the day is kept.
func prepare(input string) (clean string, zone *time.Location, err error) {
	s := strings.Join(strings.Fields(input), " ")
	for {
		t := labelRe.ReplaceAllString(s, "")
		if t == s {
			break
		}
		s = t
	}
	s = meridiemRe.ReplaceAllStringFunc(s, func(m string) string { return strings.ToUpper(m[:1]) + "M" })
	s = englishMonths(s)
	s, zone = takeZone(s)
	return strings.TrimSpace(s), zone, nil
}

// englishMonths rewrites foreign month names and drops filler words and
// ordinal marks that the parser does not know ("1er", "1.").
func englishMonths(s string) string {
	words := strings.Split(s, " ")
	out := words[:0]
	for i, w := range words {
		low := strings.ToLower(strings.Trim(w, ","))
		if en, ok := foreignMonths[low]; ok && !isEnglishMonth(low) {
			w = strings.Replace(w, strings.Trim(w, ","), en, 1)
		}
		if fillerWords[low] && i > 0 && i < len(words)-1 {
			continue
		}
		if strings.HasSuffix(low, "er") && allDigits(low[:len(low)-2]) && low != "er" {
			w = w[:len(w)-2]
		}
		// German "1. Juni 2021": a day with a full stop before a month name.
		if i+1 < len(words) && strings.HasSuffix(w, ".") && allDigits(w[:len(w)-1]) && monthWord(words[i+1]) {
			w = w[:len(w)-1]
		}
		out = append(out, w)
	}
	return strings.Join(out, " ")
}

func isEnglishMonth(low string) bool {
	switch low {
	case "april", "august", "september", "november":
		return true
	}
	return false
}

// monthWord reports whether w names a month in any language known here.
func monthWord(w string) bool {
	low := strings.ToLower(strings.Trim(w, ",."))
	if _, ok := foreignMonths[low]; ok {
		return true
	}
	for m := time.January; m <= time.December; m++ {
		name := strings.ToLower(m.String())
		if low == name || low == name[:3] {
			return true
		}
	}
	return false
}

// takeZone removes a trailing zone abbreviation ("EDT", "(UTC)", "ET").
func takeZone(s string) (string, *time.Location) {
	i := strings.LastIndexByte(s, ' ')
	if i < 0 {
		return s, nil
	}
	word := strings.Trim(s[i+1:], "()[],.")
	rest := strings.TrimRight(s[:i], " ,")
	if word == "" || word != strings.ToUpper(word) || !isLetters(word) {
		return s, nil
	}
	if off, ok := fixedZones[word]; ok {
		if off == 0 {
			return rest, time.UTC
		}
		return rest, time.FixedZone(word, off*60)
	}
	if name, ok := regionZones[word]; ok {
		if loc, err := time.LoadLocation(name); err == nil {
			return rest, loc
		}
	}
	// An unknown zone word after a clock time: drop it; the day alone is kept.
	if len(word) >= 2 && len(word) <= 5 && strings.Contains(rest, ":") && !monthWord(word) {
		return rest, nil
	}
	return s, nil
}

func isLetters(s string) bool {
	for _, c := range s {
		if c < 'A' || c > 'Z' {
			return false
		}
	}
	return true
}
