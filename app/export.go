package app

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/copytrail/copytrail/provenance/export"
	"github.com/copytrail/copytrail/provenance/report"
)

// The report choices offered beside the engine's export formats.
const (
	formatReport           = "html report"                    // the whole workspace: report.html
	formatComparisonReport = "html report of this comparison" // the pair on screen: comparison.html
)

// exportDialog asks which formats to write, then for a folder, and writes
// the tables, graphs, slides and the HTML report there in the background.
func (u *UI) exportDialog() {
	if u.ws.Result == nil {
		dialog.ShowInformation("Export", "There is no analysis to export yet.", u.win)
		return
	}
	choices := []string{formatReport}
	selected := []string{formatReport}
	if a, b := u.compare.Pair(); a != "" && b != "" {
		choices = append(choices, formatComparisonReport)
	}
	if u.workshop.HideMetadata { // the report explains directions: it waits for the reveal
		choices, selected = nil, nil
	}
	choices = append(choices, export.Formats...)
	selected = append(selected, export.Formats...)
	check := &widget.CheckGroup{Options: choices, Selected: selected}
	var content fyne.CanvasObject = check
	if u.workshop.HideMetadata {
		content = container.NewVBox(&widget.Label{Text: "Outlets and dates are hidden, so the export hides them too:\narticles numbered as on screen, links without direction or reasons.\nThe HTML report, which explains directions, waits for the reveal.", Importance: widget.WarningImportance}, check)
	}
	d := dialog.NewCustomConfirm("Export", "Choose folder…", "Cancel", content, func(ok bool) {
		if !ok || len(check.Selected) == 0 {
			return
		}
		fd := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
			if err == nil && l != nil {
				u.Export(l.Path(), check.Selected)
			}
		}, u.win)
		fd.Show()
		u.showDialog(fd)
	}, u.win)
	d.Show()
	u.showDialog(d)
}

// Export writes the chosen formats of the current analysis into dir; the
// pair on screen is the one drawn in comparison.png. While outlets and
// dates are hidden it writes the masked analysis the screens show.
func (u *UI) Export(dir string, formats []string) {
	r, hidden := u.Result(), u.workshop.HideMetadata
	a, b := u.compare.Pair()
	title := u.reportTitle()
	lz := u.large.lazy
	err := u.bridge.Run("Exporting", func(ctx context.Context, progress ProgressFunc) (func(), error) {
		if lz != nil { // only part of the analysis is in memory: export the whole of it
			full, err := readWhole(lz, progress)
			if err != nil {
				return nil, err
			}
			if r = full.Result; hidden {
				r = newHiddenView(r).result
			}
		}
		var names []string
		var engineFormats []string
		for _, f := range formats {
			if (f == formatReport || f == formatComparisonReport) && hidden {
				continue
			}
			if f == formatReport || f == formatComparisonReport {
				name, opts := "report.html", report.Options{Title: title, Version: Version, Generated: time.Now()}
				if f == formatComparisonReport {
					if a == "" || b == "" {
						continue
					}
					name, opts.Compare = "comparison.html", [2]string{a, b}
				}
				path, err := report.WriteFile(dir, name, r, opts)
				if err != nil {
					return nil, err
				}
				names = append(names, filepath.Base(path))
				continue
			}
			engineFormats = append(engineFormats, f)
		}
		if len(engineFormats) > 0 {
			written, err := export.WriteAll(dir, r, export.Options{Formats: engineFormats, Compare: [2]string{a, b}})
			names = append(names, written...)
			if err != nil {
				return nil, err
			}
		}
		return func() {
			dialog.ShowInformation("Export finished", fmt.Sprintf("%s written to %s:\n%s", plural(len(names), "file", "files"), dir, strings.Join(names, ", ")), u.win)
		}, nil
	})
	if err != nil {
		dialog.ShowError(err, u.win)
	}
}

// reportTitle names the report after the workspace file, if there is one.
func (u *UI) reportTitle() string {
	if u.workshop.HideMetadata {
		return "Copytrail report — outlets and dates hidden"
	}
	if u.path != "" {
		return "Copytrail report — " + strings.TrimSuffix(baseName(u.path), ".copytrail")
	}
	return ""
}
