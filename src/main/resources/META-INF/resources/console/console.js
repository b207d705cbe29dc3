// The console: pages over the service's own API, with the same access control as every client.
const state = { doc: null, catalogue: null, scenarios: [], run: null, form: null, tab: 'form', answered: null, flagForm: null,
  caller: null, approvals: null };

// The status line, and which message it holds (data-key), so that a message can be taken back
// once it is no longer true (the request for credentials, once a signed-in request succeeded).
function status(text, key) {
  const line = document.getElementById('status');
  line.textContent = text || '';
  line.dataset.key = text ? key || '' : '';
}

function clearStatus(...keys) { if (keys.includes(document.getElementById('status').dataset.key)) status(''); }

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
  if (response.status === 401 && !path.startsWith('/v1/callers') && !path.startsWith('/v1/approvals')
    && !path.startsWith('/v1/admin')) status(t('signInFirst'), 'signInFirst');
  // Signed in and answered: a request for credentials is stale, whichever page made it.
  else if (response.ok && auth) clearStatus('signInFirst', 'needCredentials');
  const text = await response.text();
  let body = null;
  try { body = text ? JSON.parse(text) : null; } catch (e) { body = { detail: text }; }
  // Signed in, yet refused the decisions or the catalogue: the person lacks the role, not a sign-in.
  const decisionsOrCatalogue = path.startsWith('/v1/rules') || /^\/v1\/decisions([?:]|$)/.test(path);
  if (response.status === 403 && auth && body && body.code === 'FORBIDDEN' && decisionsOrCatalogue && !opts.quiet) status(t('needDeciderRole'), 'needDeciderRole');
  return { status: response.status, ok: response.ok, body };
}

function list(items, render) {
  if (!items || !items.length) return el('span', { text: t('none') });
  return el('ul', {}, items.map(i => el('li', {}, render ? render(i) : String(i))));
}

// A rule by its name in the reader's language (@ja_name in Japanese, where the rule has one); the
// link and data-rule keep the rule's own name, which is how the API and the catalogue know it.
function ruleName(name) {
  const rule = LANG === 'ja' && state.catalogue && state.catalogue.rules.find(r => r.name === name);
  return (rule && rule.jaName) || name;
}

function ruleLink(name) { return el('a', { href: '#rules/' + encodeURIComponent(name), 'data-rule': name, text: ruleName(name) }); }

// A scenario by its name in the reader's language (ja_name in Japanese, where it has one). The
// catalogue and a run name scenarios by id (file › name); the examples give each id its jaName.
function scenarioName(id) {
  const s = LANG === 'ja' && state.scenarios.find(x => x.id === id);
  return s && s.jaName ? `${s.file} › ${s.jaName}` : id;
}

// A lesson's text in the reader's language: the catalogue's ja beside its en.
function lessonWords(lesson) { return (LANG === 'ja' && lesson.ja) || lesson.text; }

