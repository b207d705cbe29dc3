// The console: pages over the service's own API, with the same access control as every client.
const state = { doc: null, catalogue: null, scenarios: [], form: null, tab: 'form', answered: null, flagForm: null, liftForm: null,
  caller: null, approvals: null };

function status(text) { document.getElementById('status').textContent = text || ''; }

async function api(path, options) {
  const opts = Object.assign({ headers: {} }, options || {});
  opts.headers = Object.assign({ 'Accept': 'application/json, application/problem+json', 'Accept-Language': LANG }, opts.headers);
  // Where an operator protected decisions or the catalogue too, the same sign-in serves them.
  const auth = credentials();
  if (auth && !opts.headers['Authorization']) opts.headers['Authorization'] = auth;
  // The page sends its own Authorization header. With the browser's credentials left out, a 401
  // (a wrong password) comes back to the page, instead of opening the browser's own login dialog
  // or, in a headless browser, leaving the request waiting for an answer nobody gives.
  opts.credentials = 'omit';
  const response = await fetch(path, opts);
  if (response.status === 401 && !path.startsWith('/v1/callers') && !path.startsWith('/v1/approvals')) status(t('signInFirst'));
  const text = await response.text();
  let body = null;
  try { body = text ? JSON.parse(text) : null; } catch (e) { body = { detail: text }; }
  return { status: response.status, ok: response.ok, body };
}

function list(items, render) {
  if (!items || !items.length) return el('span', { text: t('none') });
  return el('ul', {}, items.map(i => el('li', {}, render ? render(i) : String(i))));
}

function ruleLink(name) { return el('a', { href: '#rules/' + encodeURIComponent(name), text: name }); }

function lessonText(id) {
  const lesson = state.catalogue && state.catalogue.lessons.find(l => l.id === id);
  return lesson ? `${id}: ${lesson.text}` : id;
}

