// Analytics: model cost per day against the agents' daily budgets, turns per day by source, crisis
// detections and rate-limit rejections, and the router funnel, drawn with Chart.js (vendored,
// served by Concierge as /console/chart.umd.min.js). Each chart has its numbers in a table too.
import { api, query } from './api.js';
import { element, field, section, select, table, utcDay, viewHeading } from './ui.js';

const Colors = ['#0b5cad', '#1a7f37', '#b35900', '#8a1c1c', '#6639ba', '#4f5b66'];
let days = 7;

export async function analyticsView(main) {
  const from = utcDay(1 - days);
  const dates = Array.from({ length: days }, (_, i) => utcDay(i + 1 - days));
  const [usage, agents, daily, funnel] = await Promise.all([
    settle(api(`/api/v1/usage${query({ group: 'day', from, limit: 1000 })}`)),
    settle(api('/api/v1/agents')),
    settle(api(`/api/v1/analytics/daily${query({ days })}`)),
    settle(api(`/api/v1/analytics/router/funnel${query({ days })}`)),
  ]);

  const range = select([['7', 'Last 7 days'], ['14', 'Last 14 days'], ['30', 'Last 30 days'], ['90', 'Last 90 days']], String(days));
  range.addEventListener('change', () => {
    days = Number(range.value);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
  const picker = element('form', 'inline');
  picker.append(field('Period', range, { name: 'days' }));
  picker.addEventListener('submit', (event) => event.preventDefault());

  const charts = [];
  const grid = element('div', 'charts');
  const add = (title, result, build) => {
    const box = section(title);
    if (result.error) {
      box.append(element('p', 'problem', `Not available: ${result.error.message}`));
    } else {
      const chart = build(result.value);
      const canvas = element('canvas');
      canvas.setAttribute('role', 'img');
      canvas.setAttribute('aria-label', `${title} chart; the numbers are in the table below`);
      canvas.dataset.chart = chart.name;
      const holder = element('div', 'chart-box');
      holder.append(canvas);
      const data = element('details');
      data.append(element('summary', null, 'Numbers'), chart.table);
      box.append(holder, data);
      charts.push({ canvas, config: chart.config });
    }
    grid.append(box);
  };

  add('Model cost per day (USD)', combine(usage, agents), ({ usage: report, agents: list }) => costChart(report, list.agents, dates));
  add('Turns per day by source', daily, (report) => turnsChart(report));
  add('Crisis detections and rate-limit rejections', daily, (report) => safetyChart(report));
  add('Router funnel', funnel, (report) => funnelChart(report));

  main.append(viewHeading('Analytics'), picker, grid);
  return () => {
    for (const { canvas, config } of charts) {
      new window.Chart(canvas, { ...config, options: { responsive: true, maintainAspectRatio: false, animation: false, ...config.options } });
    }
  };
}

async function settle(promise) {
  try {
    return { value: await promise };
  } catch (error) {
    if (error && error.status === 401) throw error;
    return { error };
  }
}

function combine(usage, agents) {
  if (usage.error) return usage;
  if (agents.error) return agents;
  return { value: { usage: usage.value, agents: agents.value } };
}

function costChart(report, agents, dates) {
  const byDay = new Map(report.rows.map((row) => [String(row.key).slice(0, 10), Number(row.cost_usd)]));
  const costs = dates.map((date) => byDay.get(date) || 0);
  // The budget line is what the agents allow a day together (an agent without a budget adds nothing).
  const budgets = agents.map((a) => a.daily_budget_usd).filter((b) => b !== null && b !== undefined);
  const budget = budgets.length > 0 ? budgets.reduce((sum, b) => sum + Number(b), 0) : null;
  const datasets = [{ type: 'bar', label: 'Cost (USD)', data: costs, backgroundColor: Colors[0] }];
  if (budget !== null) datasets.push({ type: 'line', label: 'Daily budget (USD)', data: dates.map(() => budget), borderColor: Colors[3], pointRadius: 0 });
  return {
    name: 'cost',
    config: { type: 'bar', data: { labels: dates, datasets }, options: { scales: { y: { beginAtZero: true } } } },
    table: table('Model cost per day', [['Day', (r) => r.date], ['Cost (USD)', (r) => r.cost.toFixed(4)], ['Budget (USD)', () => (budget === null ? 'none set' : budget.toFixed(2))]],
      dates.map((date, i) => ({ date, cost: costs[i] }))),
  };
}

function turnsChart(report) {
  const sources = ['model', 'offline', 'fallback', 'safety'];
  for (const day of report.days) for (const key of Object.keys(day.turns_by_source || {})) if (!sources.includes(key)) sources.push(key);
  const datasets = sources.map((source, i) => ({ label: source, data: report.days.map((d) => (d.turns_by_source || {})[source] || 0), backgroundColor: Colors[i % Colors.length] }));
  return {
    name: 'turns',
    config: { type: 'bar', data: { labels: report.days.map((d) => d.date), datasets }, options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } } } },
    table: table('Turns per day', [['Day', (d) => d.date], ['Turns', (d) => d.turns], ...sources.map((s) => [s, (d) => (d.turns_by_source || {})[s] || 0])], report.days),
  };
}

function safetyChart(report) {
  return {
    name: 'safety',
    config: {
      type: 'line',
      data: {
        labels: report.days.map((d) => d.date),
        datasets: [
          { label: 'Crisis detections', data: report.days.map((d) => d.crisis_detections), borderColor: Colors[3], backgroundColor: Colors[3] },
          { label: 'Rate-limit rejections', data: report.days.map((d) => d.rate_limit_rejections), borderColor: Colors[2], backgroundColor: Colors[2] },
        ],
      },
      options: { scales: { y: { beginAtZero: true } } },
    },
    table: table('Crisis detections and rate-limit rejections per day', [['Day', (d) => d.date], ['Crisis detections', (d) => d.crisis_detections], ['Rate-limit rejections', (d) => d.rate_limit_rejections]], report.days),
  };
}

function funnelChart(report) {
  const totals = report.totals;
  return {
    name: 'funnel',
    config: {
      type: 'bar',
      data: { labels: ['Searches', 'Delegations', 'Bookings'], datasets: [{ label: `Last ${report.days} days`, data: [totals.searches, totals.delegations, totals.bookings], backgroundColor: [Colors[0], Colors[1], Colors[2]] }] },
      options: { indexAxis: 'y', scales: { x: { beginAtZero: true } } },
    },
    table: table('Router funnel per day', [
      ['Day', (d) => d.date], ['Searches', (d) => d.searches], ['Delegations', (d) => d.delegations], ['Bookings', (d) => d.bookings], ['Search → booking %', (d) => d.search_to_booking_pct],
    ], [...report.per_day, totals]),
  };
}