function lessonText(id) {
  const lesson = state.catalogue && state.catalogue.lessons.find(l => l.id === id);
  return lesson ? `${id}: ${lessonWords(lesson)}` : id;
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

// A problem answer in the reader's language: what its code means, then status and code. The
// service's detail is English: English readers get it too, Japanese readers as a tooltip.
function problemText(r) {
  const code = (r.body && r.body.code) || '';
  return `${errorText(code) || ''} ${r.status} ${code}`.trim() + (LANG !== 'ja' && r.body && r.body.detail ? `: ${r.body.detail}` : '');
}

// A problem of a rules folder: "file:line:col: message" as the service writes it, worded in the
// reader's language from its code and parameters (detail, RuleProblemDetail) where there is one. In
// Japanese the English message stays as the detail: on hover, and in full for a problem without a
// more specific code. Without a detail (a replica not yet updated), the line as it came.
function ruleProblemEl(text, detail) {
  if (LANG !== 'ja' || !detail || !MESSAGES['problem_' + detail.code]) return el('code', { class: 'problem', text });
  const words = Object.entries(detail.args || {}).reduce((s, [k, v]) => s.split('{' + k + '}').join(v), t('problem_' + detail.code));
  const where = `${detail.file}:${detail.line}:${detail.column}`;
  return el('code', { class: 'problem', 'data-code': detail.code, title: detail.message },
    `${where}: ${words}`, ['RULE_PROBLEM', 'DRL_SYNTAX'].includes(detail.code) ? el('span', { class: 'problem-detail', text: ` — ${detail.message}` }) : null);
}

function showProblems(errors, detail, status) {
  const box = document.getElementById('problems');
  box.hidden = false;
  // Only a 422 (or the page's own JSON check) is about the incident's content; a 403 or a 503 is not.
  const title = !status || status === 400 || status === 422 ? 'problemsTitle' : 'refusedTitle';
  // replaceChildren would write a null as the word "null": only what there is goes in.
  box.replaceChildren(...[el('h3', { text: t(title) }), detail ? el('p', { text: detail }) : null,
    errors.length ? list(errors, e => el('span', {}, violationText(e), e.path ? [' ', el('code', { text: e.path })] : null)) : null]
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
    showProblems(errors, problemText(r), r.status);
    state.answered = null;
    return;
  }
  state.answered = body;
  // The answer names rules and lessons by the catalogue's words: one who may decide may read it.
  await ensureCatalogue();
  answer.replaceChildren(renderDecision(r.body, incidentTime(body)));
}

// A decision reads as a checklist for the front line: the handling first, then each action as a
// step, with who does it, what it means and why; the codes stay visible for people who know them.
function renderDecision(d, zoneOf) {
  const steps = d.actions.map(a => el('li', { class: 'action', 'data-code': a.code },
    el('label', { class: 'step' }, el('input', { type: 'checkbox' }),
      el('span', { class: 'who', text: whoDoes(a) }), ' ', el('strong', { class: 'action-name', text: actionName(a.code) }),
      ' ', el('code', { text: a.code })),
    el('p', { class: 'action-help', text: actionHelp(a.code) }),
    paramList(a.code, a.params),
    el('dl', {}, el('dt', { text: t('reason') }), el('dd', { class: 'reason', text: a.reason }),
      el('dt', { text: t('rules') }), el('dd', {}, list(a.rules, ruleLink)),
      el('dt', { text: t('lessons') }), el('dd', {}, list(a.lessons, lessonText)))));
  const overridden = d.overridden.map(o => el('div', { class: 'action overridden', 'data-code': o.code },
    el('h4', {}, actionName(o.code), ' ', el('code', { text: o.code })),
    paramList(o.code, o.params),
    el('dl', {}, el('dt', { text: t('replacedBy') }), el('dd', { class: 'replaced-by' }, actionName(o.replacedBy.code), ' ', el('code', { text: o.replacedBy.code }),
        ' ', paramList(o.replacedBy.code, o.replacedBy.params)),
      el('dt', { text: t('reason') }), el('dd', { text: o.reason }),
      el('dt', { text: t('rules') }), el('dd', {}, list(o.rules, ruleLink)),
      el('dt', { text: t('lessons') }), el('dd', {}, list(o.lessons, lessonText)))));
  const a = d.assessment;
  const answerRow = (key, enumName, ans) => [el('dt', { text: t(key) }),
    el('dd', { 'data-value': ans.value }, el('strong', { text: enumWord(enumName, ans.value) }), ans.rules.length ? [' ', list(ans.rules, ruleLink)] : null)];
  const assessment = el('dl', {}, answerRow('handlingLabel', 'Handling', a.handling), answerRow('harassment', 'Harassment', a.harassment),
    answerRow('demandJustified', 'Justification', a.demandJustified), answerRow('meansAcceptable', 'Acceptability', a.meansAcceptable),
    el('dt', { text: t('types') }), el('dd', {}, list(a.types, ty => el('span', {}, el('strong', { text: enumWord('BehaviourType', ty.type) }),
      ' ', el('code', { text: ty.type }), ' — ', list(ty.rules, ruleLink)))));
  const memory = el('dl', {}, el('dt', { text: t('memoryUse') }), el('dd', { 'data-value': d.memory || 'NOT_USED' }, enumWord('MemoryUse', d.memory || 'NOT_USED')),
    el('dt', { text: t('remembered') }), el('dd', {}, list(d.remembered, m => el('span', { class: 'remembered' },
      `${fieldLabel(m.fact)} = ${valueWord(m.fact, m.value, zoneOf)}`, m.department ? ` — ${provenance(m, zoneOf)}` : ''))));
  return el('section', { 'aria-label': t('decision') },
    el('h3', { text: t('decision') }),
    handlingHeadline(a.handling),
    el('h4', { text: t('checklist') }), steps.length ? el('ol', { class: 'checklist' }, steps) : el('p', { text: t('none') }),
    el('h4', { text: t('overridden') }), overridden.length ? overridden : el('p', { text: t('none') }),
    el('h4', { text: t('assessment') }), assessment,
    el('h4', { text: t('memory') }), memory,
    el('dl', {}, el('dt', { text: t('decisionId') }), el('dd', {}, el('code', { text: d.decisionId })),
      el('dt', { text: t('version') }), el('dd', {}, el('code', { text: d.rulesetVersion }))));
}

// Who carries a step out: the role the action names, otherwise the person handling the contact.
const ROLE_PARAM = { ESCALATE: 'to', REASSIGN_HANDLER: 'minRole', SENIOR_APOLOGY: 'role', ISSUE_FINAL_ANSWER: 'byRole' };

function whoDoes(action) {
  const role = ROLE_PARAM[action.code] && action.params && action.params[ROLE_PARAM[action.code]];
  const who = role ? enumWord('Role', role) : t('theHandler');
  return who.charAt(0).toUpperCase() + who.slice(1);
}

// The enum each param's values come from, so a value reads as a word.
const PARAM_ENUM = { to: 'Role', minRole: 'Role', role: 'Role', byRole: 'Role', demand: 'DemandType', allowed: 'Channel' };

function paramValue(k, v) {
  return (Array.isArray(v) ? v : [v]).map(x => PARAM_ENUM[k] ? enumWord(PARAM_ENUM[k], x) : String(x)).join(LANG === 'ja' ? '、' : ', ');
}

function paramList(code, p) {
  const entries = Object.entries(p || {});
  if (!entries.length) return null;
  return el('dl', { class: 'params' }, entries.flatMap(([k, v]) => [el('dt', { text: paramName(code, k) }),
    el('dd', { 'data-param': k }, paramValue(k, v))]));
}

// An action's params on one line, for tables: 引き継ぎ先: 管理職 / To: manager; empty without params.
function paramText(code, p) {
  return Object.entries(p || {}).map(([k, v]) => `${paramName(code, k)}: ${paramValue(k, v)}`).join(LANG === 'ja' ? '、' : '; ');
}

// An action by its name in the reader's language with its params in words; the code stays as a tooltip.
function actionWords(code, params) {
  const p = paramText(code, params);
  return el('span', { class: 'action-words', 'data-code': code, title: code },
    el('strong', { text: actionName(code) }), p ? (LANG === 'ja' ? `（${p}）` : ` (${p})`) : null);
}

// A remembered fact's value in words: enum values by the field they belong to.
const FACT_ENUM = { 'caller.policeInvolvement': 'PoliceInvolvement', 'caseHistory.companyFault': 'CompanyFault',
  'caseHistory.managementAnswer': 'ManagementAnswer', 'caseHistory.severity': 'Severity', 'handler.role': 'Role', 'caller.kind': 'CallerKind' };

// Remembered facts that are times: shown like every other time, never as the raw value.
const TIME_FACTS = new Set(['caseHistory.openedAt', 'demands.requestedFor']);

function valueWord(fact, value, zoneOf) {
  if (typeof value === 'boolean') return enumWord('Boolean', value);
  if (TIME_FACTS.has(String(fact).replace(/\[\d+\]/g, ''))) return when(value, zoneOf);
  const e = FACT_ENUM[String(fact).replace(/\[\d+\]/g, '')];
  return e ? enumWord(e, value) : String(value);
}

// Where a remembered fact came from: the department, when it happened, who asserted it, when it arrived.
// A source memory names itself (casework) reads in the page's language; departments are the caller's own words.
function sourceName(name) { return name && MESSAGES['source_' + name] ? t('source_' + name) : name; }

function provenance(s, zoneOf) {
  const zone = offsetOf(s.at) !== null ? s.at : zoneOf;
  return [sourceName(s.department), when(s.at, zone), s.assertedBy ? `${t('assertedBy')}: ${s.assertedBy}` : null,
    s.receivedAt ? `${t('receivedAt')}: ${stamp(s.receivedAt)}` : null,
    s.claimedDepartment ? `${t('claimedDepartment')}: ${s.claimedDepartment}` : null].filter(Boolean).join(' · ');
}

// The handling is what the front line acts on, so it heads the decision in plain words; the
// actions below follow from it.
function handlingHeadline(handling) {
  const value = handling.value;
  return el('p', { class: 'handling', 'data-handling': value },
    el('strong', { text: t('handling' + value) }), ' ', el('span', { text: t('handling' + value + 'What') }));
}

async function loadExamples() {
  const scenarios = await api('/v1/rules/scenarios', { quiet: true });
  // The catalogue names its scenarios by id: shown again, they read in the page's language.
  if (scenarios.ok) { state.scenarios = scenarios.body.scenarios; fillExamples(); renderRules(); renderRun(); }
}

function fillExamples() {
  const select = document.getElementById('example');
  const first = select.options[0];
  const chosen = select.value;
  select.replaceChildren(first, ...state.scenarios.map((s, i) => el('option', { value: String(i), text: scenarioName(s.id) })));
  select.value = chosen;
}

// ---- Rules ----------------------------------------------------------------------------------

async function loadCatalogue(quiet) {
  const r = await api('/v1/rules', { quiet });
  // A 403 has said the role is missing (api); other failures say what failed.
  if (!r.ok) { if (!quiet && r.status !== 403) status(`${t('failedToLoad')}: /v1/rules ${r.status}`); return; }
  state.catalogue = r.body;
  renderRules();
}

// The Try and Scenarios pages name rules and lessons from the catalogue. Where it is protected,
// the first attempt (before signing in) was refused: ask again once there is something to show,
// quietly, since a person who may not read it sees the codes, not an error.
async function ensureCatalogue() {
  if (!state.catalogue) await loadCatalogue(true);
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
    el('dt', { text: t('activatedAt') }), el('dd', {}, stampEl(c.activatedAt)),
    el('dt', { text: t('ruleCount') }), el('dd', { text: String(c.ruleCount) }),
    el('dt', { text: t('covered') }), el('dd', { text: `${c.coveredRuleCount} / ${c.ruleCount}` })));
  const filter = document.getElementById('rule-filter').value.toLowerCase();
  const rows = c.rules.filter(r => !filter || JSON.stringify(r).toLowerCase().includes(filter)).map(r => {
    const row = [el('span', {}, el('a', { id: 'rule-' + encodeURIComponent(r.name), class: 'rule-name', text: ruleName(r.name) }),
        ruleName(r.name) !== r.name ? el('span', { class: 'rule-own-name' }, el('br'), r.name) : null),
      el('code', { class: 'nowrap', text: `${r.file}:${r.line}` }),
      list(r.lessons, id => el('a', { href: '#rules', title: lessonText(id), onclick: e => { e.preventDefault(); showLesson(id); }, class: 'nowrap', text: id })),
      list(r.actions, code => el('span', {}, actionName(code), ' ', el('code', { text: code }))), list(r.assesses, answerWords),
      scenarioList(r.scenarios)];
    row.attrs = { class: 'rule-row', 'data-rule': r.name };
    return row;
  });
  table('rule-table', [t('name'), t('location'), t('lessons'), t('emits'), t('assesses'), t('covered')], rows);
  table('lesson-table', ['id', t('text'), t('source'), t('rules'), t('scenarios')],
    c.lessons.filter(l => !filter || JSON.stringify(l).toLowerCase().includes(filter))
      .map(l => {
        const row = [el('code', { id: 'lesson-' + l.id, class: 'nowrap', text: l.id }), lessonWords(l), l.source || '—', list(l.rules, ruleLink), scenarioList(l.scenarios)];
        row.attrs = { class: 'lesson-row', 'data-lesson': l.id };
        return row;
      }));
  const history = (c.reloads.history || []);
  const reloads = document.getElementById('reloads');
  reloads.replaceChildren(el('p', { text: `${t('reloadsSucceeded')}: ${c.reloads.succeeded} · ${t('reloadsFailed')}: ${c.reloads.failed}` }),
    history.length ? el('div', { class: 'scroll' }, el('table', { id: 'reload-table' },
      el('thead', {}, el('tr', {}, [t('at'), t('trigger'), t('outcome'), t('version'), t('problems')].map(h => el('th', { scope: 'col', text: h })))),
      el('tbody', {}, history.map(h => el('tr', { class: 'reload ' + h.outcome.toLowerCase() },
        el('td', { 'data-label': t('at') }, stampEl(h.at)), el('td', { 'data-label': t('trigger'), text: enumWord('ReloadTrigger', h.trigger) }),
        el('td', { 'data-label': t('outcome') }, el('span', { class: h.outcome === 'SUCCESS' ? 'good' : 'bad', text: enumWord('ReloadOutcome', h.outcome) })),
        el('td', { 'data-label': t('version') }, el('code', { text: h.version || '—' })),
        el('td', { 'data-label': t('problems') }, list(h.problems.map((p, i) => [p, (h.details || [])[i]]), ([p, d]) => ruleProblemEl(p, d)))))))) :
      el('p', { text: t('noReloads') }));
}

