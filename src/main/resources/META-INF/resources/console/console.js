// The console: pages over the service's own API, with the same access control as every client.
const state = { doc: null, catalogue: null, scenarios: [], form: null, tab: 'form', answered: null, flagForm: null, liftForm: null };

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
  if (response.status === 401 && !path.startsWith('/v1/callers')) status(t('signInFirst'));
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
  box.replaceChildren(el('h3', { text: t('problemsTitle') }), detail ? el('p', { text: detail }) : null,
    list(errors, e => el('span', {}, e.path ? el('code', { text: e.path }) : null, ' ', e.message || e.code || '')));
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

async function callerRequest(method, suffix, body) {
  const auth = credentials();
  if (!auth) { status(t('needCredentials')); document.getElementById('user').focus(); return null; }
  const id = document.getElementById('caller-id').value;
  return api('/v1/callers/' + encodeURIComponent(id) + suffix, { method, headers: Object.assign({ 'Authorization': auth },
    body ? { 'Content-Type': 'application/json' } : {}), body: body ? JSON.stringify(body) : undefined });
}

// What a refusal of the caller endpoints asks of the person at the keyboard, before the API's own words.
function accessAdvice(status) {
  if (status === 401) return t('wrongCredentials') + ' ';
  if (status === 403) return t('roleMissing') + ' ';
  return '';
}

function source(s) { return s ? `${s.department} · ${s.at}` : t('none'); }

function renderCaller(c) {
  return el('section', { 'aria-label': t('navCallers') },
    el('dl', {}, el('dt', { text: 'callerKey' }), el('dd', {}, el('code', { text: c.callerKey })),
      el('dt', { text: t('police') }), el('dd', { text: c.policeInvolvement ? `${c.policeInvolvement.value} (${source(c.policeInvolvement.source)})` : t('none') }),
      el('dt', { text: t('blocked') }), el('dd', { id: 'caller-blocked', text: source(c.blocked) }),
      el('dt', { text: t('warned') }), el('dd', { text: source(c.warned) }),
      el('dt', { text: t('departments') }), el('dd', {}, list(Object.entries(c.departments), ([d, s]) => `${d} (${s.at})`))),
    el('h3', { text: t('cases') }), list(c.cases, k => el('span', {}, el('code', { text: k.caseId }), ` — ${k.contacts.length} contacts`,
      el('pre', {}, el('code', { text: JSON.stringify(k.facts, null, 2) })))),
    el('h3', { text: t('changes') }), list(c.changes, ch => `${ch.at} ${ch.actor} ${ch.change}${ch.reason ? ' — ' + ch.reason : ''}${ch.approvedBy ? ' (' + ch.approvedBy + ')' : ''}`));
}

async function lookUp(event) {
  if (event) event.preventDefault();
  const r = await callerRequest('GET', '');
  if (!r) return;
  const out = document.getElementById('caller');
  document.getElementById('caller-actions').hidden = !r.ok && r.status !== 404;
  if (r.status === 404) { out.replaceChildren(el('p', { text: t('unknownCaller') })); return; }
  if (!r.ok) { out.replaceChildren(el('p', { id: 'caller-refused', class: 'bad' }, accessAdvice(r.status), `${r.status} ${r.body && r.body.code || ''}: ${r.body && r.body.detail || ''}`)); return; }
  out.replaceChildren(renderCaller(r.body));
}

async function sendChange(form, suffix) {
  const box = document.getElementById('caller-problems');
  box.hidden = true;
  form.clearErrors();
  const r = await callerRequest('POST', suffix, form.value());
  if (!r) return;
  if (!r.ok) {
    const errors = (r.body && r.body.errors) || [];
    form.showErrors(errors);
    box.hidden = false;
    box.replaceChildren(el('p', {}, accessAdvice(r.status), `${r.status} ${r.body && r.body.code || ''}: ${r.body && r.body.detail || ''}`),
      list(errors, e => `${e.path}: ${e.message}`));
    box.focus();
    return;
  }
  status(t('saved'));
  document.getElementById('caller').replaceChildren(renderCaller(r.body));
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
  if (state.form) { state.form.render(); state.flagForm.render(); state.liftForm.render(); }
  renderRules();
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
  document.getElementById('send-lift').addEventListener('click', () => sendChange(state.liftForm, '/block/lift'));
  window.addEventListener('hashchange', route);
  // Where the catalogue is protected, the examples come once the person has signed in.
  document.getElementById('password').addEventListener('change', () => { if (!state.scenarios.length) loadExamples(); });
  route();
  await loadCatalogue();
  await loadExamples();
  document.body.dataset.ready = 'true';
}

start();