function params(p) {
  const entries = Object.entries(p || {});
  if (!entries.length) return el('span', { text: '—' });
  return el('code', { text: entries.map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(',') : v}`).join('  ') });
}

// ---- Try a decision ---------------------------------------------------------------------------

function showTab(tab) {
  if (tab === 'form' && state.tab === 'json') {
    try { state.form.load(JSON.parse(document.getElementById('incident-json').value || '{}')); }
    catch (e) { showProblems([{ path: '', message: t('jsonBroken') + ': ' + e.message }]); return; }
  }
  state.tab = tab;
  document.getElementById('incident-form').hidden = tab !== 'form';
  document.getElementById('json-editor').hidden = tab !== 'json';
  document.getElementById('tab-form').setAttribute('aria-pressed', String(tab === 'form'));
  document.getElementById('tab-json').setAttribute('aria-pressed', String(tab === 'json'));
}

function syncJson() {
  if (state.tab === 'form') document.getElementById('incident-json').value = JSON.stringify(state.form.value(), null, 2);
}

function showProblems(errors, detail) {
  const box = document.getElementById('problems');
  box.hidden = false;
  // replaceChildren would write a null as the word "null": only what there is goes in.
  box.replaceChildren(...[el('h3', { text: t('problemsTitle') }), detail ? el('p', { text: detail }) : null,
    errors.length ? list(errors, e => el('span', {}, e.path ? el('code', { text: e.path }) : null, ' ', e.message || e.code || '')) : null]
    .filter(Boolean));
  box.focus();
}

async function decide() {
  const box = document.getElementById('problems');
  box.hidden = true;
  state.form.clearErrors();
  const body = state.tab === 'json' ? document.getElementById('incident-json').value : JSON.stringify(state.form.value());
  await post(body);
}

async function post(body) {
  status(t('loading'));
  // record=false: a trial is decided with memory's facts but never recorded.
  const r = await api('/v1/decisions?record=false', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
  status('');
  const answer = document.getElementById('answer');
  if (!r.ok) {
    answer.replaceChildren();
    const errors = (r.body && r.body.errors || []).map(e => typeof e === 'string' ? { path: '', message: e } : e);
    if (state.tab === 'form') state.form.showErrors(errors);
    showProblems(errors, `${r.status} ${r.body && r.body.code || ''}: ${r.body && r.body.detail || ''}`);
    state.answered = null;
    return;
  }
  state.answered = body;
  answer.replaceChildren(renderDecision(r.body));
}

function renderDecision(d) {
  const actions = d.actions.map(a => el('div', { class: 'action', 'data-code': a.code },
    el('h4', { text: a.code }),
    el('dl', {}, el('dt', { text: t('params') }), el('dd', {}, params(a.params)),
      el('dt', { text: t('reason') }), el('dd', { class: 'reason', text: a.reason }),
      el('dt', { text: t('rules') }), el('dd', {}, list(a.rules, ruleLink)),
      el('dt', { text: t('lessons') }), el('dd', {}, list(a.lessons, lessonText)))));
  const overridden = d.overridden.map(o => el('div', { class: 'action overridden', 'data-code': o.code },
    el('h4', { text: o.code }),
    el('dl', {}, el('dt', { text: t('params') }), el('dd', {}, params(o.params)),
      el('dt', { text: t('replacedBy') }), el('dd', {}, el('code', { text: o.replacedBy.code }), ' ', params(o.replacedBy.params)),
      el('dt', { text: t('reason') }), el('dd', { text: o.reason }),
      el('dt', { text: t('rules') }), el('dd', {}, list(o.rules, ruleLink)),
      el('dt', { text: t('lessons') }), el('dd', {}, list(o.lessons, lessonText)))));
  const a = d.assessment;
  const answerRow = (name, ans) => [el('dt', { text: name }), el('dd', {}, el('code', { text: ans.value }), ' ', list(ans.rules, ruleLink))];
  const assessment = el('dl', {}, answerRow('handling', a.handling), answerRow('harassment', a.harassment), answerRow('demandJustified', a.demandJustified),
    answerRow('meansAcceptable', a.meansAcceptable),
    el('dt', { text: 'types' }), el('dd', {}, list(a.types, ty => el('span', {}, el('code', { text: ty.type }), ' — ', ty.rules.join('; ')))));
  const memory = el('dl', {}, el('dt', { text: 'memory' }), el('dd', {}, el('code', { text: d.memory || 'NOT_USED' })),
    el('dt', { text: t('remembered') }), el('dd', {}, list(d.remembered, m => `${m.fact} = ${m.value}` + (m.department ? ` (${m.department}${m.at ? ', ' + m.at : ''})` : ''))));
  return el('section', { 'aria-label': t('decision') },
    el('h3', { text: t('decision') }),
    handlingHeadline(a.handling),
    el('dl', {}, el('dt', { text: 'decisionId' }), el('dd', {}, el('code', { text: d.decisionId })),
      el('dt', { text: t('version') }), el('dd', {}, el('code', { text: d.rulesetVersion }))),
    el('h4', { text: t('actions') }), actions.length ? actions : el('p', { text: t('none') }),
    el('h4', { text: t('overridden') }), overridden.length ? overridden : el('p', { text: t('none') }),
    el('h4', { text: t('assessment') }), assessment,
    el('h4', { text: t('memory') }), memory);
}

// The handling is what the front line acts on, so it heads the decision in plain words; the
// actions below follow from it.
function handlingHeadline(handling) {
  const value = handling.value;
  return el('p', { class: 'handling', 'data-handling': value },
    el('strong', { text: t('handling' + value) }), ' ', el('span', { text: t('handling' + value + 'What') }));
}

async function loadExamples() {
  const scenarios = await api('/v1/rules/scenarios');
  if (scenarios.ok) { state.scenarios = scenarios.body.scenarios; fillExamples(); }
}

function fillExamples() {
  const select = document.getElementById('example');
  const first = select.options[0];
  select.replaceChildren(first, ...state.scenarios.map((s, i) => el('option', { value: String(i), text: s.id })));
}

// ---- Rules ----------------------------------------------------------------------------------

async function loadCatalogue() {
  const r = await api('/v1/rules');
  if (!r.ok) { status(`${t('failedToLoad')}: /v1/rules ${r.status}`); return; }
  state.catalogue = r.body;
  renderRules();
}

function table(id, heads, rows) {
  const tableEl = document.getElementById(id);
  tableEl.replaceChildren(el('thead', {}, el('tr', {}, heads.map(h => el('th', { scope: 'col', text: h })))),
    el('tbody', {}, rows.map(cells => el('tr', cells.attrs || {}, cells.map((c, i) => el('td', { 'data-label': heads[i] }, c))))));
}

function renderRules() {
  const c = state.catalogue;
  if (!c) return;
  document.getElementById('rules-summary').replaceChildren(el('dl', {},
    el('dt', { text: t('version') }), el('dd', {}, el('code', { id: 'ruleset-version', text: c.rulesetVersion })),
    el('dt', { text: t('activatedAt') }), el('dd', { text: c.activatedAt }),
    el('dt', { text: t('ruleCount') }), el('dd', { text: String(c.ruleCount) }),
    el('dt', { text: t('covered') }), el('dd', { text: `${c.coveredRuleCount} / ${c.ruleCount}` })));
  const filter = document.getElementById('rule-filter').value.toLowerCase();
  const rows = c.rules.filter(r => !filter || JSON.stringify(r).toLowerCase().includes(filter)).map(r => {
    const row = [el('span', {}, el('a', { id: 'rule-' + encodeURIComponent(r.name), class: 'rule-name', text: r.name })),
      el('code', { class: 'nowrap', text: `${r.file}:${r.line}` }),
      list(r.lessons, id => el('a', { href: '#rules', title: lessonText(id), onclick: e => { e.preventDefault(); showLesson(id); }, class: 'nowrap', text: id })),
      list(r.actions), list(r.assesses),
      scenarioList(r.scenarios)];
    row.attrs = { class: 'rule-row', 'data-rule': r.name };
    return row;
  });
  table('rule-table', [t('name'), t('location'), t('lessons'), t('emits'), t('assesses'), t('covered')], rows);
  table('lesson-table', ['id', t('text'), t('source'), t('rules'), t('scenarios')],
    c.lessons.filter(l => !filter || JSON.stringify(l).toLowerCase().includes(filter))
      .map(l => {
        const row = [el('code', { id: 'lesson-' + l.id, class: 'nowrap', text: l.id }), l.text, l.source || '—', list(l.rules, ruleLink), scenarioList(l.scenarios)];
        row.attrs = { class: 'lesson-row', 'data-lesson': l.id };
        return row;
      }));
  const history = (c.reloads.history || []);
  const reloads = document.getElementById('reloads');
  reloads.replaceChildren(el('p', { text: `${t('reloadsSucceeded')}: ${c.reloads.succeeded} · ${t('reloadsFailed')}: ${c.reloads.failed}` }),
    history.length ? el('div', { class: 'scroll' }, el('table', { id: 'reload-table' },
      el('thead', {}, el('tr', {}, [t('at'), t('trigger'), t('outcome'), t('version'), t('problems')].map(h => el('th', { scope: 'col', text: h })))),
      el('tbody', {}, history.map(h => el('tr', { class: 'reload ' + h.outcome.toLowerCase() },
        el('td', { 'data-label': t('at'), text: h.at }), el('td', { 'data-label': t('trigger'), text: h.trigger }),
        el('td', { 'data-label': t('outcome') }, el('span', { class: h.outcome === 'SUCCESS' ? 'good' : 'bad', text: h.outcome })),
        el('td', { 'data-label': t('version') }, el('code', { text: h.version || '—' })),
        el('td', { 'data-label': t('problems') }, list(h.problems, p => el('code', { class: 'problem', text: p })))))))) :
      el('p', { text: t('noReloads') }));
}

// Which scenarios cover a rule or cite a lesson: the count at a glance, the names one click away.
function scenarioList(scenarios) {
  if (!scenarios.length) return el('span', { class: 'bad', text: t('no') });
  return el('details', { class: 'scenario-list' }, el('summary', { class: 'good', text: `${t('yes')} (${scenarios.length})` }), list(scenarios));
}

function showLesson(id) {
  const target = document.getElementById('lesson-' + id);
  if (target) target.scrollIntoView();
}

function showRule(name) {
  const target = document.getElementById('rule-' + encodeURIComponent(name));
  if (target) { target.scrollIntoView(); target.closest('tr').classList.add('invalid'); setTimeout(() => target.closest('tr').classList.remove('invalid'), 2000); }
}

// ---- Scenarios --------------------------------------------------------------------------------

async function runScenarios() {
  const out = document.getElementById('scenario-report');
  out.replaceChildren(el('p', { text: t('running') }));
  const r = await api('/v1/rules/scenarios/run', { method: 'POST' });
  if (!r.ok) { out.replaceChildren(el('p', { class: 'bad', text: `${r.status} ${r.body && r.body.detail || ''}` })); return; }
  const run = r.body;
  const results = run.results.slice().sort((a, b) => Number(a.passed) - Number(b.passed));
  out.replaceChildren(
    el('p', { id: 'scenario-summary', class: run.failed ? 'bad' : 'good', text: `${run.passed} ${t('passed')}, ${run.failed} ${t('failed')}` }),
    el('dl', {}, el('dt', { text: t('version') }), el('dd', {}, el('code', { text: run.rulesetVersion })),
      el('dt', { text: t('ruleCoverage') }), el('dd', { id: 'rule-coverage', text: `${run.coveredRuleCount} / ${run.ruleCount}` }),
      el('dt', { text: t('uncovered') }), el('dd', {}, list(run.uncoveredRules, ruleLink)),
      el('dt', { text: t('lessonsWithout') }), el('dd', {}, list(run.lessonsWithoutScenarios))),
    el('div', { class: 'scroll' }, el('table', {},
      el('thead', {}, el('tr', {}, [t('scenarios'), t('outcome'), t('differences'), t('fired')].map(h => el('th', { scope: 'col', text: h })))),
      el('tbody', {}, results.map(x => el('tr', { class: 'scenario-result' },
        el('td', { 'data-label': t('scenarios') }, x.id, ' ', el('code', { text: `${x.file}:${x.line}` })),
        el('td', { 'data-label': t('outcome') }, el('span', { class: x.passed ? 'good' : 'bad', text: x.passed ? t('passed') : t('failed') })),
        el('td', { 'data-label': t('differences') }, list(x.differences)),
        el('td', { 'data-label': t('fired') }, list(x.firedRules, ruleLink))))))));
}

// ---- Caller memory ------------------------------------------------------------------------------

function credentials() {
  const user = document.getElementById('user').value;
  const password = document.getElementById('password').value;
  if (!user || !password) return null;
  // Basic credentials as the API takes them; UTF-8 first, since btoa takes bytes.
  return 'Basic ' + btoa(String.fromCharCode(...new TextEncoder().encode(user + ':' + password)));
}

// Every case-memory request carries the page's sign-in; without one, the person is asked for it.
async function signedRequest(method, path, body) {
  const auth = credentials();
  if (!auth) { status(t('needCredentials')); document.getElementById('user').focus(); return null; }
  return api(path, { method, headers: Object.assign({ 'Authorization': auth },
    body ? { 'Content-Type': 'application/json' } : {}), body: body ? JSON.stringify(body) : undefined });
}

function callerPath(suffix) {
  return '/v1/callers/' + encodeURIComponent(document.getElementById('caller-id').value) + (suffix || '');
}

async function callerRequest(method, suffix, body) {
  return signedRequest(method, callerPath(suffix), body);
}

// What a refusal asks of the person at the keyboard, in their language, before the API's own words.
const REFUSAL_ADVICE = {
  SELF_APPROVAL: 'adviceSelfApproval', EXECUTIVE_APPROVAL_REQUIRED: 'adviceExecutiveOnly',
  APPROVAL_ALREADY_DECIDED: 'adviceAlreadyDecided', APPROVAL_ALREADY_PENDING: 'adviceAlreadyPending',
  APPROVAL_OUTDATED: 'adviceOutdated', UNKNOWN_APPROVAL: 'adviceUnknownApproval', UNKNOWN_CALLER: 'unknownCaller'
};

function refusal(r, area) {
  const code = (r.body && r.body.code) || '';
  let advice = '';
  if (r.status === 401) advice = t('wrongCredentials');
  else if (REFUSAL_ADVICE[code]) advice = t(REFUSAL_ADVICE[code]);
  else if (r.status === 403) advice = t(area === 'approvals' ? 'roleMissingApprovals' : 'roleMissing');
  const detail = r.body && r.body.detail;
  return (advice ? advice + ' ' : '') + `${r.status} ${code}`.trim() + (detail ? `: ${detail}` : '');
}

function showRefusal(boxId, r, area, form) {
  const box = document.getElementById(boxId);
  const errors = (r.body && r.body.errors) || [];
  const unplaced = form ? form.showErrors(errors) : errors;
  box.hidden = false;
  // Field errors stand next to their fields; the box lists only the ones no field took.
  box.replaceChildren(...[el('p', { class: 'refusal', text: refusal(r, area) }),
    unplaced.length ? list(unplaced, e => `${e.path}: ${e.message}`) : null].filter(Boolean));
  box.focus();
}

function hideRefusal(boxId) { document.getElementById(boxId).hidden = true; }

function source(s) { return s ? `${s.department} · ${when(s.at)}` : t('none'); }

// A time as people read it, in the page's language; the exact value stays in the element.
function when(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  return isNaN(d) ? iso : d.toLocaleString(LANG === 'ja' ? 'ja-JP' : 'en-GB', { dateStyle: 'medium', timeStyle: 'medium' });
}

function timeEl(iso) { return el('time', { datetime: iso, text: when(iso) }); }

function changeName(code) { return TEXTS[LANG]['change_' + code] || TEXTS.en['change_' + code] || code; }

// A correction's before and after, or any other detail the change log gives, as plain words.
function changeDetail(ch) {
  if (ch.before !== undefined || ch.after !== undefined) return `${ch.fact ? ch.fact + ': ' : ''}${ch.before ?? '—'} → ${ch.after ?? '—'}`;
  if (ch.detail && typeof ch.detail === 'object') return Object.entries(ch.detail).map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : v}`).join(', ');
  return '';
}