// An assessment answer a rule can give (field=VALUE) in words: 対応の方針: 警察案件.
const ANSWER_ENUM = { handling: 'Handling', harassment: 'Harassment', demandJustified: 'Justification', meansAcceptable: 'Acceptability', types: 'BehaviourType' };

function answerWords(answer) {
  const [field, value] = String(answer).split('=');
  if (!ANSWER_ENUM[field]) return answer;
  return el('span', { title: answer }, `${t(field === 'handling' ? 'handlingLabel' : field)}: ${enumWord(ANSWER_ENUM[field], value)}`);
}

// Which scenarios cover a rule or cite a lesson: the count at a glance, the names one click away.
function scenarioList(scenarios) {
  if (!scenarios.length) return el('span', { class: 'bad', text: t('no') });
  return el('details', { class: 'scenario-list' }, el('summary', { class: 'good', text: `${t('yes')} (${scenarios.length})` }), list(scenarios, scenarioName));
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
  if (!r.ok) { out.replaceChildren(el('p', { class: 'bad', text: problemText(r), title: (r.body && r.body.detail) || undefined })); return; }
  state.run = r.body;
  await ensureCatalogue();
  renderRun();
}

// The last run's report, drawn again when the language changes.
function renderRun() {
  const run = state.run;
  if (!run) return;
  const out = document.getElementById('scenario-report');
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
        el('td', { 'data-label': t('scenarios') }, scenarioName(x.id), ' ', el('code', { text: `${x.file}:${x.line}` })),
        el('td', { 'data-label': t('outcome') }, el('span', { class: x.passed ? 'good' : 'bad', text: x.passed ? t('passed') : t('failed') })),
        el('td', { 'data-label': t('differences') }, list(x.differences)),
        el('td', { 'data-label': t('fired') }, list(x.firedRules, ruleLink))))))));
}

