package report

import (
	"fmt"
	"html/template"
	"strings"

	"github.com/copytrail/copytrail/provenance/palette"
)

// csp forbids every script, every fetch and every embedded object: the
// report needs only its own inline styles and inline SVG.
const csp = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

// css builds the stylesheet from the shared palette.
func css() template.CSS {
	var b strings.Builder
	b.WriteString(baseCSS)
	for n := 0; n < palette.PassageCount; n++ {
		strong := palette.Passage(n)
		fmt.Fprintf(&b, "mark.p%d{background:%s;box-shadow:0 0 0 1px %s inset}\n", n, palette.Hex(palette.PassageTint(n)), palette.Hex(palette.Mix(strong, palette.Paper, 0.6)))
		fmt.Fprintf(&b, ".n.p%d{background:%s;color:%s}\n", n, palette.Hex(strong), palette.Hex(palette.TextOn(strong)))
	}
	fmt.Fprintf(&b, "del{color:%s;text-decoration:line-through 2px}\nins{color:%s;text-decoration:underline 2px}\n",
		palette.Hex(palette.Deleted), palette.Hex(palette.Inserted))
	fmt.Fprintf(&b, ".kind.copy{background:%s}.kind.common{background:%s}.kind.unknown,.kind.none{background:%s}\n",
		palette.Hex(palette.Link("copy")), palette.Hex(palette.Link("common-source")), palette.Hex(palette.Muted))
	fmt.Fprintf(&b, ".grey{color:%s;background:%s}\n", palette.Hex(palette.Muted), palette.Hex(palette.Boilerplate))
	return template.CSS(b.String())
}

const baseCSS = `
:root{--ink:#1A1A1A;--muted:#6B6B6B;--rule:#D0D0D0}
*{box-sizing:border-box}
body{margin:0;color:var(--ink);background:#fff;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",sans-serif}
main{max-width:1200px;margin:0 auto;padding:24px}
h1{font-size:1.9em;margin:.2em 0}h2{font-size:1.4em;margin:1.6em 0 .5em;border-bottom:2px solid var(--rule);padding-bottom:.2em}
h3{font-size:1.15em;margin:1.2em 0 .3em}
.sub{color:var(--muted)}
nav ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.4em 1.2em}
a{color:#0072B2}
.stats{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:12px;padding:0;list-style:none}
.stats li{border:1px solid var(--rule);border-radius:8px;padding:10px 12px}
.stats b{display:block;font-size:1.8em;line-height:1.1}
table{border-collapse:collapse;width:100%;table-layout:fixed;margin:.5em 0}
th,td{border-bottom:1px solid var(--rule);padding:4px 8px;text-align:left;vertical-align:top;overflow-wrap:break-word}
th{font-weight:600}
.settings{list-style:none;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(250px,1fr));gap:2px 16px}
.settings li{border-bottom:1px solid var(--rule);padding:2px 0;overflow-wrap:anywhere}
figure{margin:0}svg{max-width:100%;height:auto;display:block}
svg text{font-family:system-ui,"DejaVu Sans",sans-serif}
.link{border:1px solid var(--rule);border-radius:10px;padding:4px 16px 16px;margin:18px 0;break-inside:auto}
.kind{color:#fff;border-radius:6px;padding:1px 8px;font-size:.85em;font-weight:600;white-space:nowrap}
.conf{font-weight:700}
.sbs{display:grid;grid-template-columns:1fr 1fr;gap:20px}
.doc{min-width:0}
.doc h4{margin:.4em 0 .2em;font-size:1em}
.role{display:inline-block;background:var(--ink);color:#fff;border-radius:4px;padding:0 6px;font-size:.75em;letter-spacing:.05em;text-transform:uppercase}
.text{white-space:pre-wrap;overflow-wrap:anywhere;font-size:.95em;line-height:1.6;border-top:1px solid var(--rule);padding-top:8px}
mark{color:inherit;border-radius:2px;padding:1px 0;-webkit-box-decoration-break:clone;box-decoration-break:clone}
mark.inc{background:repeating-linear-gradient(135deg,#F2F2F2 0 6px,#E4E4E4 6px 12px);box-shadow:0 0 0 1px #BBB inset}
.n{display:inline-block;min-width:1.5em;text-align:center;border-radius:4px;font-size:.75em;font-weight:700;line-height:1.5;margin-right:.2em;vertical-align:.1em}
ol.passages{padding-left:0;list-style:none}
ol.passages li{margin:.6em 0;padding:.4em .6em;border-left:4px solid var(--rule);overflow-wrap:anywhere}
.diff{margin:.3em 0 0}
del,ins{font-weight:600}
.legend{font-size:.9em;color:var(--muted)}
.reasons{margin:.3em 0}
.todecide-h{margin:.4em 0 .1em;font-weight:600}
.todecide{margin:.2em 0;color:#555}
.family{border-left:4px solid var(--rule);padding:0 0 0 14px;margin:18px 0}
.snippet{margin:.3em 0;padding:.4em .8em;background:#F6F6F6;border-radius:6px;overflow-wrap:anywhere}
.mono{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:.85em}
footer{margin-top:3em;color:var(--muted);font-size:.85em}
@media screen and (max-width:760px){
 main{padding:12px}
 .sbs{grid-template-columns:1fr}
 table{table-layout:auto}
 th[style]{width:auto!important}
}
@media print{
 @page{margin:14mm}
 body{font-size:10pt}
 main{max-width:none;padding:0}
 nav{display:none}
 a{color:inherit;text-decoration:none}
 .link{border:none;padding:0;break-before:page}
 .sbs{gap:8mm}
 .text{font-size:9pt}
 h2,h3,h4{break-after:avoid}
 #graph,figure{break-inside:avoid}
 ol.passages li,tr{break-inside:avoid}
 mark,.n,.kind,.role,.grey{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
`