function historyTable(c, pending, id) {
  const heads = [t('at'), t('who'), t('what'), t('reason'), t('approvedBy')];
  const rows = c.changes.map(ch => {
    const row = [timeEl(ch.at), ch.actor, el('span', {}, changeName(ch.change), changeDetail(ch) ? el('br') : null, changeDetail(ch)),
      ch.reason || '—', ch.approvedBy || '—'];
    row.attrs = { class: 'change', 'data-change': ch.change };
    return row;
  });
  for (const a of pending) {
    const row = [timeEl(a.createdAt), a.requestedBy, `${changeName(a.what)} (${t('status_PENDING')})`, a.reason, t('waitingForExecutive')];
    row.attrs = { class: 'change pending', 'data-change': a.what };
    rows.push(row);
  }
  if (!rows.length) return el('p', { text: t('noChanges') });
  const tableEl = el('table', { id, class: 'history' });
  tableEl.append(el('thead', {}, el('tr', {}, heads.map(h => el('th', { scope: 'col', text: h })))),
    el('tbody', {}, rows.map(cells => el('tr', cells.attrs, cells.map((x, i) => el('td', { 'data-label': heads[i] }, x))))));
  return el('div', { class: 'scroll' }, tableEl);
}

function renderCaller(c, pending) {
  return el('section', { 'aria-label': t('navCallers') },
    el('dl', {}, el('dt', { text: 'callerKey' }), el('dd', {}, el('code', { id: 'caller-key', text: c.callerKey })),
      el('dt', { text: t('police') }), el('dd', { id: 'caller-police', text: c.policeInvolvement ? `${c.policeInvolvement.value} (${source(c.policeInvolvement.source)})` : t('none') }),
      el('dt', { text: t('blocked') }), el('dd', { id: 'caller-blocked', text: source(c.blocked) }),
      el('dt', { text: t('warned') }), el('dd', { text: source(c.warned) }),
      el('dt', { text: t('departments') }), el('dd', {}, list(Object.entries(c.departments), ([d, s]) => `${d} (${when(s.at)})`))),
    el('h3', { text: t('cases') }), list(c.cases, k => el('span', {}, el('code', { text: k.caseId }), ` — ${k.facts.contacts} ${t('contacts')}`,
      el('pre', {}, el('code', { text: JSON.stringify(k.facts, null, 2) })))),
    el('h3', { text: t('history') }), historyTable(c, pending || [], 'history-table'));
}

