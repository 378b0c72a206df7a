package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/copytrail/copytrail/provenance/palette"
)

// passageColor is the strong palette colour of passage number n (1-based;
// 0 is the grey of incidental passages). Colours come from the shared
// Okabe–Ito palette so passage 3 looks the same in the app and the report.
func passageColor(n int) color.Color {
	if n < 1 {
		return palette.Muted
	}
	return palette.Passage(n - 1)
}

// passageBackground is the highlight behind passage n's words: the palette
// tint on light themes, the strong colour half transparent on dark ones;
// strong marks the passage the user is looking at.
func passageBackground(n int, strong bool) color.Color {
	c := palette.Passage(n - 1)
	if n < 1 {
		c = palette.Rule
	}
	if isDark() {
		// white text keeps at least 4.5:1 on these over the dark background
		c.A = 0x58
		if strong {
			c.A = 0x90
		}
		return color.NRGBA{c.R, c.G, c.B, c.A}
	}
	if strong {
		return palette.Mix(c, palette.Paper, 0.75)
	}
	return palette.PassageTint(n - 1)
}

// isDark reports whether the current theme draws light text on a dark
// background (decided from the background colour, so it holds for any theme
// and variant, including the test driver's).
func isDark() bool {
	app := fyne.CurrentApp()
	if app == nil {
		return false
	}
	bg := app.Settings().Theme().Color(theme.ColorNameBackground, app.Settings().ThemeVariant())
	return palette.Luminance(bg) < 0.4
}

// diffColors returns the text colours for words only in A (deleted, struck
// through) and only in B (inserted, underlined), readable on the theme.
func diffColors() (deleted, inserted color.NRGBA) {
	if isDark() {
		return color.NRGBA{0xFF, 0x8A, 0x5C, 0xFF}, color.NRGBA{0x7F, 0xCB, 0xFF, 0xFF}
	}
	d, i := palette.Mix(palette.Deleted, palette.Ink, 0.8), palette.Mix(palette.Inserted, palette.Ink, 0.8)
	return color.NRGBA{d.R, d.G, d.B, 0xFF}, color.NRGBA{i.R, i.G, i.B, 0xFF}
}

// workshopTheme is the projector theme: larger type and high contrast, in
// the light or dark variant the system asks for.
type workshopTheme struct {
	base fyne.Theme
	dark bool
}

func newWorkshopTheme(dark bool) *workshopTheme {
	return &workshopTheme{base: theme.DefaultTheme(), dark: dark}
}

// Color makes foreground and background pure black and white.
func (t *workshopTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	v := theme.VariantLight
	if t.dark {
		v = theme.VariantDark
	}
	fg, bg := color.Color(color.Black), color.Color(color.White)
	if t.dark {
		fg, bg = color.White, color.Black
	}
	switch n {
	case theme.ColorNameForeground:
		return fg
	case theme.ColorNameBackground, theme.ColorNameInputBackground, theme.ColorNameMenuBackground,
		theme.ColorNameOverlayBackground:
		return bg
	case theme.ColorNameSeparator, theme.ColorNameInputBorder:
		return fg
	}
	return t.base.Color(n, v)
}

// Font is the default theme's font.
func (t *workshopTheme) Font(s fyne.TextStyle) fyne.Resource { return t.base.Font(s) }

// Icon is the default theme's icon.
func (t *workshopTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return t.base.Icon(n) }

// Size scales text and icons up by 35% for a projector (14 px text becomes
// 19 px): large from the back of a room, yet ten words a line in each of
// the two texts side by side on a 1280 px projector.
func (t *workshopTheme) Size(n fyne.ThemeSizeName) float32 {
	s := t.base.Size(n)
	switch n {
	case theme.SizeNameText, theme.SizeNameHeadingText, theme.SizeNameSubHeadingText,
		theme.SizeNameCaptionText, theme.SizeNameInlineIcon:
		return s * 1.35
	}
	return s
}