var page = template.Must(template.New("report").Funcs(template.FuncMap{
	"csp":   func() string { return csp },
	"lower": strings.ToLower,
	"pct":   func(f float64) float64 { return f * 100 },
}).Parse(pageHTML))

const pageHTML = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{{csp}}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Copytrail {{.Version}}">
<title>{{.Title}}</title>
<style>{{.CSS}}</style>
</head>
<body>
<main>
<header>
<h1 id="top">{{.Title}}</h1>
<p class="sub">Made by Copytrail {{.Version}}{{with .Generated}} on {{.}}{{end}}. A link says which article the text came from and which reused it, how sure Copytrail is, and why. Check the evidence before you repeat a claim of copying.</p>
</header>
<nav aria-label="Contents"><ul>
<li><a href="#summary">Summary</a></li><li><a href="#graph">Graph</a></li><li><a href="#links">{{if .Compare}}Comparison{{else}}Links ({{.LinkCount}}){{if .PairCount}} and other pairs ({{.PairCount}}){{end}}{{end}}</a></li>
<li><a href="#mutations">Mutations ({{len .Mutations}})</a></li><li><a href="#families">Families ({{.Families.Total}})</a></li><li><a href="#appendix">Articles</a></li></ul></nav>

<section id="summary">
<h2>Summary</h2>
<ul class="stats">{{range .Stats}}<li><b>{{.N}}</b>{{.Label}}</li>{{end}}</ul>
{{if .TopSources}}<h3>Top sources</h3>
<table class="top"><thead><tr><th style="width:50%">Article</th><th>Outlet</th><th>Reused by</th><th>Words reused</th></tr></thead><tbody>
{{range .TopSources}}<tr><td><a href="#{{.Anchor}}">{{.Label}}</a></td><td>{{.Outlet}}</td><td>{{.Reusers}} article{{if ne .Reusers 1}}s{{end}}</td><td>{{.Words}}</td></tr>
{{end}}</tbody></table>{{end}}
<h3>Settings used</h3>
<ul class="settings">{{range .Settings}}<li><span class="mono">{{index . 0}}</span> <b class="mono">{{index . 1}}</b></li>{{end}}
<li><span class="mono">tool version</span> <b class="mono">Copytrail {{$.Version}}</b></li></ul>
{{if .Duplicates}}<h3>Duplicates left out</h3><ul>{{range .Duplicates}}<li>{{.Doc}} = {{.Original}} ({{.Reason}})</li>{{end}}</ul>{{end}}
{{if .Errors}}<h3>Files that could not be read</h3><ul>{{range .Errors}}<li><span class="mono">{{.Path}}</span>: {{.Reason}}</li>{{end}}</ul>{{end}}
</section>