// ---- Times ------------------------------------------------------------------------------------

// A time as the incident's own clock showed it, to the minute. A time written with an offset is
// shown at that offset; one the service wrote in UTC (its clock, receivedAt) is shown at the offset
// of the incident it belongs to (zoneOf), or else the browser's. Seconds and beyond are dropped: the
// exact value stays in the <time> element.
function when(iso, zoneOf) {
  if (!iso) return '—';
  const instant = new Date(iso);
  if (isNaN(instant)) return String(iso);
  let offset = offsetOf(iso);
  if (offset === null) offset = offsetOf(zoneOf);
  if (offset === null) offset = -instant.getTimezoneOffset();
  const local = new Date(instant.getTime() + offset * 60000);
  const two = n => String(n).padStart(2, '0');
  const y = local.getUTCFullYear(), m = local.getUTCMonth() + 1, d = local.getUTCDate();
  const hm = `${two(local.getUTCHours())}:${two(local.getUTCMinutes())}`;
  return LANG === 'ja' ? `${y}年${m}月${d}日 ${hm}` : `${y}-${two(m)}-${two(d)} ${hm}`;
}

// The offset in minutes a time was written with; null for none, and for UTC, which is the
// service's own clock rather than the incident's.
function offsetOf(iso) {
  const m = /([+-])(\d\d):?(\d\d)$/.exec(String(iso || ''));
  if (!m) return null;
  const minutes = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
  return minutes === 0 ? null : minutes;
}

