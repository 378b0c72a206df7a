package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/dates"
)

// metadataEditor edits one article's metadata in place and shows where each
// field came from (file, sidecar, inferred from the text, typed by the user).
type metadataEditor struct {
	host libraryHost
	doc  *provenance.Document
	// fields are the text fields (every metadata field but the role), in
	// metaNames order; role picks the outlet's role from a list; origins
	// has one label per metadata field, the role's last.
	fields  []*widget.Entry
	role    *navSelect
	origins []*widget.Label
	note    *widget.Entry
	heading *widget.Label
	compare *widget.Button
	apply   *widget.Button
	form    *fyne.Container
	content *fyne.Container
	close   *widget.Button
	// onClose lets go of the article (the library collapses the details).
	onClose func()
}

// metaNames are the labels of the metadata fields (provenance.MetaFields),
// the role last.
var metaNames = func() []string {
	names := make([]string, len(provenance.MetaFields))
	for i, f := range provenance.MetaFields {
		names[i] = f.Label
	}
	return names
}()

// roleIndex is the place of the role among the metadata fields.
var roleIndex = len(provenance.MetaFields) - 1

// roleUnknown is the role menu's entry for no role.
const roleUnknown = "unknown"

// roleOptions are the role menu's entries: unknown, then every role in words.
func roleOptions() []string {
	opts := []string{roleUnknown}
	for _, r := range provenance.Roles {
		opts = append(opts, r.Words())
	}
	return opts
}

// roleFromWords turns a role menu entry back into a role.
func roleFromWords(s string) provenance.Role {
	for _, r := range provenance.Roles {
		if r.Words() == s {
			return r
		}
	}
	return provenance.RoleNone
}

// roleWords is the role menu entry of a stored role value.
func roleWords(v string) string {
	if r, ok := provenance.ParseRole(v); ok && r != provenance.RoleNone {
		return r.Words()
	}
	return roleUnknown
}

// publishedField is the index of Published in metaNames.
const publishedField = 3

func newMetadataEditor(host libraryHost) *metadataEditor {
	e := &metadataEditor{host: host}
	e.heading = &widget.Label{Text: "Select an article to see and edit its details.", Wrapping: fyne.TextWrapWord}
	e.form = container.New(layout.NewFormLayout())
	for i, name := range metaNames {
		e.origins = append(e.origins, &widget.Label{Importance: widget.LowImportance, Wrapping: fyne.TextWrapWord, TextStyle: fyne.TextStyle{Italic: true}})
		var input fyne.CanvasObject
		if i == roleIndex {
			e.role = newNavSelect(roleOptions(), e.onEdit)
			e.role.PlaceHolder = roleUnknown
			input = e.role
		} else {
			e.fields = append(e.fields, &widget.Entry{OnChanged: e.onEdit})
			if i == publishedField {
				e.fields[i].Validator = e.validateDate
			}
			input = e.fields[i]
		}
		e.form.Add(&widget.Label{Text: name, TextStyle: fyne.TextStyle{Bold: true}})
		e.form.Add(container.NewVBox(input, e.origins[i]))
	}
	e.note = &widget.Entry{MultiLine: true, Wrapping: fyne.TextWrapWord, PlaceHolder: "Your notes on this article", OnChanged: e.onNote}
	e.apply = &widget.Button{Text: "Apply changes", Icon: theme.ConfirmIcon(), Importance: widget.HighImportance, OnTapped: e.onApply}
	e.compare = &widget.Button{Text: "Compare with closest match", Icon: theme.ContentCopyIcon(), OnTapped: e.onCompare}
	e.close = &widget.Button{Icon: theme.CancelIcon(), Importance: widget.LowImportance, OnTapped: func() {
		if e.onClose != nil {
			e.onClose()
		}
	}}
	// Buttons one above the other: side by side they would hold the
	// library wider than it needs to be.
	e.content = container.NewVBox(container.NewBorder(nil, nil, nil, e.close, e.heading), e.form,
		container.NewGridWithColumns(1, e.apply, e.compare), e.note)
	e.Show(nil, nil)
	return e
}

// Show fills the editor with d (nil hides the fields).
func (e *metadataEditor) Show(r *provenance.Result, d *provenance.Document) {
	e.doc = d
	if d == nil {
		e.heading.SetText("Select an article to see and edit its details.")
		e.form.Hide()
		e.apply.Hide()
		e.compare.Hide()
		e.note.Hide()
		e.close.Hide()
		return
	}
	e.close.Show()
	e.heading.SetText(fmt.Sprintf("%s · %s · %d words", d.Format, d.Path, d.Words))
	hide := e.host.Workshop().HideMetadata
	for i, f := range metaFields(&d.Meta) {
		e.origins[i].SetText(originText(*f))
		e.origins[i].Importance = widget.LowImportance
		if i == roleIndex {
			e.showRole(*f, hide)
			continue
		}
		e.fields[i].OnChanged = nil
		e.fields[i].SetText(f.Value)
		e.fields[i].OnChanged = e.onEdit
		if hide { // every field: an author, a URL or a title can name the outlet
			e.fields[i].SetText("")
			e.fields[i].SetPlaceHolder("hidden until the reveal")
			e.fields[i].Disable()
			e.origins[i].SetText("")
		} else {
			e.fields[i].SetPlaceHolder("unknown")
			e.fields[i].Enable()
		}
	}
	e.note.OnChanged = nil
	if hide { // the trainer's notes may hold the answer
		e.heading.SetText(fmt.Sprintf("%s · %d words · details hidden until the reveal", d.Label(), d.Words))
		e.note.SetText("")
		e.note.Disable()
	} else {
		e.note.SetText(e.host.DocNote(d.ID))
		e.note.Enable()
	}
	e.note.OnChanged = e.onNote
	e.apply.Disable()
	e.form.Show()
	e.apply.Show()
	e.note.Show()
	e.compare.Show()
	if bestPartner(r, d.ID) == "" {
		e.compare.Disable()
	} else {
		e.compare.Enable()
	}
}