<section id="graph">
<h2>Provenance graph</h2>
{{with .Graph}}{{if .Empty}}<p>No articles.</p>{{else}}
<p class="legend">Solid blue arrows point from where the text came from to the article that reused it; the percentage is the confidence. Dashed green lines, without an arrow: both took the text from a common source. Dashed grey lines marked ?: shared text, direction undecided (no confidence is claimed). Card colour: outlet. {{.Note}}</p>
<figure><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {{.W}} {{.H}}" width="{{.W}}" height="{{.H}}" role="img" aria-label="Provenance graph">
<defs>{{range .Markers}}<marker id="{{.ID}}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" markerUnits="userSpaceOnUse" orient="auto-start-reverse" style="overflow:visible"><path d="M0,0 L10,5 L0,10 z" fill="{{.Color}}" transform="scale(1.6) translate(-3.7,-1.9)"/></marker>{{end}}</defs>
{{range .Columns}}{{if .Rule}}<line x1="{{.X}}" y1="0" x2="{{.X}}" y2="{{.H}}" stroke="#D0D0D0" stroke-width="1"/>{{end}}<text x="{{.Mid}}" y="18" text-anchor="middle" font-size="13" font-weight="600" fill="#6B6B6B">{{.Label}}</text>
{{end}}{{range .Edges}}<g class="edge {{.Kind}}"><title>{{.Title}}</title>{{if .Path}}<path d="{{.Path}}" fill="none"{{else}}<line x1="{{.X1}}" y1="{{.Y1}}" x2="{{.X2}}" y2="{{.Y2}}"{{end}} stroke="{{.Color}}" stroke-width="{{.Width}}"{{if .Dashed}} stroke-dasharray="7 5"{{end}}{{if .Arrow}} marker-end="url(#arrow-{{.Kind}})"{{end}}/>{{if .Label}}<rect x="{{.LX}}" y="{{.LY}}" width="40" height="18" rx="9" transform="translate(-20,-9)" fill="#fff" stroke="{{.Color}}"/><text x="{{.LX}}" y="{{.LY}}" dy="4.5" text-anchor="middle" font-size="12" font-weight="700" fill="#1A1A1A">{{.Label}}</text>{{end}}</g>
{{end}}{{range .Nodes}}<a href="#{{.Anchor}}"><g class="node"><title>{{.Full}}</title><rect x="{{.X}}" y="{{.Y}}" width="{{.W}}" height="{{.H}}" rx="7" fill="{{.Fill}}" stroke="{{.Stroke}}" stroke-width="2"/><text x="{{.X}}" y="{{.Y}}" dx="7" dy="18" font-size="13" font-weight="700" fill="#1A1A1A">{{.Label}}</text>{{if .Label2}}<text x="{{.X}}" y="{{.Y}}" dx="7" dy="34" font-size="13" font-weight="700" fill="#1A1A1A">{{.Label2}}</text>{{end}}<text x="{{.X}}" y="{{.Y}}" dx="7" dy="{{.SubDY}}" font-size="11" fill="#1A1A1A">{{.Sub}}</text></g></a>
{{end}}</svg></figure>{{end}}{{end}}
{{if .OutletLinks}}<h3>Between outlets</h3>
<table class="outlets"><thead><tr><th style="width:30%">From</th><th style="width:30%">To</th><th>Articles</th><th>Words</th><th>Highest confidence</th></tr></thead><tbody>
{{range .OutletLinks}}<tr><td>{{.Source}}</td><td>{{.Target}}</td><td>{{.Articles}}</td><td>{{.Words}}</td><td>{{printf "%.0f%%" (pct .Confidence)}}</td></tr>
{{end}}</tbody></table>{{end}}
</section>

<section id="links">
<h2>{{if .Compare}}Comparison{{else}}Links, strongest first{{end}}</h2>
{{if not .Links}}<p>Copytrail found no link between these articles.</p>{{end}}
{{range .Links}}<article class="link" id="{{.ID}}">
<h3>{{.Num}}. {{.Source.Label}} {{if eq .Kind "copy"}}→{{else}}↔{{end}} {{.Target.Label}}</h3>
<p><span class="kind {{.Kind}}">{{.KindText}}</span>{{if .HasLink}} · confidence <span class="conf">{{.Confidence}}</span>{{end}} · {{len .Passages}} shared passage{{if ne (len .Passages) 1}}s{{end}} · {{.SharedWords}} shared word{{if ne .SharedWords 1}}s{{end}}</p>
{{if .Reasons}}<ul class="reasons">{{range .Reasons}}<li>{{.}}</li>{{end}}</ul>{{end}}
{{if .ToDecide}}<p class="todecide-h">Why no direction is claimed, and what would decide it:</p><ul class="todecide">{{range .ToDecide}}<li>{{.}}</li>{{end}}</ul>{{end}}
{{if .Full}}<div class="sbs">
<div class="doc"><span class="role">{{.SourceRole}}</span><h4><a href="#{{.Source.Anchor}}">{{.Source.Label}}</a></h4><p class="sub">{{.Source.Outlet}}{{with .Source.Date}} · {{.}}{{end}} · {{.Source.Words}} words</p>
<div class="text">{{range .Left}}{{template "seg" .}}{{end}}</div></div>
<div class="doc"><span class="role">{{.TargRole}}</span><h4><a href="#{{.Target.Anchor}}">{{.Target.Label}}</a></h4><p class="sub">{{.Target.Outlet}}{{with .Target.Date}} · {{.}}{{end}} · {{.Target.Words}} words</p>
<div class="text">{{range .Right}}{{template "seg" .}}{{end}}</div></div>
</div>{{end}}
{{if .Passages}}<h4>Passages, word by word</h4>
<p class="legend"><del>struck through</del>: only in the {{lower .SourceRole}} (left) · <ins>underlined</ins>: only in the {{lower .TargRole}} (right)</p>
<ol class="passages">{{range .Passages}}<li><span class="n {{.Cls}}">{{.Num}}</span> {{.Words}} words, {{.Similarity}} alike{{if .Incidental}} · <em>incidental, not evidence of copying</em>{{with .Reason}}: {{.}}{{end}}{{end}}
<p class="diff">{{range .Diff}}{{if eq .Op "del"}}<del>{{.Text}}</del>{{else if eq .Op "ins"}}<ins>{{.Text}}</ins>{{else}}{{.Text}}{{end}}{{end}}</p></li>
{{end}}</ol>{{end}}
</article>
{{end}}
</section>