function pendingFor(callerKey) {
  return ((state.approvals && state.approvals.pending) || []).filter(a => a.subject === callerKey);
}

function showCaller(c) {
  state.caller = c;
  document.getElementById('caller').replaceChildren(renderCaller(c, pendingFor(c.callerKey)));
}

async function lookUp(event) {
  if (event) event.preventDefault();
  status('');
  const r = await callerRequest('GET', '');
  if (!r) return;
  const out = document.getElementById('caller');
  state.caller = null;
  document.getElementById('caller-actions').hidden = !r.ok && r.status !== 404;
  if (r.status === 404) { out.replaceChildren(el('p', { id: 'caller-unknown', text: t('unknownCaller') })); return; }
  if (!r.ok) { out.replaceChildren(el('p', { id: 'caller-refused', class: 'bad', text: refusal(r, 'callers') })); return; }
  // A case officer sees the requests still waiting for this caller beside the history.
  await fetchApprovals();
  showCaller(r.body);
}

// After an approval: the caller on screen as it is now, where this user may read it; otherwise as it was.
async function refreshCaller() {
  const r = await callerRequest('GET', '');
  if (r && r.ok) showCaller(r.body);
  else if (r && r.status === 404) { state.caller = null; document.getElementById('caller').replaceChildren(el('p', { id: 'caller-unknown', text: t('unknownCaller') })); }
}

