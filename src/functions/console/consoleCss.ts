/** The console's stylesheet (`/api/console/app.css`). */
export const consoleCss = `:root {
  color-scheme: light dark;
  --fg: #1d2330;
  --muted: #5c6577;
  --bg: #ffffff;
  --panel: #f4f6fa;
  --line: #d9dee8;
  --ok: #17803d;
  --bad: #b42318;
  --wait: #9a6700;
  --run: #1f5fbf;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
}
@media (prefers-color-scheme: dark) {
  :root {
    --fg: #e6e9ef;
    --muted: #a3abbb;
    --bg: #14171d;
    --panel: #1d222b;
    --line: #2f3642;
    --ok: #4ac26b;
    --bad: #f97066;
    --wait: #e3b341;
    --run: #6ea8fe;
  }
}
* { box-sizing: border-box; }
body { margin: 0; color: var(--fg); background: var(--bg); }
.bar {
  display: flex; align-items: center; gap: 1rem; flex-wrap: wrap;
  padding: 0.6rem 1.2rem; border-bottom: 1px solid var(--line); background: var(--panel);
}
.brand { font-weight: 700; color: var(--fg); text-decoration: none; }
nav { display: flex; gap: 0.8rem; flex: 1; }
.updated, .hint, .step, .empty { color: var(--muted); }
.who { display: flex; align-items: center; gap: 0.5rem; }
main { padding: 1rem 1.2rem 3rem; max-width: 1200px; }
h1 { font-size: 1.35rem; margin: 0.4rem 0 0.6rem; }
h2 { font-size: 1.05rem; margin: 1.4rem 0 0.5rem; }
a { color: var(--run); }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.92em; word-break: break-all; }
code.digest { white-space: nowrap; word-break: normal; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 0.35rem 0.6rem; border-bottom: 1px solid var(--line); }
th { color: var(--muted); font-weight: 600; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0.5rem 0; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; }
.badge {
  display: inline-block; padding: 0.05rem 0.5rem; border-radius: 999px; font-size: 0.85em;
  border: 1px solid currentColor; white-space: nowrap;
}
.tone-ok { color: var(--ok); }
.tone-bad { color: var(--bad); }
.tone-wait { color: var(--wait); }
.tone-run { color: var(--run); }
.tone-muted { color: var(--muted); }
.checks, .evidence, .problem-fields { margin: 0; padding-left: 1.1rem; }
.filters { display: flex; gap: 0.6rem; align-items: center; margin-bottom: 0.8rem; }
.connect { display: grid; gap: 0.35rem; max-width: 34rem; }
.connect input { padding: 0.45rem; font: inherit; }
.connect button { justify-self: start; margin-top: 0.6rem; }
button { font: inherit; padding: 0.35rem 0.9rem; border-radius: 6px; border: 1px solid var(--line); background: var(--panel); color: var(--fg); cursor: pointer; }
button:disabled { opacity: 0.6; cursor: progress; }
.action-buttons { display: flex; gap: 0.6rem; flex-wrap: wrap; margin: 0.8rem 0; }
.action-approve { border-color: var(--ok); }
.action-reject, .action-cancel, .action-rollback { border-color: var(--bad); }
.action-form { display: grid; gap: 0.35rem; max-width: 34rem; padding: 0.8rem; border: 1px solid var(--line); border-radius: 8px; background: var(--panel); }
.action-form textarea { font: inherit; padding: 0.4rem; }
.form-buttons { display: flex; gap: 0.6rem; }
.problem { border: 1px solid var(--bad); border-radius: 8px; padding: 0.5rem 0.8rem; margin: 0.6rem 0; }
.problem p { margin: 0.2rem 0; }
.problem-title { font-weight: 700; color: var(--bad); }
.done { color: var(--ok); }
.notice { color: var(--wait); }
.chart { width: 100%; max-width: 900px; height: auto; margin: 0.6rem 0; font-size: 11px; }
.chart text { fill: var(--muted); }
.chart .panel-title { fill: var(--fg); font-weight: 600; }
.chart .scale { text-anchor: end; }
.chart .plot { fill: var(--panel); stroke: var(--line); }
.chart .series { fill: none; stroke: var(--run); stroke-width: 1.5; }
.chart .sample { fill: var(--run); stroke: var(--bg); }
.chart .verdict-breach { fill: var(--bad); }
.chart .verdict-inconclusive { fill: var(--wait); }
.chart .threshold line { stroke: var(--bad); stroke-dasharray: 5 4; }
.chart .threshold text { fill: var(--bad); text-anchor: end; }
.chart .health-pass { fill: var(--ok); }
.chart .health-failure { stroke: var(--bad); stroke-width: 2.5; }
.chart .axis line { stroke: var(--line); }
.chart .axis text { text-anchor: middle; }
.chart .event line { stroke: var(--fg); stroke-dasharray: 2 3; }
.chart .event text { fill: var(--fg); }
.chart .event-swap line { stroke: var(--run); }
.chart .event-swap text { fill: var(--run); }
.chart .event-detect text, .chart .event-decide text, .chart .event-done text { fill: var(--bad); }
.chart .event-detect line, .chart .event-decide line, .chart .event-done line { stroke: var(--bad); }
.chart .canary-step rect { fill: var(--wait); opacity: 0.12; stroke: var(--wait); }
.chart .canary-step text { fill: var(--wait); }
`;