<section id="mutations">
<h2>Mutations</h2>
{{if .Mutations}}<p class="legend">Substantive changes made on the way from one article to the other.</p>
<table><thead><tr><th style="width:14%">Change</th><th>From</th><th>To</th><th style="width:30%">What changed</th></tr></thead><tbody>
{{range .Mutations}}<tr><td>{{.Kind}}</td><td>{{if .SourceText}}<del>{{.SourceText}}</del>{{else}}<em>(nothing)</em>{{end}}<br><a class="sub" href="#{{.SourceAnchor}}">{{.Source}}</a></td><td>{{if .TargetText}}<ins>{{.TargetText}}</ins>{{else}}<em>(left out)</em>{{end}}<br><a class="sub" href="#{{.TargetAnchor}}">{{.Target}}</a></td><td>{{.Explanation}}</td></tr>
{{end}}</tbody></table>{{else}}<p>None found.</p>{{end}}
</section>

<section id="families">
<h2>Families: passages that travel</h2>
{{with .Families}}{{if .List}}<p class="legend">Each family is one piece of text found in several articles, widest reach first. The earliest witness is the oldest article carrying it, when the dates decide; members are listed by date, undated ones last.{{with .Note}} {{.}}{{end}}</p>
{{range .List}}<article class="family" id="family-{{.Num}}">
<h3>{{.Num}}. In {{.Reach}} articles · {{.Words}} words</h3>
<blockquote class="snippet">{{.Snippet}}</blockquote>
<p>Earliest witness: {{with .Origin}}{{if .Anchor}}<a href="#{{.Anchor}}">{{.Label}}</a>{{else}}{{.Label}}{{end}}{{with .Outlet}} · {{.}}{{end}} · {{.Date}}{{else}}<em>undecided</em>{{end}}</p>
<table class="timeline"><thead><tr><th style="width:34%">Article</th><th style="width:18%">Outlet</th><th style="width:16%">Date</th><th>Opens with</th></tr></thead><tbody>
{{range .Members}}<tr><td>{{if .Anchor}}<a href="#{{.Anchor}}">{{.Label}}</a>{{else}}{{.Label}}{{end}}</td><td>{{.Outlet}}</td><td>{{.Date}}</td><td>{{.Opening}}</td></tr>
{{end}}</tbody></table>
</article>
{{end}}{{else}}<p>None found.</p>{{end}}{{end}}
</section>

<section id="appendix">
<h2>Appendix: the articles and where their metadata came from</h2>
{{range .Docs}}<h3 id="{{.Anchor}}">{{.Label}}</h3>
<p class="sub mono">{{.Path}} · {{.Format}} · {{.Words}} words</p>
<table class="appx"><thead><tr><th style="width:14%">Field</th><th>Value</th><th style="width:34%">Came from</th></tr></thead><tbody>
{{range .Fields}}<tr><th>{{.Name}}</th><td>{{if .Link}}<a href="{{.Link}}" rel="noreferrer noopener">{{.Value}}</a>{{else}}{{.Value}}{{end}}</td><td>{{.Origin}}{{with .Detail}}<br><span class="sub">{{.}}</span>{{end}}</td></tr>
{{end}}</tbody></table>
{{end}}
</section>
<footer>Copytrail {{.Version}} · colours from the Okabe–Ito palette; passages are numbered so the report reads without colour.</footer>
</main>
</body>
</html>
{{define "seg"}}{{if ge .N 0}}<mark class="{{.Cls}}{{if .Incidental}} inc{{end}}">{{with .Badge}}<span class="n {{$.Cls}}">{{.}}</span>{{end}}{{if eq .Change "del"}}<del>{{.Text}}</del>{{else if eq .Change "ins"}}<ins>{{.Text}}</ins>{{else}}{{.Text}}{{end}}</mark>{{else if .Grey}}<span class="grey">{{.Text}}</span>{{else}}{{.Text}}{{end}}{{end}}`
