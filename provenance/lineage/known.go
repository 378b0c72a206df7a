package lineage

import (
	"net/url"
	"strings"
	"unicode"

	"github.com/copytrail/copytrail/provenance"
)

// knownOutlet is one well-known wire agency, newswire service, aggregator or
// republisher: the names and web hosts it goes by and what it does. The
// table is documented in docs/lineage.md.
type knownOutlet struct {
	name    string   // the name reasons use
	aliases []string // other names as they appear in credits and metadata
	hosts   []string // web hosts, without "www."
	role    provenance.Role
	// newswire services distribute press releases: their marker makes a
	// text a release, whoever carries it.
	newswire bool
	// republished: the outlet publishes its own articles for others to
	// republish under a Creative Commons licence (The Conversation), so a
	// page of its own is the original of what another outlet carries.
	republished bool
}

// knownOutlets are the outlets Copytrail knows by name and host.
var knownOutlets = []knownOutlet{
	// Wire agencies.
	{name: "Associated Press", aliases: []string{"AP", "The Associated Press"}, hosts: []string{"apnews.com", "ap.org"}, role: provenance.RoleWire},
	{name: "Reuters", aliases: []string{"Thomson Reuters"}, hosts: []string{"reuters.com"}, role: provenance.RoleWire},
	{name: "Agence France-Presse", aliases: []string{"AFP", "Agence France Presse"}, hosts: []string{"afp.com"}, role: provenance.RoleWire},
	{name: "Xinhua", aliases: []string{"Xinhua News Agency"}, hosts: []string{"xinhuanet.com", "news.cn"}, role: provenance.RoleWire},
	{name: "Press Trust of India", aliases: []string{"PTI"}, hosts: []string{"ptinews.com"}, role: provenance.RoleWire},
	{name: "IANS", aliases: []string{"Indo-Asian News Service"}, hosts: []string{"ians.in"}, role: provenance.RoleWire},
	{name: "ANI", aliases: []string{"Asian News International"}, hosts: []string{"aninews.in"}, role: provenance.RoleWire},
	{name: "dpa", aliases: []string{"Deutsche Presse-Agentur"}, hosts: []string{"dpa.com"}, role: provenance.RoleWire},
	{name: "PA Media", aliases: []string{"PA", "Press Association"}, hosts: []string{"pamediagroup.com"}, role: provenance.RoleWire},
	{name: "The Canadian Press", aliases: []string{"Canadian Press", "CP"}, hosts: []string{"thecanadianpress.com"}, role: provenance.RoleWire},
	{name: "United Press International", aliases: []string{"UPI"}, hosts: []string{"upi.com"}, role: provenance.RoleWire},
	{name: "Australian Associated Press", aliases: []string{"AAP"}, hosts: []string{"aap.com.au"}, role: provenance.RoleWire},
	{name: "City News Service", aliases: []string{"CNS"}, role: provenance.RoleWire},
	{name: "Bloomberg", aliases: []string{"Bloomberg News"}, hosts: []string{"bloomberg.com"}, role: provenance.RoleWire},
	{name: "ANSA", hosts: []string{"ansa.it"}, role: provenance.RoleWire},
	{name: "EFE", aliases: []string{"Agencia EFE"}, hosts: []string{"efe.com"}, role: provenance.RoleWire},
	{name: "Kyodo", aliases: []string{"Kyodo News"}, hosts: []string{"kyodonews.net"}, role: provenance.RoleWire},
	{name: "Yonhap", aliases: []string{"Yonhap News Agency"}, hosts: []string{"yna.co.kr"}, role: provenance.RoleWire},
	{name: "Anadolu Agency", aliases: []string{"Anadolu", "AA"}, hosts: []string{"aa.com.tr"}, role: provenance.RoleWire},
	{name: "Bernama", hosts: []string{"bernama.com"}, role: provenance.RoleWire},
	{name: "Belga", hosts: []string{"belga.be"}, role: provenance.RoleWire},
	{name: "ANP", hosts: []string{"anp.nl"}, role: provenance.RoleWire},
	{name: "APS", aliases: []string{"Algérie Presse Service"}, hosts: []string{"aps.dz"}, role: provenance.RoleWire},
	{name: "MAP", aliases: []string{"Maghreb Arabe Presse"}, hosts: []string{"mapexpress.ma"}, role: provenance.RoleWire},
	{name: "PANA", aliases: []string{"Panapress"}, hosts: []string{"panapress.com"}, role: provenance.RoleWire},
	{name: "TASS", hosts: []string{"tass.com", "tass.ru"}, role: provenance.RoleWire},
	// Newswire services that distribute press releases.
	{name: "PR Newswire", aliases: []string{"PRNewswire", "PRNewswire-USNewswire", "Cision PR Newswire"}, hosts: []string{"prnewswire.com", "prnewswire.co.uk"}, role: provenance.RolePressOffice, newswire: true},
	{name: "Business Wire", aliases: []string{"BUSINESS WIRE", "BusinessWire"}, hosts: []string{"businesswire.com"}, role: provenance.RolePressOffice, newswire: true},
	{name: "GlobeNewswire", aliases: []string{"GLOBE NEWSWIRE", "Globe Newswire"}, hosts: []string{"globenewswire.com"}, role: provenance.RolePressOffice, newswire: true},
	{name: "EIN Presswire", aliases: []string{"EINPresswire", "EIN Newswire"}, hosts: []string{"einpresswire.com"}, role: provenance.RolePressOffice, newswire: true},
	{name: "PRWeb", hosts: []string{"prweb.com"}, role: provenance.RolePressOffice, newswire: true},
	{name: "ACCESSWIRE", aliases: []string{"Accesswire"}, hosts: []string{"accesswire.com"}, role: provenance.RolePressOffice, newswire: true},
	{name: "Newswire", hosts: []string{"newswire.com"}, role: provenance.RolePressOffice, newswire: true},
	// Aggregators and republishers of releases and news.
	{name: "EurekAlert!", aliases: []string{"EurekAlert"}, hosts: []string{"eurekalert.org"}, role: provenance.RoleAggregator},
	{name: "ScienceDaily", aliases: []string{"Science Daily", "Latest Science News -- ScienceDaily"}, hosts: []string{"sciencedaily.com"}, role: provenance.RoleAggregator},
	{name: "Phys.org", aliases: []string{"PhysOrg", "PhysOrg.com", "Medical Xpress", "Tech Xplore", "Science X"}, hosts: []string{"phys.org", "medicalxpress.com", "techxplore.com"}, role: provenance.RoleAggregator},
	{name: "Newswise", hosts: []string{"newswise.com"}, role: provenance.RoleAggregator},
	{name: "Press-News.org", aliases: []string{"Press-News", "PRESS-NEWS.org"}, hosts: []string{"press-news.org"}, role: provenance.RoleAggregator},
	{name: "AlphaGalileo", hosts: []string{"alphagalileo.org"}, role: provenance.RoleAggregator},
	{name: "Mirage News", hosts: []string{"miragenews.com"}, role: provenance.RoleAggregator},
	{name: "Head Topics", aliases: []string{"HeadTopics"}, hosts: []string{"headtopics.com"}, role: provenance.RoleAggregator},
	{name: "Yahoo News", aliases: []string{"Yahoo"}, hosts: []string{"yahoo.com", "news.yahoo.com"}, role: provenance.RoleAggregator},
	{name: "MSN", hosts: []string{"msn.com"}, role: provenance.RoleAggregator},
	{name: "NewsBreak", hosts: []string{"newsbreak.com"}, role: provenance.RoleAggregator},
	{name: "Devdiscourse", hosts: []string{"devdiscourse.com"}, role: provenance.RoleAggregator},
	{name: "rssing.com", hosts: []string{"rssing.com"}, role: provenance.RoleAggregator},
	{name: "Particle", aliases: []string{"Particle.news"}, hosts: []string{"particle.news"}, role: provenance.RoleAggregator},
	{name: "Scienmag", hosts: []string{"scienmag.com"}, role: provenance.RoleAggregator},
	{name: "Bioengineer.org", hosts: []string{"bioengineer.org"}, role: provenance.RoleAggregator},
	{name: "Space Daily", aliases: []string{"SpaceDaily"}, hosts: []string{"spacedaily.com"}, role: provenance.RoleAggregator},
	// Publishers and broadcasters whose stories are widely reposted with
	// their credit, and the Creative Commons publisher.
	{name: "The Conversation", hosts: []string{"theconversation.com"}, role: provenance.RoleNewspaper, republished: true},
	{name: "CNN", aliases: []string{"CNN Business", "CNN Health", "CNN Travel"}, hosts: []string{"cnn.com", "edition.cnn.com"}, role: provenance.RoleNewspaper},
	{name: "BBC News", aliases: []string{"BBC"}, hosts: []string{"bbc.com", "bbc.co.uk"}, role: provenance.RoleNewspaper},
	{name: "NPR", hosts: []string{"npr.org"}, role: provenance.RoleNewspaper},
	{name: "STAT", aliases: []string{"STAT News"}, hosts: []string{"statnews.com"}, role: provenance.RoleNewspaper},
}

