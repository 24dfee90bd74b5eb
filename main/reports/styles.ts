/** The report's only styles, inlined: the file must display and print the same anywhere, offline. */
export const reportCss = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font: 14px/1.45 "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; color: #1b1f24; margin: 0; background: #fff; }
main { max-width: 960px; margin: 0 auto; padding: 32px 28px 48px; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 32px 0 8px; padding-bottom: 4px; border-bottom: 2px solid #1b1f24; }
h3 { font-size: 15px; margin: 20px 0 6px; }
.meta { color: #4a535d; margin: 0 0 4px; }
.summary { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 8px; margin: 16px 0; padding: 0; list-style: none; }
.summary li { border: 1px solid #c9d1d9; border-radius: 6px; padding: 8px 10px; }
.summary strong { display: block; font-size: 18px; }
.step { border: 1px solid #d6dce2; border-radius: 6px; padding: 10px 14px; margin: 12px 0; break-inside: avoid; page-break-inside: avoid; }
.step h3 { margin-top: 0; display: flex; justify-content: space-between; gap: 12px; }
.kind { color: #4a535d; font-weight: normal; font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
ul.confirmations { list-style: none; padding: 0; margin: 6px 0; }
ul.confirmations li { padding: 3px 0; }
.mark { display: inline-block; width: 1.4em; font-weight: bold; }
.done .mark { color: #1a7f37; }
.open .mark { color: #8c959f; }
.who, .note { color: #4a535d; font-size: 13px; display: block; margin-left: 1.4em; }
table { width: 100%; border-collapse: collapse; margin: 6px 0; font-size: 13px; }
th, td { text-align: left; vertical-align: top; border-bottom: 1px solid #e1e6eb; padding: 4px 6px; }
caption { text-align: left; }
th { color: #4a535d; font-weight: 600; }
.status { font-weight: 600; white-space: nowrap; }
.status-pass { color: #1a7f37; } .status-fail { color: #cf222e; } .status-warn { color: #9a6700; }
.status-inconclusive, .status-skipped, .status-notRun { color: #57606a; }
.tag { display: inline-block; font-size: 11px; font-weight: 700; border-radius: 3px; padding: 0 5px; margin-left: 6px; }
.tag-stale { background: #fff1c2; color: #6b4b00; border: 1px solid #d4a72c; }
.tag-outdated { background: #ffe2e0; color: #82071e; border: 1px solid #cf222e; }
.step-state { font-weight: 700; white-space: nowrap; }
.state-done { color: #1a7f37; } .state-checksFailing { color: #cf222e; }
.state-notVerified, .state-waitingForConfirmation { color: #9a6700; }
.step-detail { font-size: 13px; }
.verdict { border-left: 4px solid #8c959f; padding: 4px 10px; margin: 10px 0; }
.verdict p { margin: 2px 0; }
.verdict-verified { border-color: #1a7f37; } .verdict-failing { border-color: #cf222e; }
.verdict-not-verified { border-color: #9a6700; }
.chart { width: 100%; height: auto; border: 1px solid #e1e6eb; border-radius: 6px; }
.chart .bar-click { fill: #0969da; } .chart .bar-other { fill: #a5c8f0; }
.chart .axis { stroke: #57606a; stroke-width: 1; } .chart .tick { font-size: 11px; fill: #4a535d; }
.chart .capped { font-size: 11px; font-weight: 700; fill: #1b1f24; }
.legend { font-size: 12px; color: #4a535d; }
.legend span::before { content: ""; display: inline-block; width: 10px; height: 10px; margin: 0 4px 0 10px; vertical-align: middle; }
.legend .l-click::before { background: #0969da; } .legend .l-other::before { background: #a5c8f0; }
footer { margin-top: 36px; color: #57606a; font-size: 12px; border-top: 1px solid #d6dce2; padding-top: 8px; }
@page { size: A4; margin: 14mm 12mm; }
@media print { main { padding: 0; max-width: none; } h2 { break-after: avoid; page-break-after: avoid; } a { color: inherit; } }
`;