// showRole fills the role menu. In workshop mode the role is hidden with
// the outlet: "wire agency" would give the outlet away.
func (e *metadataEditor) showRole(f provenance.Field, hide bool) {
	e.role.OnChanged = nil
	defer func() { e.role.OnChanged = e.onEdit }()
	if hide {
		e.role.ClearSelected()
		e.role.PlaceHolder = "hidden until the reveal"
		e.role.Disable()
		e.origins[roleIndex].SetText("")
		return
	}
	e.role.PlaceHolder = roleUnknown
	e.role.Enable()
	if f.Known() {
		e.role.SetSelected(roleWords(f.Value))
	} else {
		e.role.ClearSelected()
	}
}

// metaFields lists a metadata's fields in metaNames order.
func metaFields(m *provenance.Metadata) []*provenance.Field {
	out := make([]*provenance.Field, len(provenance.MetaFields))
	for i, f := range provenance.MetaFields {
		out[i] = f.Get(m)
	}
	return out
}

// originText explains where a field's value came from.
func originText(f provenance.Field) string {
	if !f.Known() {
		return "not found in the file, its sidecar or the text"
	}
	var s string
	switch f.Origin {
	case provenance.OriginUser:
		s = "typed by you"
	case provenance.OriginSidecar:
		s = "from the sidecar metadata.csv"
	case provenance.OriginFrontMatter:
		s = "from the file's front matter"
	case provenance.OriginMeta:
		s = "from the page's meta tags"
	case provenance.OriginJSONLD:
		s = "from the page's JSON-LD"
	case provenance.OriginProperties:
		s = "from the document properties"
	case provenance.OriginHTTP:
		s = "from the web address"
	case provenance.OriginFile:
		s = "from the file"
	case provenance.OriginInferred:
		s = "inferred from the text — check it"
	case provenance.OriginArchive:
		s = "from the archive's record"
	case provenance.OriginCapture:
		s = "when a web archive captured the page — published then or earlier"
	default:
		s = "origin unknown"
	}
	if f.Detail != "" && !strings.Contains(s, strings.ToLower(f.Detail)) {
		s += ": " + f.Detail
	}
	return s
}

// validateDate refuses a Published value dates.Parse cannot read.
func (e *metadataEditor) validateDate(s string) error {
	_, err := dates.Parse(s, e.host.DateOrder())
	return err
}

// onEdit enables Apply, except while the typed date cannot be read; the
// line under Published says how the date reads, or why it is refused with
// an example.
func (e *metadataEditor) onEdit(string) {
	if e.doc == nil {
		return
	}
	date, hint := e.fields[publishedField], e.origins[publishedField]
	if !date.Disabled() && date.Text == e.doc.Meta.Published.Value {
		hint.Importance = widget.LowImportance
		hint.SetText(originText(e.doc.Meta.Published))
	}
	if !date.Disabled() && date.Text != e.doc.Meta.Published.Value {
		v, err := dates.Parse(date.Text, e.host.DateOrder())
		switch {
		case err != nil:
			hint.Importance = widget.DangerImportance
			hint.SetText(err.Error())
			e.apply.Disable()
			return
		case v == "":
			hint.Importance = widget.LowImportance
			hint.SetText("no date: the article will count as undated")
		default:
			hint.Importance = widget.LowImportance
			hint.SetText("reads as " + showDate(v))
		}
	}
	e.apply.Enable()
}

// onApply stores the edited fields as typed by the user, the date as
// dates.Parse reads it (Apply is disabled while it cannot be read).
func (e *metadataEditor) onApply() {
	if e.doc == nil {
		return
	}
	m := e.doc.Meta
	for i, f := range metaFields(&m) {
		if i == roleIndex {
			continue
		}
		if e.fields[i].Disabled() || e.fields[i].Text == f.Value {
			continue
		}
		v, detail := strings.TrimSpace(e.fields[i].Text), "edited in the library"
		if i == publishedField {
			norm, err := dates.Parse(v, e.host.DateOrder())
			if err != nil {
				return
			}
			if norm != v {
				detail = fmt.Sprintf("typed as %q", v)
			}
			v = norm
		}
		*f = provenance.Field{Value: v, Origin: provenance.OriginUser, Detail: detail}
		if v == "" {
			*f = provenance.Field{Origin: provenance.OriginUser, Detail: "cleared in the library"}
		}
	}
	if r := roleFromWords(e.role.Selected); !e.role.Disabled() && e.role.Selected != "" && string(r) != m.Role.Value {
		m.Role = provenance.Field{Value: string(r), Origin: provenance.OriginUser, Detail: "edited in the library"}
	}
	e.apply.Disable()
	e.host.UpdateMetadata(e.doc.ID, m)
}

func (e *metadataEditor) onNote(s string) {
	if e.doc != nil {
		e.host.SetDocNote(e.doc.ID, s)
	}
}

func (e *metadataEditor) onCompare() {
	if e.doc == nil {
		return
	}
	if b := bestPartner(e.host.Result(), e.doc.ID); b != "" {
		e.host.Compare(b, e.doc.ID)
	}
}