async function sendChange(form, suffix) {
  hideRefusal('caller-problems');
  form.clearErrors();
  const r = await callerRequest('POST', suffix, form.value());
  if (!r) return;
  if (!r.ok) { showRefusal('caller-problems', r, 'callers', form); return; }
  status(t('saved'));
  showCaller(r.body);
}

async function requestLift() {
  hideRefusal('caller-problems');
  state.liftForm.clearErrors();
  const r = await callerRequest('POST', '/block/lift', state.liftForm.value());
  if (!r) return;
  if (!r.ok) { showRefusal('caller-problems', r, 'callers', state.liftForm); return; }
  status(t('liftAsked'));
  await lookUp();
  status(t('liftAsked'));
}

// The correction form is built against the corrections contract: a fact, its right value, a reason.
const CORRECTABLE = {
  'caller.policeInvolvement': () => ((state.doc && state.doc.components.schemas.PoliceInvolvement.enum) || []),
  'caller.warnedBefore': () => [false]
};

function renderCorrectionForm() {
  const fact = document.getElementById('correction-fact');
  const chosen = fact.value || 'caller.policeInvolvement';
  fact.replaceChildren(...Object.keys(CORRECTABLE).map(f => el('option', { value: f, text: `${t('fact_' + f)} (${f})`, selected: f === chosen })));
  fillCorrectionValues();
}

