// The impact page: guard impact for admins, over this server's own decision log. The candidate is
// the rules in force with the files chosen here; the service lints and compiles it before anything
// of it runs, and the replay records nothing.

const impact = { allowed: false, settings: null, report: null, refusal: null };

// The page is for whoever may run the replay (role admin): the service says so by answering the
// settings with 200 to the page's sign-in. Everyone else never sees the link or the page.
async function probeImpact() {
  const allowed = credentials() ? await api('/v1/admin/rules/impact') : null;
  impact.allowed = !!(allowed && allowed.ok);
  impact.settings = impact.allowed ? allowed.body : null;
  const link = document.querySelector("nav a[data-page='impact']");
  link.hidden = !impact.allowed;
  // What the last probe found, for whoever waits on it (the browser test): shown or hidden.
  link.dataset.probe = impact.allowed ? 'shown' : 'hidden';
  renderImpactSettings();
  if (!impact.allowed && location.hash.startsWith('#impact')) location.hash = '#try';
}

function renderImpactSettings() {
  const s = impact.settings;
  const box = document.getElementById('impact-settings');
  if (!s) { box.replaceChildren(); return; }
  box.replaceChildren(el('dl', {},
    el('dt', { text: t('impactLog') }), el('dd', {}, s.logs.length ? list(s.logs, n => el('code', { text: n })) : el('span', { class: 'bad', text: t('impactNoLog') })),
    el('dt', { text: t('impactCap') }), el('dd', { id: 'impact-cap', text: t('impactCapText').replace('{n}', s.maxDecisions.toLocaleString()) })));
}

function showChosenFiles() {
  const files = [...document.getElementById('impact-files').files];
  document.getElementById('impact-chosen').replaceChildren(files.length
    ? list(files, f => el('code', { text: f.name })) : el('span', { text: t('impactNoFiles') }));
}

async function runImpact() {
  const out = document.getElementById('impact-report');
  const problems = document.getElementById('impact-problems');
  problems.hidden = true;
  impact.refusal = null;
  const files = {};
  for (const f of document.getElementById('impact-files').files) files[f.name] = await f.text();
  const since = document.getElementById('impact-since').value.trim() || (impact.settings && impact.settings.since) || '30d';
  out.replaceChildren(el('p', { text: t('running') }));
  const r = await api('/v1/admin/rules/impact', { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ since, files, examples: 3, includeWhatIf: document.getElementById('impact-what-if').checked }) });
  if (!r.ok) {
    out.replaceChildren();
    impact.report = null;
    showImpactProblems(r);
    return;
  }
  impact.report = r.body;
  renderImpact();
}

// A field error of the request, naming its field once. The period's words are the field's own: it
// takes a length, a date or an instant, not the date-time with an offset an incident's times take.
function impactViolation(e) {
  const text = e.path === 'since' && e.code === 'INVALID_DATE_TIME' ? `${t('impactSince')}: ${t('impactSinceInvalid')}` : violationText(e);
  return e.path && !text.includes(e.path) ? [text, ' ', el('code', { text: e.path })] : [text];
}

// A refusal in the page's language; a candidate's problems as the service locates them (file:line:col).
function showImpactProblems(r) {
  impact.refusal = r;
  renderImpactProblems();
  document.getElementById('impact-problems').focus();
}

// Drawn again when the language changes, as the report is.
function renderImpactProblems() {
  const r = impact.refusal;
  const box = document.getElementById('impact-problems');
  if (!r) { box.hidden = true; return; }
  const errors = (r.body && r.body.errors) || [];
  // A refused candidate's problems come as data too (ruleProblems, in the order of errors): in the reader's words.
  const details = (r.body && r.body.ruleProblems) || [];
  box.hidden = false;
  box.replaceChildren(...[el('p', { class: 'refusal', text: problemText(r), title: (r.body && r.body.detail) || undefined }),
    errors.length ? list(errors.map((e, i) => [e, details[i]]), ([e, d]) => typeof e === 'string' ? ruleProblemEl(e, d)
      : el('span', {}, ...impactViolation(e))) : null].filter(Boolean));
}

