package provenance

import "strings"

// Role is what an outlet does in the news chain. Roles are evidence of
// direction: a press office or a wire agency is where text usually starts,
// an aggregator republishes what others wrote.
type Role string

// Outlet roles. The empty role is unknown.
const (
	RoleNone        Role = ""
	RoleWire        Role = "wire"         // news agency: AP, Reuters, AFP, PA, dpa, …
	RolePressOffice Role = "press-office" // NGO, university, company or government press office; newswire services that distribute releases
	RoleAggregator  Role = "aggregator"   // aggregator or republisher: carries others' text, with credit
	RoleNewspaper   Role = "newspaper"    // newspaper, magazine or broadcaster
	RoleBlog        Role = "blog"         // blog or personal site
)

// Roles lists the known roles in the order a menu shows them.
var Roles = []Role{RoleWire, RolePressOffice, RoleAggregator, RoleNewspaper, RoleBlog}

// Words names the role for people: "wire agency", "press office", …
func (r Role) Words() string {
	switch r {
	case RoleWire:
		return "wire agency"
	case RolePressOffice:
		return "press office"
	case RoleAggregator:
		return "aggregator or republisher"
	case RoleNewspaper:
		return "newspaper or broadcaster"
	case RoleBlog:
		return "blog"
	}
	return "unknown"
}

// roleNames maps the words people write in metadata.csv or front matter to
// a role.
var roleNames = map[string]Role{
	"wire": RoleWire, "wire agency": RoleWire, "agency": RoleWire, "news agency": RoleWire,
	"wire service": RoleWire, "newswire": RolePressOffice, "newswire service": RolePressOffice,
	"press-office": RolePressOffice, "press office": RolePressOffice, "press": RolePressOffice,
	"press release": RolePressOffice, "release": RolePressOffice, "pr": RolePressOffice,
	"ngo": RolePressOffice, "university": RolePressOffice, "company": RolePressOffice,
	"government": RolePressOffice, "institution": RolePressOffice, "organisation": RolePressOffice,
	"organization": RolePressOffice,
	"aggregator":   RoleAggregator, "republisher": RoleAggregator, "aggregator or republisher": RoleAggregator,
	"syndication": RoleAggregator,
	"newspaper":   RoleNewspaper, "news": RoleNewspaper, "broadcaster": RoleNewspaper,
	"magazine": RoleNewspaper, "newspaper or broadcaster": RoleNewspaper, "outlet": RoleNewspaper,
	"blog": RoleBlog, "personal": RoleBlog,
}

// ParseRole reads a role as people write it ("Wire agency", "press office",
// "NGO", "newspaper"); ok is false for words it does not know.
func ParseRole(s string) (r Role, ok bool) {
	k := strings.Join(strings.Fields(strings.ToLower(strings.ReplaceAll(s, "_", " "))), " ")
	if k == "" || k == "unknown" {
		return RoleNone, true
	}
	r, ok = roleNames[k]
	if !ok {
		r, ok = roleNames[strings.ReplaceAll(k, "-", " ")]
	}
	return r, ok
}

// RoleOf returns the role a document's metadata gives (RoleNone when the
// field is empty or holds words ParseRole does not know).
func (m Metadata) RoleOf() Role {
	r, _ := ParseRole(m.Role.Value)
	return r
}