function fillCorrectionValues() {
  const values = CORRECTABLE[document.getElementById('correction-fact').value]();
  document.getElementById('correction-value').replaceChildren(...values.map(v => el('option', { value: String(v), text: String(v) })));
}

function correctionFields() {
  return { fact: 'correction-fact', value: 'correction-value', reason: 'correction-reason' };
}

function clearFieldErrors(ids) {
  Object.values(ids).forEach(id => { document.getElementById(id + '-error').textContent = ''; document.getElementById(id).classList.remove('invalid'); });
}

// Places the API's field errors next to the hand-built fields; returns the ones no field took.
function placeFieldErrors(ids, errors) {
  return errors.filter(e => {
    const id = ids[e.path];
    if (!id) return true;
    document.getElementById(id).classList.add('invalid');
    document.getElementById(id + '-error').textContent = `${e.path}: ${e.message}`;
    return false;
  });
}

function handBuiltForm(ids) {
  return { showErrors: errors => placeFieldErrors(ids, errors) };
}

async function sendCorrection() {
  hideRefusal('caller-problems');
  const ids = correctionFields();
  clearFieldErrors(ids);
  const fact = document.getElementById('correction-fact').value;
  const raw = document.getElementById('correction-value').value;
  const value = fact === 'caller.warnedBefore' ? raw === 'true' : raw;
  const reason = document.getElementById('correction-reason').value;
  const r = await callerRequest('POST', '/corrections', Object.assign({ fact, value }, reason ? { reason } : {}));
  if (!r) return;
  if (!r.ok) { showRefusal('caller-problems', r, 'callers', handBuiltForm(ids)); return; }
  status(t('corrected'));
  await fetchApprovals();
  showCaller(r.body);
}

async function eraseCaller() {
  hideRefusal('caller-problems');
  const ids = { reason: 'erase-reason' };
  clearFieldErrors(ids);
  const reason = document.getElementById('erase-reason').value;
  const r = await signedRequest('DELETE', callerPath('?reason=' + encodeURIComponent(reason)));
  if (!r) return;
  if (!r.ok) { showRefusal('caller-problems', r, 'callers', handBuiltForm(ids)); return; }
  if (r.status === 202) {
    await lookUp();
    status(t('eraseAsked'));
    return;
  }
  state.caller = null;
  document.getElementById('caller').replaceChildren(el('p', { id: 'caller-erased', text: t('erasedNow') }));
  status(t('erasedNow'));
}

// ---- Approvals ----------------------------------------------------------------------------------

async function fetchApprovals() {
  const auth = credentials();
  if (!auth) return null;
  const r = await api('/v1/approvals', { headers: { 'Authorization': auth } });
  state.approvals = r.ok ? r.body : null;
  return r;
}