// outletKey folds a name or host for comparison: lower case, letters and
// digits only, "the " and a trailing top-level domain dropped
// ("The Associated Press" → "associatedpress", "sciencedaily.com" →
// "sciencedaily").
func outletKey(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.TrimPrefix(s, "www.")
	s = strings.TrimPrefix(s, "the ")
	for _, tld := range []string{".com", ".org", ".net", ".co.uk", ".news", ".in", ".gov", ".edu"} {
		s = strings.TrimSuffix(s, tld)
	}
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// knownByKey maps every folded name, alias and host of the table to its entry.
var knownByKey = func() map[string]*knownOutlet {
	m := map[string]*knownOutlet{}
	for i := range knownOutlets {
		k := &knownOutlets[i]
		for _, n := range append(append([]string{k.name}, k.aliases...), k.hosts...) {
			m[outletKey(n)] = k
		}
	}
	return m
}()

// lookupKnown returns the table entry a name or host stands for, or nil.
func lookupKnown(s string) *knownOutlet {
	if s == "" {
		return nil
	}
	return knownByKey[outletKey(s)]
}

// KnownNames returns the names a known outlet goes by (its name and its
// aliases: "Associated Press", "AP", "The Associated Press"), or nil when
// the table does not hold it. The evaluation reads it to match a named
// common source against the labels.
func KnownNames(name string) []string {
	k := lookupKnown(name)
	if k == nil {
		return nil
	}
	return append([]string{k.name}, k.aliases...)
}

// MentionsName reports whether text names name as whole words (case as
// given), as the lineage reads an organisation's name in a text.
func MentionsName(text, name string) bool { return mentionsOrg(text, name) }

// hostOf returns the web host of a document's URL ("phys.org"), or "".
func hostOf(raw string) string {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}

// knownFor returns the table entry for a document's outlet (unless the
// outlet was only inferred from the text) or its URL host, and which of
// them matched ("outlet", "web address"), or nil.
func knownFor(d *provenance.Document) (*knownOutlet, string) {
	if d.Meta.Outlet.Known() && d.Meta.Outlet.Origin != provenance.OriginInferred {
		if k := lookupKnown(d.Meta.Outlet.Value); k != nil {
			return k, "outlet"
		}
	}
	h := hostOf(d.Meta.URL.Value)
	for h != "" {
		if k := lookupKnown(h); k != nil {
			return k, "web address"
		}
		i := strings.IndexByte(h, '.')
		if i < 0 {
			break
		}
		h = h[i+1:]
	}
	return nil, ""
}