function renderImpact() {
  const rep = impact.report;
  const out = document.getElementById('impact-report');
  if (!rep) return;
  const tot = rep.totals;
  const notReplayed = [[tot.beforePeriod, 'impactBeforePeriod'], [tot.timedOut, 'impactTimedOut'], [tot.whatIf || 0, 'impactWhatIf'],
    [tot.skipped, 'impactSkipped']]
    .filter(([n]) => n > 0).map(([n, key]) => `${t(key)}: ${n}`);
  // replaceChildren would write a null as the word "null": only what there is goes in.
  out.replaceChildren(...[
    el('p', { id: 'impact-summary', class: tot.changed ? 'bad' : 'good',
      text: `${t('impactReplayed')}: ${tot.replayed} · ${t('impactChanged')}: ${tot.changed}` }),
    notReplayed.length ? el('p', { id: 'impact-not-replayed', text: notReplayed.join(' · ') }) : null,
    impactVerification(rep.verification),
    rep.limit && rep.limit.reached ? el('p', { id: 'impact-limit', class: 'bad',
      text: t('impactLimitReached').replace('{n}', rep.limit.decisions.toLocaleString()).replace('{until}', stamp(rep.limit.until)) }) : null,
    el('dl', {},
      el('dt', { text: t('impactCandidate') }), el('dd', {}, el('code', { text: rep.candidate.version }), ` (${rep.candidate.rules} ${t('impactRuleCount')})`),
      el('dt', { text: t('impactPeriodFrom') }), el('dd', {}, stampEl(rep.since)),
      el('dt', { text: t('impactLog') }), el('dd', {}, list(rep.logs, n => el('code', { text: n })))),
    impactChart(rep),
    rep.changes.length ? null : el('p', { class: 'good', text: t('impactNoChange') }),
    ...rep.changes.map(impactKind)].filter(Boolean));
}

// Whether the candidate would be put in force, by the verification guard test and every replica
// apply: read beside the impact, "changes 37 decisions" and "fails 2 scenarios" together. A report
// from a replica not yet updated has none, and shows nothing here.
function impactVerification(v) {
  if (!v) return null;
  const fill = (key, values) => Object.entries(values).reduce((s, [k, n]) => s.replace('{' + k + '}', n), t(key));
  if (v.ready) {
    return el('p', { id: 'impact-verification', class: 'good', text: fill('impactReady', { n: v.scenarios.run }) });
  }
  const parts = [];
  if (v.scenarios.failed) parts.push(fill('impactScenariosFail', { failed: v.scenarios.failed, n: v.scenarios.run }));
  const others = v.problems.length - v.scenarios.failed;
  if (others > 0) {
    const why = v.reasons.filter(r => r !== 'scenario').map(r => t('impactReason_' + r)).join(LANG === 'ja' ? '、' : ', ');
    parts.push(fill('impactOtherProblems', { n: others }) + (why ? (LANG === 'ja' ? `（${why}）` : ` (${why})`) : ''));
  }
  return el('div', { id: 'impact-verification', class: 'bad' },
    el('p', {}, el('strong', { text: t('impactNotReady') }), ' ', parts.join(LANG === 'ja' ? '。' : '; ')),
    v.problems.length ? list(v.problems.map((p, i) => [p, (v.details || [])[i]]), ([p, d]) => ruleProblemEl(p, d)) : null);
}

// One bar per change kind against all replayed decisions (the full width): plain elements sized in
// per cent, readable without colour (each bar carries its number) and by a screen reader (a list).
function impactChart(rep) {
  const all = Math.max(1, rep.totals.replayed);
  const bar = (label, n, kind) => el('li', { class: 'impact-bar', 'data-kind': kind },
    el('span', { class: 'impact-bar-label', text: label }),
    el('span', { class: 'impact-bar-track' }, el('span', { class: 'impact-bar-fill' + (kind === 'ALL' ? ' all' : ''),
      style: `width: ${n === 0 ? 0 : Math.max(1, Math.round(100 * n / all))}%` })),
    el('span', { class: 'impact-bar-count', text: String(n) }));
  return el('figure', { class: 'impact-chart' },
    el('figcaption', { text: t('impactChart') }),
    el('ul', {}, bar(t('impactReplayed'), rep.totals.replayed, 'ALL'), ...rep.changes.map(c => bar(t('impactKind' + c.kind), c.decisions, c.kind))));
}

// Counts by name, largest first, as guard impact prints them.
function counts(map, render) {
  const entries = Object.entries(map || {}).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return entries.length ? list(entries, ([name, n]) => el('span', {}, render ? render(name) : name, ` ${n}`)) : el('span', { text: t('none') });
}