async function loadApprovals() {
  hideRefusal('approval-problems');
  if (!credentials()) { status(t('needCredentials')); document.getElementById('user').focus(); return; }
  const r = await fetchApprovals();
  if (!r.ok) { document.getElementById('approvals').replaceChildren(); showRefusal('approval-problems', r, 'approvals'); return; }
  renderApprovals();
}

function approvalFacts(a) {
  return el('dl', {},
    el('dt', { text: 'callerKey' }), el('dd', {}, a.subject ? el('code', { text: a.subject }) : t('erasedSubject')),
    el('dt', { text: t('requestedBy') }), el('dd', { class: 'requested-by', text: a.requestedBy }),
    el('dt', { text: t('reason') }), el('dd', { text: a.reason }),
    el('dt', { text: t('askedAt') }), el('dd', {}, timeEl(a.createdAt)));
}

function pendingCard(a) {
  const reasonId = 'reject-reason-' + a.id;
  return el('article', { class: 'card approval pending', 'data-approval-id': a.id, 'data-subject': a.subject || '' },
    el('h4', { text: changeName(a.what) }), approvalFacts(a),
    el('div', { class: 'caller-summary' }),
    el('div', { class: 'row' },
      el('button', { type: 'button', class: 'show-caller', text: t('showCaller'), onclick: e => showApprovalCaller(a.id, e.target) }),
      el('button', { type: 'button', class: 'primary approve', text: t('approve'), onclick: () => decideApproval(a.id, 'approve') })),
    el('div', { class: 'row' },
      el('label', { for: reasonId, text: t('rejectReason') }), el('input', { id: reasonId, class: 'reject-reason', maxlength: 2000 }),
      el('button', { type: 'button', class: 'reject', text: t('reject'), onclick: () => decideApproval(a.id, 'reject') })));
}

function renderApprovals() {
  const a = state.approvals;
  const out = document.getElementById('approvals');
  if (!a) { out.replaceChildren(); return; }
  const heads = [t('what'), 'callerKey', t('requestedBy'), t('reason'), t('outcome'), t('decidedBy'), t('at'), t('decisionReason')];
  const recent = a.recent.map(x => {
    const row = [changeName(x.what), x.subject ? el('code', { text: x.subject }) : t('erasedSubject'), x.requestedBy, x.reason,
      el('span', { class: x.status === 'APPROVED' ? 'good' : 'bad', text: t('status_' + x.status) }), x.decidedBy, timeEl(x.decidedAt), x.decisionReason || '—'];
    row.attrs = { class: 'decided-approval', 'data-approval-id': x.id };
    return row;
  });
  const recentTable = el('table', { id: 'recent-approvals' });
  recentTable.append(el('thead', {}, el('tr', {}, heads.map(h => el('th', { scope: 'col', text: h })))),
    el('tbody', {}, recent.map(cells => el('tr', cells.attrs, cells.map((x, i) => el('td', { 'data-label': heads[i] }, x))))));
  out.replaceChildren(el('h4', { text: t('pendingApprovals') }),
    a.pending.length ? el('div', {}, a.pending.map(pendingCard)) : el('p', { id: 'no-pending', text: t('noPending') }),
    el('h4', { text: t('recentApprovals') }),
    recent.length ? el('div', { class: 'scroll' }, recentTable) : el('p', { text: t('noRecent') }));
}

// What the approver decides on: the caller's flags and history now, found by the approval, never by id.
async function showApprovalCaller(id, button) {
  const r = await signedRequest('GET', `/v1/approvals/${encodeURIComponent(id)}/caller`);
  if (!r) return;
  const out = button.closest('article').querySelector('.caller-summary');
  if (!r.ok) { out.replaceChildren(el('p', { class: 'bad', text: refusal(r, 'approvals') })); return; }
  const c = r.body;
  out.replaceChildren(el('dl', {},
    el('dt', { text: t('police') }), el('dd', { text: c.policeInvolvement ? `${c.policeInvolvement.value} (${source(c.policeInvolvement.source)})` : t('none') }),
    el('dt', { text: t('blocked') }), el('dd', { class: 'summary-blocked', text: source(c.blocked) }),
    el('dt', { text: t('warned') }), el('dd', { text: source(c.warned) })),
    historyTable(c, [], null));
}

