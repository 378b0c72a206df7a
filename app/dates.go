package app

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/dates"
)

// Date formats shown in the window: a day as "5 Mar 2025", a time as
// "5 Mar 2025 07:40" (UTC).
const (
	dayLayout  = "2 Jan 2006"
	timeLayout = "2 Jan 2006 15:04"
)

// showDate puts a publication date as stored (RFC 3339, or a date alone) in
// words: "5 Mar 2025 07:40" (in UTC), or "5 Mar 2025" when only the day is known.
// "" stays "" (callers say "no date" or "undated"); a value that is not a
// date is shown as written.
func showDate(v string) string {
	v = strings.TrimSpace(v)
	if v == "" {
		return ""
	}
	t, ok := provenance.Metadata{Published: provenance.Field{Value: v}}.PublishedTime()
	switch {
	case !ok:
		return v
	case len(v) <= len("2006-01-02"):
		return t.Format(dayLayout)
	default:
		return t.UTC().Format(timeLayout)
	}
}

// showDay is the day of t, as the timeline columns and family dates show it.
func showDay(t time.Time) string { return t.Format(dayLayout) }

// prefDateOrder is the preference holding how numeric dates are read.
const prefDateOrder = "dateOrder"

// DateOrder is how the user reads numeric dates such as 01/06/2021
// (Settings ▸ Dates); Unset until they choose.
func (u *UI) DateOrder() dates.Order {
	o, err := dates.ParseOrder(u.app.Preferences().String(prefDateOrder))
	if err != nil {
		return dates.Unset
	}
	return o
}

// SetDateOrder records how numeric dates are read, tells the engine, and
// reads again the dates that were refused for reading two ways: a date
// the user has now settled takes at once, and the analysis re-runs.
func (u *UI) SetDateOrder(o dates.Order) {
	u.app.Preferences().SetString(prefDateOrder, o.String())
	if u.eng.SetDateOrder != nil {
		u.eng.SetDateOrder(o)
	}
	if o == dates.Unset {
		return
	}
	docs := slices.Clone(u.ws.Documents)
	changed := 0
	for i := range docs {
		if settled, ok := settleDate(docs[i].Meta.Published, o); ok {
			docs[i].Meta.Published = settled
			changed++
		}
	}
	if changed > 0 {
		u.analyse(fmt.Sprintf("Reading %d %s %s", changed, plural(changed, "date", "dates"), o), docs, u.ws.Settings, nil)
	}
}

// settleDate reads again a date refused because it reads two ways.
func settleDate(f provenance.Field, o dates.Order) (provenance.Field, bool) {
	if f.Known() {
		return f, false
	}
	raw, ambiguous := dates.Refused(f.Detail)
	if !ambiguous {
		return f, false
	}
	v, err := dates.Parse(raw, o)
	if err != nil || v == "" {
		return f, false
	}
	src, _, _ := strings.Cut(f.Detail, ": unreadable date")
	return provenance.Field{Value: v, Origin: f.Origin, Detail: fmt.Sprintf("%s: %q read %s", src, raw, o)}, true
}

// SetDocField sets one article's publication date (read by dates.Parse
// with the user's order) or role, as typed by the user, and re-analyses:
// the graph panel's one step to settle an undecided link.
func (u *UI) SetDocField(id, field, value string) error {
	d := findDoc(u.ws.Documents, id)
	if d == nil {
		return fmt.Errorf("no article %s in the workspace", id)
	}
	m := d.Meta
	value = strings.TrimSpace(value)
	switch field {
	case "published":
		v, err := dates.Parse(value, u.DateOrder())
		if err != nil {
			return err
		}
		detail := "set in the graph panel"
		if v != value {
			detail = fmt.Sprintf("typed as %q in the graph panel", value)
		}
		m.Published = provenance.Field{Value: v, Origin: provenance.OriginUser, Detail: detail}
	case "role":
		r, ok := provenance.ParseRole(value)
		if !ok {
			return fmt.Errorf("%q is not a role: want one of wire, press office, aggregator, newspaper, blog", value)
		}
		m.Role = provenance.Field{Value: string(r), Origin: provenance.OriginUser, Detail: "set in the graph panel"}
	default:
		return fmt.Errorf("field %q cannot be set from the graph", field)
	}
	u.UpdateMetadata(id, m)
	return nil
}