// The incident's own time in a request body, whose offset the decision's times are shown at.
function incidentTime(body) {
  try { return JSON.parse(body).occurredAt; } catch (e) { return undefined; }
}

function timeEl(iso, zoneOf) { return el('time', { datetime: iso, text: when(iso, zoneOf) }); }

// A time of the service's own clock (a change made, a request asked or decided, a period's start):
// no incident's, so it is shown at the browser's offset and says so, never mixed unlabeled with the
// incident times beside it.
function stamp(iso) {
  if (!iso || isNaN(new Date(iso))) return when(iso);
  const offset = -new Date(iso).getTimezoneOffset();
  const two = n => String(n).padStart(2, '0');
  const zone = `UTC${offset < 0 ? '-' : '+'}${two(Math.floor(Math.abs(offset) / 60))}:${two(Math.abs(offset) % 60)}`;
  return `${when(new Date(iso).toISOString(), zone.slice(3))} (${zone})`;
}

function stampEl(iso) { return el('time', { datetime: iso, text: stamp(iso) }); }

// ---- Pages, language, start ---------------------------------------------------------------------

function route() {
  const hash = decodeURIComponent(location.hash.slice(1));
  const [page, ...rest] = hash.split('/');
  // The impact page exists only for those the service lets run it (impact.js).
  const current = ['try', 'rules', 'scenarios', 'callers'].concat(impact.allowed ? ['impact'] : []).includes(page) ? page : 'try';
  document.querySelectorAll('[data-page-section]').forEach(s => { s.hidden = s.dataset.pageSection !== current; });
  document.querySelectorAll('nav a').forEach(a => {
    if (a.dataset.page === current) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  });
  // Signed in on another page, a person who opens these learns whether they may use them.
  if (['try', 'scenarios'].includes(current) && credentials() && !state.catalogue) loadCatalogue();
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
  if (state.form) { state.form.render(); state.flagForm.render(); renderCorrectionForm(); }
  renderLiftForm(state.caller);
  renderRules();
  fillExamples();
  renderRun();
  if (state.caller) showCaller(state.caller);
  renderApprovals();
  renderImpactSettings();
  renderImpact();
  renderImpactProblems();
  showChosenFiles();
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
  renderLiftForm(null);
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
  startImpact();
  window.addEventListener('hashchange', route);
  // Where the catalogue is protected, the examples come once the person has signed in.
  document.getElementById('password').addEventListener('change', () => {
    if (!state.scenarios.length) loadExamples();
    ensureCatalogue();
  });
  route();
  await loadCatalogue();
  await loadExamples();
  document.body.dataset.ready = 'true';
}

start();