function impactKind(c) {
  return el('section', { class: 'impact-kind', 'data-kind': c.kind },
    el('h3', {}, `${t('impactKind' + c.kind)}: ${c.decisions} ${t('impactDecisions')}`),
    el('dl', {},
      el('dt', { text: t('department') }), el('dd', { class: 'impact-departments' }, counts(c.departments)),
      el('dt', { text: t('rules') }), el('dd', { class: 'impact-rules' }, counts(c.rules, impactRule)),
      el('dt', { text: t('lessons') }), el('dd', { class: 'impact-lessons' }, counts(c.lessons, impactLesson))),
    el('div', { class: 'scroll' }, el('table', { class: 'impact-examples' },
      el('caption', { text: t('impactExamples') }),
      el('thead', {}, el('tr', {}, [t('decisionId'), t('at'), t('department'), t('impactCaller'), t('impactBefore'), t('impactChanges')]
        .map(h => el('th', { scope: 'col', text: h })))),
      el('tbody', {}, c.examples.map(e => el('tr', { class: 'impact-example', 'data-decision': e.decisionId || '' },
        el('td', { 'data-label': t('decisionId') }, el('code', { text: e.decisionId || '—' })),
        // Decided at the service's clock (UTC), shown at the incident's own offset, as every time here.
        el('td', { 'data-label': t('at') }, timeEl(e.time, e.occurredAt)),
        el('td', { 'data-label': t('department'), text: e.department || '—' }),
        el('td', { 'data-label': t('impactCaller') }, el('code', { class: 'masked', text: e.callerId || '—' })),
        el('td', { 'data-label': t('impactBefore') }, exampleActions(e)),
        el('td', { 'data-label': t('impactChanges') }, exampleChanges(e))))))));
}

// The actions decided then, in words. A report without them as data (a replica not yet updated
// answered) shows the lines guard impact prints.
function exampleActions(e) {
  return e.beforeActions ? list(e.beforeActions, a => actionWords(a.code, a.params)) : list(e.before, x => el('code', { text: x }));
}

function exampleChanges(e) {
  return e.changeDetails ? list(e.changeDetails.map((d, i) => [d, e.changes[i]]), ([d, line]) => changeWords(d, line))
    : list(e.changes, x => el('code', { class: 'impact-change', text: x }));
}

// A rule by its name in the reader's language. The report names its rules itself: a policy author
// may not read the catalogue (GET /v1/rules), and an admin's may not be loaded yet. A link to the
// Rules page only where the catalogue is there to show it.
function impactRule(name) {
  const ja = LANG === 'ja' && impact.report && impact.report.ruleNames && impact.report.ruleNames[name];
  const text = ja || ruleName(name);
  return state.catalogue ? el('a', { href: '#rules/' + encodeURIComponent(name), 'data-rule': name, text })
    : el('span', { 'data-rule': name, title: name, text });
}

// A lesson by its id, its text in the reader's language (from the report) on hover.
function impactLesson(id) {
  const lesson = impact.report && impact.report.lessonTexts && impact.report.lessonTexts[id];
  return el('span', { 'data-lesson': id, title: lesson ? `${id}: ${(LANG === 'ja' && lesson.ja) || lesson.text}` : lessonText(id), text: id });
}

// One change of an example in words: an action added (+), removed (−) or with other params (~) by
// its name and params, an answer by its label and values. The line guard impact prints is the tooltip.
const ARROW = ' → ';

function changeWords(d, line) {
  const attrs = { class: 'impact-change', 'data-kind': d.kind, title: line || undefined };
  switch (d.kind) {
    case 'ACTION_ADDED':
      return el('span', attrs, '+ ', actionWords(d.code, d.after[0]));
    case 'ACTION_REMOVED':
      return el('span', attrs, '− ', actionWords(d.code, d.before[0]));
    case 'PARAMS_CHANGED':
      return el('span', attrs, '~ ', el('span', { class: 'action-words', 'data-code': d.code, title: d.code },
        el('strong', { text: actionName(d.code) }), LANG === 'ja' ? '（' : ' (',
        paramsWords(d.code, d.before), ARROW, paramsWords(d.code, d.after), LANG === 'ja' ? '）' : ')'));
    case 'HANDLING_CHANGED':
    case 'ASSESSMENT_CHANGED': {
      const words = values => values.length ? values.map(v => enumWord(ANSWER_ENUM[d.field], v)).join(LANG === 'ja' ? '、' : ', ') : t('none');
      return el('span', attrs, `${t(d.field === 'handling' ? 'handlingLabel' : d.field)}: ${words(d.before)}${ARROW}${words(d.after)}`);
    }
    default:
      return el('span', attrs, `${t('impactKind' + d.kind)}: ${d.error || ''}`);
  }
}

// The params of each action of one code, in words; an action without params reads as "none".
function paramsWords(code, params) {
  return params.map(p => paramText(code, p) || t('none')).join(' / ');
}

function startImpact() {
  document.getElementById('impact-files').addEventListener('change', showChosenFiles);
  // The run button submits the form (Enter in the period does too): one listener, one request.
  document.getElementById('impact-form').addEventListener('submit', e => { e.preventDefault(); runImpact(); });
  for (const id of ['user', 'password']) document.getElementById(id).addEventListener('change', probeImpact);
  showChosenFiles();
}
