// Snapdesk's "SLA" Cockpit plugin: plain ES module, no build step and no external assets.
// Three plugin points: a panel on the Cockpit dashboard, an "SLA" menu entry, and the page #/sla.
// All figures come from GET /api/sla/dashboard, computed on the server with the engine's clock, so
// the page shows the same remaining times as Tasklist's due dates and the escalation timers.

const ROUTE = '/sla';
const PERIODS = [7, 30, 90];
const ENVIRONMENTS = [['all', 'All environments'], ['production', 'Production'], ['staging', 'Staging']];
const RISK = {
  BREACHED: ['Breached', 'sla-breached'],
  AT_RISK: ['At risk', 'sla-at-risk'],
  ON_TRACK: ['On track', 'sla-on-track']
};
const RISK_ORDER = {BREACHED: 0, AT_RISK: 1, ON_TRACK: 2};
const CLOCK = {FIRST_RESPONSE: 'First response', DELIVERY: 'Delivery'};
const STATUS = {
  RECEIVED: 'Received', AWAITING_APPROVAL: 'Awaiting approval', AWAITING_CUSTOMER: 'Awaiting customer',
  RETRIEVING: 'Retrieving', READY: 'Ready'
};

const STYLE = `
.sla-page { padding: 0 20px 30px; }
.sla-page h1 { font-size: 22px; margin: 18px 0 4px; }
.sla-page h2 { font-size: 17px; margin: 26px 0 8px; }
.sla-page .sla-sub { color: #666; margin-bottom: 14px; }
.sla-toolbar { display: flex; gap: 10px; align-items: center; flex-wrap: wrap; margin: 10px 0 4px; }
.sla-toolbar select { width: auto; display: inline-block; }
.sla-tiles { display: flex; gap: 12px; flex-wrap: wrap; margin: 12px 0 6px; }
.sla-tile { border: 1px solid #ddd; border-radius: 4px; padding: 10px 16px; min-width: 150px; background: #fff; }
.sla-tile .sla-num { font-size: 28px; font-weight: 600; line-height: 1.1; }
.sla-tile .sla-lbl { color: #555; font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
.sla-tile.sla-breached { border-left: 5px solid #b5152b; }
.sla-tile.sla-at-risk { border-left: 5px solid #e3a008; }
.sla-tile.sla-on-track { border-left: 5px solid #2e8540; }
.sla-tile.sla-neutral { border-left: 5px solid #1d5fa8; }
.sla-badge { display: inline-block; padding: 2px 8px; border-radius: 10px; font-size: 12px; font-weight: 600;
  color: #fff; white-space: nowrap; }
.sla-badge.sla-breached { background: #b5152b; }
.sla-badge.sla-at-risk { background: #b7791f; }
.sla-badge.sla-on-track { background: #2e8540; }
.sla-page table.sla-table { width: 100%; background: #fff; }
.sla-page table.sla-table th { white-space: nowrap; }
.sla-page table.sla-table th[data-sort] { cursor: pointer; user-select: none; }
.sla-page table.sla-table th[aria-sort=ascending]::after { content: ' \\25B2'; font-size: 10px; }
.sla-page table.sla-table th[aria-sort=descending]::after { content: ' \\25BC'; font-size: 10px; }
.sla-page td.sla-num-cell, .sla-page th.sla-num-cell { text-align: right; font-variant-numeric: tabular-nums; }
.sla-overdue { color: #b5152b; font-weight: 600; }
.sla-paused { color: #555; font-size: 12px; margin-left: 4px; }
.sla-muted { color: #777; }
.sla-error { margin-top: 20px; }
.sla-panel { border: 1px solid #ddd; border-radius: 4px; padding: 10px 14px; background: #fff; margin: 10px 0; }
.sla-panel .sla-badge { margin-right: 6px; }
.sla-trends { display: flex; flex-wrap: wrap; gap: 16px; }
.sla-chart { flex: 1 1 420px; max-width: 640px; background: #fff; border: 1px solid #ddd; border-radius: 4px;
  padding: 8px 10px; }
.sla-chart h3 { font-size: 14px; margin: 2px 0 6px; }
.sla-chart svg { width: 100%; height: auto; display: block; }
.sla-chart svg text { font-size: 11px; fill: #444; }
.sla-chart .sla-legend span { display: inline-block; margin-right: 12px; font-size: 12px; }
.sla-chart .sla-legend i { display: inline-block; width: 10px; height: 10px; margin-right: 4px; }
.sla-chart details { margin-top: 6px; font-size: 12px; }
`;