async function decideApproval(id, act) {
  hideRefusal('approval-problems');
  document.getElementById('approval-result').textContent = '';
  const body = act === 'reject' ? { reason: document.getElementById('reject-reason-' + id).value } : undefined;
  if (body && !body.reason) delete body.reason;
  const r = await signedRequest('POST', `/v1/approvals/${encodeURIComponent(id)}/${act}`, body || (act === 'reject' ? {} : undefined));
  if (!r) return;
  if (!r.ok) { showRefusal('approval-problems', r, 'approvals'); return; }
  const done = t(act === 'approve' ? 'approvedDone' : 'rejectedDone');
  await fetchApprovals();
  renderApprovals();
  if (state.caller) await refreshCaller();
  status(done);
  document.getElementById('approval-result').textContent =
    `${done} ${changeName(r.body.what)} — ${t('requestedBy')}: ${r.body.requestedBy}, ${t('decidedBy')}: ${r.body.decidedBy}`;
}

// ---- Pages, language, start ---------------------------------------------------------------------

function route() {
  const hash = decodeURIComponent(location.hash.slice(1));
  const [page, ...rest] = hash.split('/');
  const current = ['try', 'rules', 'scenarios', 'callers'].includes(page) ? page : 'try';
  document.querySelectorAll('[data-page-section]').forEach(s => { s.hidden = s.dataset.pageSection !== current; });
  document.querySelectorAll('nav a').forEach(a => {
    if (a.dataset.page === current) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  });
  if (current === 'rules') {
    // A link to one rule must find it, whatever the filter left in the table before.
    if (rest.length) document.getElementById('rule-filter').value = '';
    loadCatalogue().then(() => rest.length && showRule(rest.join('/')));
  }
}

function setLanguage(lang) {
  LANG = lang;
  localStorage.setItem('guard.console.lang', lang);
  document.getElementById('lang').value = lang;
  applyTexts();
  if (state.form) { state.form.render(); state.flagForm.render(); state.liftForm.render(); renderCorrectionForm(); }
  renderRules();
  if (state.caller) showCaller(state.caller);
  renderApprovals();
  // The service writes the reasons in the language asked for: ask again for the answer on screen.
  if (state.answered) post(state.answered);
}

async function start() {
  document.getElementById('lang').value = LANG;
  applyTexts();
  const openapi = await api('/q/openapi?format=json');
  state.doc = openapi.body;
  state.form = new SchemaForm(state.doc, 'Incident', document.getElementById('incident-form'), 'incident', syncJson);
  state.form.render();
  state.flagForm = new SchemaForm(state.doc, 'CallerFlag', document.getElementById('flag-form'), 'flag');
  state.flagForm.render();
  state.liftForm = new SchemaForm(state.doc, 'BlockLift', document.getElementById('lift-form'), 'lift');
  state.liftForm.render();
  document.getElementById('lang').addEventListener('change', e => setLanguage(e.target.value));
  document.getElementById('tab-form').addEventListener('click', () => showTab('form'));
  document.getElementById('tab-json').addEventListener('click', () => { syncJson(); showTab('json'); });
  document.getElementById('decide').addEventListener('click', decide);
  document.getElementById('reset').addEventListener('click', () => { state.form.load({}); state.answered = null; document.getElementById('answer').replaceChildren(); });
  document.getElementById('example').addEventListener('change', e => {
    const s = state.scenarios[Number(e.target.value)];
    state.form.load(s ? s.incident : {});
    syncJson();
  });
  document.getElementById('rule-filter').addEventListener('input', renderRules);
  document.getElementById('run-scenarios').addEventListener('click', runScenarios);
  document.getElementById('lookup').addEventListener('submit', lookUp);
  document.getElementById('login').addEventListener('submit', e => e.preventDefault());
  document.getElementById('send-flag').addEventListener('click', () => sendChange(state.flagForm, '/flags'));
  document.getElementById('send-lift').addEventListener('click', requestLift);
  renderCorrectionForm();
  document.getElementById('correction-fact').addEventListener('change', fillCorrectionValues);
  document.getElementById('send-correction').addEventListener('click', sendCorrection);
  document.getElementById('send-erase').addEventListener('click', eraseCaller);
  document.getElementById('load-approvals').addEventListener('click', loadApprovals);
  document.getElementById('erase-form').addEventListener('submit', e => e.preventDefault());
  document.getElementById('correction-form').addEventListener('submit', e => e.preventDefault());
  window.addEventListener('hashchange', route);
  // Where the catalogue is protected, the examples come once the person has signed in.
  document.getElementById('password').addEventListener('change', () => { if (!state.scenarios.length) loadExamples(); });
  route();
  await loadCatalogue();
  await loadExamples();
  document.body.dataset.ready = 'true';
}

start();