// Trend charts: colours tell the series apart, the legend and the figures table say which is which.
const TREND_COLOURS = {firstResponse: '#1d5fa8', delivery: '#7b4fa8', passed: '#2e8540', failed: '#b5152b'};

function escapeHtml(value) {
  return String(value == null ? '' : value)
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** "2 h 05 min", "3 d 4 h", "12 min", "< 1 min". */
export function formatDuration(seconds) {
  if (seconds == null) return '–';
  let s = Math.abs(Math.round(seconds));
  if (s < 60) return '< 1 min';
  const d = Math.floor(s / 86400); s -= d * 86400;
  const h = Math.floor(s / 3600); s -= h * 3600;
  const m = Math.floor(s / 60);
  if (d > 0) return `${d} d ${h} h`;
  if (h > 0) return `${h} h ${String(m).padStart(2, '0')} min`;
  return `${m} min`;
}

function formatPercent(value) {
  return value == null ? '–' : `${Number(value).toFixed(1)} %`;
}

function formatTime(iso) {
  if (!iso) return '–';
  const t = new Date(iso);
  const pad = (n) => String(n).padStart(2, '0');
  return `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())} ${pad(t.getHours())}:${pad(t.getMinutes())}`;
}

function contextRoot() {
  // Cockpit runs at <context>/camunda/app/cockpit; Snapdesk's API at <context>/api.
  const base = document.querySelector('base');
  const appRoot = (base && base.getAttribute('app-root')) || '/camunda';
  return appRoot.replace(/\/camunda\/?$/, '');
}

async function loadDashboard(days, environment) {
  const url = `${contextRoot()}/api/sla/dashboard?days=${encodeURIComponent(days)}`
    + `&environment=${encodeURIComponent(environment)}`;
  const response = await fetch(url, {credentials: 'same-origin', headers: {Accept: 'application/json'}});
  if (response.status === 401) throw new Error('Your Cockpit session has ended: log in again to see SLA figures.');
  if (response.status === 403) throw new Error('The SLA dashboard is for managers and administrators.');
  if (!response.ok) throw new Error(`The SLA figures could not be loaded (HTTP ${response.status}).`);
  return response.json();
}

/** Restore drills (GET /api/drills); null when they cannot be loaded, so the SLA figures still show. */
async function loadDrills() {
  try {
    const response = await fetch(`${contextRoot()}/api/drills?limit=1`,
      {credentials: 'same-origin', headers: {Accept: 'application/json'}});
    return response.ok ? response.json() : null;
  } catch (e) {
    return null;
  }
}

const DRILL_OUTCOME = {
  PASSED: ['Passed', 'sla-on-track'],
  FAILED: ['Failed', 'sla-breached'],
  TIMED_OUT: ['Timed out', 'sla-breached'],
  RUNNING: ['Running', 'sla-at-risk'],
  SCHEDULED: ['Scheduled', 'sla-at-risk'],
  NEVER_TESTED: ['Never tested', 'sla-breached']
};

/** The last drill of each project and environment, the one tested longest ago first (the API's order). */
function drillTable(drills) {
  if (!drills) return '<p class="sla-muted" id="sla-drills-unavailable">Restore drills could not be loaded.</p>';
  const latest = drills.latestPerEnvironment;
  if (!latest.length) {
    return '<p class="sla-muted" id="sla-no-drills">No restore drill yet: set snapdesk.drills.schedule.</p>';
  }
  const rows = latest.map((d) => {
    const [label, css] = DRILL_OUTCOME[d.outcome] || [d.outcome, ''];
    const ready = d.readyAfterSeconds == null ? '–'
      : `${formatDuration(d.readyAfterSeconds)} ${d.withinRto ? '(within RTO)' : '<strong>(over RTO)</strong>'}`;
    const last = d.startAt ? `${formatTime(d.startAt)} (${formatDuration(d.ageSeconds)} ago)` : 'never';
    return `<tr data-drill="${escapeHtml(d.drillId || '')}" data-outcome="${escapeHtml(d.outcome)}">`
      + `<td><code>${escapeHtml(d.projectId)}</code></td><td>${escapeHtml(d.environment)}</td><td>${last}</td>`
      + `<td><span class="sla-badge ${css}">${escapeHtml(label)}</span></td>`
      + `<td>${ready}</td><td>${escapeHtml(d.recoveryPointId || '–')}</td><td>${escapeHtml(d.reason || '')}</td></tr>`;
  }).join('');
  return '<table class="table table-striped table-condensed sla-table" id="sla-drills"><thead><tr>'
    + '<th>Project</th><th>Environment</th><th>Last drill</th><th>Outcome</th>'
    + `<th>Time to ready (RTO ${formatDuration(drills.rtoSeconds)})</th><th>Recovery point</th><th>Reason</th>`
    + `</tr></thead><tbody>${rows}</tbody></table>`;
}

function instanceLink(processInstanceId, text) {
  if (!processInstanceId) return escapeHtml(text);
  return `<a href="#/process-instance/${encodeURIComponent(processInstanceId)}/runtime"`
    + ` title="Open the process instance">${escapeHtml(text)}</a>`;
}

function riskBadge(risk) {
  const [label, css] = RISK[risk] || [risk, ''];
  return `<span class="sla-badge ${css}" data-risk="${escapeHtml(risk)}">${escapeHtml(label)}</span>`;
}

function remainingCell(ticket) {
  const r = ticket.remainingSeconds;
  const text = r < 0
    ? `<span class="sla-overdue">overdue ${formatDuration(r)}</span>`
    : `${formatDuration(r)} left`;
  return text + (ticket.paused ? '<span class="sla-paused">(paused)</span>' : '');
}

const TICKET_COLUMNS = [
  {key: 'ticketId', label: 'Ticket', value: (t) => t.ticketId,
    cell: (t) => instanceLink(t.processInstanceId, t.ticketId)},
  {key: 'risk', label: 'SLA', value: (t) => RISK_ORDER[t.risk] * 1e9 + t.remainingSeconds,
    cell: (t) => riskBadge(t.risk)},
  {key: 'remaining', label: 'Remaining', numeric: true, value: (t) => t.remainingSeconds, cell: remainingCell},
  {key: 'used', label: 'Used', numeric: true, value: (t) => t.usedPercent, cell: (t) => `${t.usedPercent} %`},
  {key: 'due', label: 'Due', value: (t) => t.dueAt, cell: (t) => escapeHtml(formatTime(t.dueAt))},
  {key: 'clock', label: 'Clock', value: (t) => CLOCK[t.clock] || t.clock,
    cell: (t) => escapeHtml(CLOCK[t.clock] || t.clock)},
  {key: 'environment', label: 'Environment', value: (t) => t.environment, cell: (t) => escapeHtml(t.environment)},
  {key: 'status', label: 'Status', value: (t) => t.status || '',
    cell: (t) => escapeHtml(STATUS[t.status] || t.status || '–')},
  {key: 'assignee', label: 'Assignee', value: (t) => t.assignee || '',
    cell: (t) => t.assignee ? escapeHtml(t.assignee)
      : (t.unassignedTask ? '<span class="sla-muted">unassigned</span>' : '<span class="sla-muted">–</span>')}
];

function ticketTable(tickets, sort) {
  if (!tickets.length) return '<p class="sla-muted">No open tickets with a running SLA.</p>';
  const rows = [...tickets];
  if (sort.key) {
    const column = TICKET_COLUMNS.find((c) => c.key === sort.key);
    rows.sort((a, b) => {
      const x = column.value(a); const y = column.value(b);
      const order = x < y ? -1 : x > y ? 1 : 0;
      return sort.ascending ? order : -order;
    });
  }
  const head = TICKET_COLUMNS.map((c) => {
    const aria = sort.key === c.key ? ` aria-sort="${sort.ascending ? 'ascending' : 'descending'}"` : '';
    return `<th data-sort="${c.key}"${aria}${c.numeric ? ' class="sla-num-cell"' : ''}`
      + ` title="Sort by ${escapeHtml(c.label.toLowerCase())}">${escapeHtml(c.label)}</th>`;
  }).join('');
  const body = rows.map((t) => `<tr data-ticket="${escapeHtml(t.ticketId)}" data-risk="${escapeHtml(t.risk)}">`
    + TICKET_COLUMNS.map((c) => `<td${c.numeric ? ' class="sla-num-cell"' : ''}>${c.cell(t)}</td>`).join('')
    + '</tr>').join('');
  return `<table class="table table-striped table-condensed sla-table" id="sla-open-tickets">`
    + `<thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

function figuresTable(period) {
  const row = (id, label, f) => `<tr data-clock="${id}"><th>${label}</th>`
    + `<td class="sla-num-cell" data-figure="met">${f.met}</td>`
    + `<td class="sla-num-cell" data-figure="breached">${f.breached}</td>`
    + `<td class="sla-num-cell" data-figure="metPercent">${formatPercent(f.metPercent)}</td>`
    + `<td class="sla-num-cell" data-figure="breachedPercent">${formatPercent(f.breachedPercent)}</td>`
    + `<td class="sla-num-cell" data-figure="p50">${formatDuration(f.p50Seconds)}</td>`
    + `<td class="sla-num-cell" data-figure="p90">${formatDuration(f.p90Seconds)}</td>`
    + `<td class="sla-num-cell" data-figure="max">${formatDuration(f.maxSeconds)}</td></tr>`;
  return '<table class="table table-condensed sla-table" id="sla-figures"><thead><tr><th>SLA</th>'
    + '<th class="sla-num-cell">Met</th><th class="sla-num-cell">Breached</th>'
    + '<th class="sla-num-cell">Met %</th><th class="sla-num-cell">Breached %</th>'
    + '<th class="sla-num-cell">p50</th><th class="sla-num-cell">p90</th><th class="sla-num-cell">Max</th>'
    + '</tr></thead><tbody>'
    + row('FIRST_RESPONSE', 'Time to first response', period.firstResponse)
    + row('DELIVERY', 'Time to delivery', period.delivery)
    + '</tbody></table>';
}

function workloadTable(workload) {
  if (!workload.length) return '<p class="sla-muted">No open review or lead-approval tasks.</p>';
  const rows = workload.map((w) => `<tr data-assignee="${escapeHtml(w.assignee || '')}">`
    + `<td>${w.assignee ? escapeHtml(w.assignee) : '<em>Unassigned</em>'}</td>`
    + `<td class="sla-num-cell">${w.reviews}</td><td class="sla-num-cell">${w.leadApprovals}</td>`
    + `<td class="sla-num-cell">${w.total}</td>`
    + `<td>${formatDuration(w.oldestAgeSeconds)} (${instanceLink(w.oldestProcessInstanceId, w.oldestTicketId)})</td>`
    + '</tr>').join('');
  return '<table class="table table-striped table-condensed sla-table" id="sla-workload"><thead><tr>'
    + '<th>Assignee</th><th class="sla-num-cell">Reviews</th><th class="sla-num-cell">Lead approvals</th>'
    + '<th class="sla-num-cell">Total</th><th>Oldest waiting</th></tr></thead>'
    + `<tbody>${rows}</tbody></table>`;
}

function incidentTable(incidents) {
  if (!incidents.length) return '<p class="sla-muted" id="sla-no-incidents">No open incidents.</p>';
  const rows = incidents.map((i) => `<tr data-incident="${escapeHtml(i.incidentId)}">`
    + `<td>${instanceLink(i.processInstanceId, i.ticketId || i.processInstanceId)}</td>`
    + `<td>${escapeHtml(i.activityId)}</td><td>${escapeHtml(i.type)}</td>`
    + `<td>${escapeHtml(i.message || '')}</td><td class="sla-num-cell">${formatDuration(i.ageSeconds)}</td></tr>`)
    .join('');
  return '<table class="table table-striped table-condensed sla-table" id="sla-incidents"><thead><tr>'
    + '<th>Ticket</th><th>Activity</th><th>Type</th><th>Message</th><th class="sla-num-cell">Age</th>'
    + `</tr></thead><tbody>${rows}</tbody></table>`;
}

/** "11-23" from a week's start (Monday 00:00 UTC), for the axis; tables give the full date. */
function weekLabel(iso) {
  return String(iso).slice(5, 10);
}

/**
 * A grouped (or stacked) bar chart as inline SVG: role="img" with a <title> and a <desc> that lists every figure,
 * each bar carrying its week, series and value, and the same figures in a table below for screen readers and
 * for copying. Weeks without a figure get no bar and a dash.
 */
function barChart({id, title, weeks, series, format, max, stacked}) {
  const width = 640, height = 210, left = 64, right = 8, top = 10, bottom = 28;
  const plotW = width - left - right, plotH = height - top - bottom;
  const slot = plotW / weeks.length;
  const barW = stacked ? slot * 0.6 : (slot * 0.75) / series.length;
  const values = series.flatMap((s) => s.values).filter((v) => v != null);
  const top0 = max != null ? max : Math.max(1, stacked
    ? Math.max(0, ...weeks.map((w, i) => series.reduce((sum, s) => sum + (s.values[i] || 0), 0)))
    : Math.max(0, ...values));
  const y = (v) => top + plotH - (v / top0) * plotH;
  let bars = '';
  weeks.forEach((week, i) => {
    let base = 0;
    series.forEach((s, k) => {
      const v = s.values[i];
      const x = left + i * slot + (stacked ? slot * 0.2 : slot * 0.125 + k * barW);
      const label = `${s.label}, week of ${week.slice(0, 10)}: ${format(v)}`;
      if (v == null) {
        bars += `<text x="${(x + barW / 2).toFixed(1)}" y="${top + plotH - 3}" text-anchor="middle"`
          + ` data-week="${week.slice(0, 10)}" data-series="${s.key}" data-value="">–</text>`;
        return;
      }
      const y0 = stacked ? y(base + v) : y(v);
      const h = (stacked ? y(base) : y(0)) - y0;
      bars += `<rect x="${x.toFixed(1)}" y="${y0.toFixed(1)}" width="${barW.toFixed(1)}" height="${h.toFixed(1)}"`
        + ` fill="${TREND_COLOURS[s.key]}" data-week="${week.slice(0, 10)}" data-series="${s.key}"`
        + ` data-value="${v}"><title>${escapeHtml(label)}</title></rect>`;
      if (stacked) base += v;
    });
  });
  const ticks = [0, 0.5, 1].map((f) => `<text x="${left - 6}" y="${(y(top0 * f) + 4).toFixed(1)}"`
    + ` text-anchor="end">${f === 0 ? '0' : escapeHtml(format(top0 * f))}</text>`
    + `<line x1="${left}" x2="${width - right}" y1="${y(top0 * f).toFixed(1)}" y2="${y(top0 * f).toFixed(1)}"`
    + ' stroke="#e5e5e5"/>').join('');
  const axis = weeks.map((w, i) => `<text x="${(left + (i + 0.5) * slot).toFixed(1)}" y="${height - 10}"`
    + ` text-anchor="middle">${weekLabel(w)}</text>`).join('');
  const desc = series.map((s) => `${s.label}: `
    + weeks.map((w, i) => `${w.slice(0, 10)} ${format(s.values[i])}`).join('; ')).join('. ');
  const legend = series.map((s) => `<span><i style="background:${TREND_COLOURS[s.key]}"></i>${escapeHtml(s.label)}</span>`)
    .join('');
  const table = '<details><summary>Figures</summary>'
    + `<table class="table table-condensed sla-table" id="${id}-table"><thead><tr><th>Week of</th>`
    + series.map((s) => `<th class="sla-num-cell">${escapeHtml(s.label)}</th>`).join('') + '</tr></thead><tbody>'
    + weeks.map((w, i) => `<tr data-week="${w.slice(0, 10)}"><td>${w.slice(0, 10)}</td>`
      + series.map((s) => `<td class="sla-num-cell" data-series="${s.key}">${escapeHtml(format(s.values[i]))}</td>`)
        .join('') + '</tr>').join('')
    + '</tbody></table></details>';
  return `<figure class="sla-chart" id="${id}"><h3 id="${id}-heading">${escapeHtml(title)}</h3>`
    + `<svg viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${id}-title ${id}-desc">`
    + `<title id="${id}-title">${escapeHtml(title)}</title><desc id="${id}-desc">${escapeHtml(desc)}</desc>`
    + ticks + bars + axis + '</svg>'
    + `<div class="sla-legend">${legend}</div>${table}</figure>`;
}

/** Per environment: met % and p90 of both clocks per week; then drill passes and failures per week. */
function trendCharts(trends) {
  if (!trends) return '';
  const weeks = trends.weekStarts;
  const perEnvironment = trends.environments.map((e) => {
    const pick = (clock, figure) => e.weeks.map((w) => w[clock][figure]);
    const name = e.environment.charAt(0).toUpperCase() + e.environment.slice(1);
    return barChart({id: `sla-trend-met-${e.environment}`, title: `${name}: SLA met per week`, weeks,
      series: [{key: 'firstResponse', label: 'First response met', values: pick('firstResponse', 'metPercent')},
        {key: 'delivery', label: 'Delivery met', values: pick('delivery', 'metPercent')}],
      format: formatPercent, max: 100})
      + barChart({id: `sla-trend-p90-${e.environment}`, title: `${name}: p90 time per week`, weeks,
        series: [{key: 'firstResponse', label: 'p90 to first response', values: pick('firstResponse', 'p90Seconds')},
          {key: 'delivery', label: 'p90 to delivery', values: pick('delivery', 'p90Seconds')}],
        format: formatDuration});
  }).join('');
  const drills = barChart({id: 'sla-trend-drills', title: 'Restore drills per week', weeks, stacked: true,
    series: [{key: 'passed', label: 'Passed', values: trends.drills.map((d) => d.passed)},
      {key: 'failed', label: 'Failed or timed out', values: trends.drills.map((d) => d.failed)}],
    // counts: a half-way tick between 0 and 1 would read "1", so only whole numbers are labelled
    format: (v) => (v == null ? '–' : Number.isInteger(v) ? String(v) : '')});
  const none = trends.environments.length ? ''
    : '<p class="sla-muted" id="sla-no-trends">No SLA clock finished in the last 12 weeks.</p>';
  return `<div class="sla-trends" id="sla-trends">${perEnvironment}${drills}</div>${none}`;
}

function tile(css, id, number, label) {
  return `<div class="sla-tile ${css}" id="${id}"><div class="sla-num">${escapeHtml(number)}</div>`
    + `<div class="sla-lbl">${escapeHtml(label)}</div></div>`;
}

function addStyle() {
  if (document.getElementById('snapdesk-sla-style')) return;
  const style = document.createElement('style');
  style.id = 'snapdesk-sla-style';
  style.textContent = STYLE;
  document.head.appendChild(style);
}

function renderPage(node) {
  addStyle();
  const state = {days: 30, environment: 'all', sort: {key: null, ascending: true}, data: null};
  node.innerHTML = '<div class="sla-page" id="sla-dashboard">'
    + '<h1>Service levels</h1>'
    + '<div class="sla-sub">Backup-retrieval tickets: first response and delivery against their targets, '
    + 'paused time (waiting on the customer or an archive restore) excluded.</div>'
    + '<div class="sla-toolbar">'
    + '<label for="sla-days">Period</label><select id="sla-days" class="form-control input-sm">'
    + PERIODS.map((d) => `<option value="${d}"${d === 30 ? ' selected' : ''}>Last ${d} days</option>`).join('')
    + '</select>'
    + '<label for="sla-environment">Environment</label><select id="sla-environment" class="form-control input-sm">'
    + ENVIRONMENTS.map(([v, l]) => `<option value="${v}">${l}</option>`).join('')
    + '</select>'
    + '<button type="button" class="btn btn-default btn-sm" id="sla-refresh">Refresh</button>'
    + '<span class="sla-muted" id="sla-as-of"></span></div>'
    + '<div id="sla-content"><p class="sla-muted">Loading SLA figures…</p></div></div>';
  const content = node.querySelector('#sla-content');

  function draw() {
    const data = state.data;
    const p = data.period;
    const scope = p.environment === 'all' ? 'all environments' : p.environment;
    node.querySelector('#sla-as-of').textContent = `as of ${formatTime(data.asOf)}`;
    content.innerHTML = '<div class="sla-tiles">'
      + tile('sla-breached', 'sla-count-breached', data.summary.breached, 'Breached')
      + tile('sla-at-risk', 'sla-count-at-risk', data.summary.atRisk, 'At risk')
      + tile('sla-on-track', 'sla-count-on-track', data.summary.onTrack, 'On track')
      + tile('sla-neutral', 'sla-first-response-met', formatPercent(p.firstResponse.metPercent),
        `First response met, ${p.days} d`)
      + tile('sla-neutral', 'sla-delivery-met', formatPercent(p.delivery.metPercent), `Delivery met, ${p.days} d`)
      + '</div>'
      + `<h2>Open tickets <small>(${data.openTickets.length}, breached and at risk first)</small></h2>`
      + ticketTable(data.openTickets, state.sort)
      + `<h2 id="sla-period-title">Last ${p.days} days, ${escapeHtml(scope)}</h2>`
      + figuresTable(p)
      + '<h2 id="sla-trends-title">Last 12 weeks <small>(weeks from Monday 00:00 UTC; the current week so far)</small></h2>'
      + trendCharts(data.trends)
      + '<h2>Workload <small>(open reviews and lead approvals, oldest first)</small></h2>'
      + workloadTable(data.workload)
      + `<h2>Open incidents <small>(${data.incidents.length})</small></h2>`
      + incidentTable(data.incidents)
      + '<h2>Restore drills <small>(last drill per environment, never or longest untested first)</small></h2>'
      + drillTable(state.drills);
    content.querySelectorAll('#sla-open-tickets th[data-sort]').forEach((th) => {
      th.addEventListener('click', () => {
        const key = th.getAttribute('data-sort');
        state.sort = {key, ascending: state.sort.key === key ? !state.sort.ascending : true};
        draw();
      });
    });
  }

  async function refresh() {
    try {
      const [data, drills] = await Promise.all([loadDashboard(state.days, state.environment), loadDrills()]);
      state.data = data;
      state.drills = drills;
      draw();
    } catch (e) {
      content.innerHTML = `<div class="alert alert-danger sla-error" id="sla-error">${escapeHtml(e.message)}</div>`;
    }
  }

  node.querySelector('#sla-days').addEventListener('change', (e) => { state.days = Number(e.target.value); refresh(); });
  node.querySelector('#sla-environment').addEventListener('change', (e) => {
    state.environment = e.target.value; refresh();
  });
  node.querySelector('#sla-refresh').addEventListener('click', refresh);
  refresh();
  // Remaining times move: reload every minute while the page is open.
  return setInterval(refresh, 60_000);
}

function renderPanel(node) {
  addStyle();
  loadDashboard(30, 'all').then((data) => {
    const s = data.summary;
    node.innerHTML = '<div class="sla-panel" id="sla-dashboard-panel"><strong>SLA</strong> &nbsp; '
      + `<span class="sla-badge sla-breached">${s.breached} breached</span>`
      + `<span class="sla-badge sla-at-risk">${s.atRisk} at risk</span>`
      + `<span class="sla-badge sla-on-track">${s.onTrack} on track</span> &nbsp; `
      + `first response met ${formatPercent(data.period.firstResponse.metPercent)}, `
      + `delivery met ${formatPercent(data.period.delivery.metPercent)} in the last 30 days &nbsp; `
      + `<a href="#${ROUTE}">Open the SLA dashboard</a></div>`;
  }).catch(() => {
    node.innerHTML = ''; // not a manager: the dashboard is not theirs, nothing to show
  });
}

let pageTimer = null;

export default [
  {
    id: 'snapdesk-sla-dashboard-panel',
    pluginPoint: 'cockpit.dashboard',
    priority: 100,
    render: (node) => renderPanel(node),
    properties: {label: 'SLA'}
  },
  {
    id: 'snapdesk-sla-navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 5,
    render: (node) => {
      node.innerHTML = `<a href="#${ROUTE}" id="sla-menu-link">SLA</a>`;
    },
    properties: {
      pagePath: `#${ROUTE}`,
      checkActive: (path) => path.indexOf(`#${ROUTE}`) > -1
    }
  },
  {
    id: 'snapdesk-sla-page',
    pluginPoint: 'cockpit.route',
    properties: {path: ROUTE, label: 'SLA'},
    render: (node) => {
      if (pageTimer) clearInterval(pageTimer);
      pageTimer = renderPage(node);
    },
    unmount: () => {
      if (pageTimer) clearInterval(pageTimer);
      pageTimer = null;
    }
  }
];
