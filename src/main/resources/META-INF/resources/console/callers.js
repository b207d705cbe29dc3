// The caller page: what case memory holds on a caller, and the changes people ask for and approve.

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
  if (!auth) { status(t('needCredentials'), 'needCredentials'); document.getElementById('user').focus(); return null; }
  return api(path, { method, headers: Object.assign({ 'Authorization': auth },
    body ? { 'Content-Type': 'application/json' } : {}), body: body ? JSON.stringify(body) : undefined });
}

function callerPath(suffix) {
  return '/v1/callers/' + encodeURIComponent(document.getElementById('caller-id').value) + (suffix || '');
}

async function callerRequest(method, suffix, body) {
  return signedRequest(method, callerPath(suffix), body);
}

// What a refusal says to the person at the keyboard, in their language: the error code's meaning,
// with the role it takes for a plain 403 in each area, then the status and code for support. The
// service's own detail is English; in Japanese it stays in the element's title, out of the text.
const FORBIDDEN_ADVICE = { callers: 'roleMissing', approvals: 'roleMissingApprovals', withdraw: 'adviceWithdrawOwn' };

function refusal(r, area) {
  const code = (r.body && r.body.code) || '';
  let advice = errorText(code) || '';
  if (r.status === 401) advice = errorText('UNAUTHORIZED');
  else if (r.status === 403 && (code === 'FORBIDDEN' || !advice)) advice = t(FORBIDDEN_ADVICE[area] || 'roleMissing');
  const detail = r.body && r.body.detail;
  return `${advice} ${r.status} ${code}`.trim() + (detail && LANG !== 'ja' ? `: ${detail}` : '');
}

function refusalEl(tag, attrs, r, area) {
  return el(tag, Object.assign({ text: refusal(r, area), title: (r.body && r.body.detail) || undefined }, attrs));
}

function showRefusal(boxId, r, area, form, advice) {
  const box = document.getElementById(boxId);
  const errors = (r.body && r.body.errors) || [];
  const unplaced = form ? form.showErrors(errors) : errors;
  box.hidden = false;
  // Field errors stand next to their fields; the box lists only the ones no field took.
  box.replaceChildren(...[advice ? el('p', { class: 'refusal', text: `${advice} ${r.status} ${(r.body && r.body.code) || ''}`.trim() })
      : refusalEl('p', { class: 'refusal' }, r, area),
    unplaced.length ? list(unplaced, violationText) : null].filter(Boolean));
  box.focus();
}

function hideRefusal(boxId) { document.getElementById(boxId).hidden = true; }

// One source of a fact, readably: the department (or a flag's source), when, who asserted it, when received.
function source(s, zoneOf) { return s ? provenance(s, zoneOf) : t('none'); }

// The incident offset the caller page shows incident times at where memory kept none (a contact
// recorded before contacts kept their own offset comes back in UTC; a later one at its incident's
// offset, and is shown there): that of the caller's latest known contact, else of a case's first
// contact (openedAt keeps the incident's offset), else of a flag's incident.
function callerZone(c) {
  const times = (c.cases || []).flatMap(k => (k.contacts || []).map(x => x.occurredAt).concat([caseZone(k)]))
    .concat([c.policeInvolvement && c.policeInvolvement.source && c.policeInvolvement.source.at, c.warned && c.warned.at])
    .filter(x => offsetOf(x) !== null);
  return times.length ? times[times.length - 1] : undefined;
}

// A case's own offset: that of its first contact, as its openedAt fact keeps it.
function caseZone(k, fallback) {
  const opened = k.facts && k.facts.openedAt;
  const at = opened && (opened.value || (opened.source && opened.source.at));
  return offsetOf(at) !== null ? at : fallback;
}

function changeName(code) { return MESSAGES['change_' + code] ? t('change_' + code) : code; }

// What a request asked for, while it is pending or when it was not carried out.
function requestName(code) { return MESSAGES['request_' + code] ? t('request_' + code) : changeName(code); }

// A correction's before and after, in words.
function changeDetail(ch) {
  if (ch.before === undefined && ch.after === undefined) return '';
  return `${ch.fact ? fieldLabel(ch.fact) + ': ' : ''}${ch.before === undefined ? '—' : valueWord(ch.fact, ch.before)} → ${ch.after === undefined ? '—' : valueWord(ch.fact, ch.after)}`;
}

function historyTable(c, pending, id, zone) {
  const heads = [t('at'), t('who'), t('what'), t('reason'), t('approvedBy')];
  const rows = c.changes.map(ch => {
    const row = [stampEl(ch.at), ch.actor, el('span', {}, changeName(ch.change), changeDetail(ch) ? el('br') : null, changeDetail(ch)),
      ch.reason || '—', ch.approvedBy || '—'];
    row.attrs = { class: 'change', 'data-change': ch.change };
    return row;
  });
  for (const a of pending) {
    const row = [stampEl(a.createdAt), a.requestedBy, el('span', {}, `${requestName(a.what)} (${t('status_PENDING')})`, liftedBlocks(a)),
      a.reason, el('span', {}, t('waitingForExecutive'), ownRequest(a) ? withdrawControls(a) : null)];
    row.attrs = { class: 'change pending', 'data-change': a.what, 'data-approval-id': a.id };
    rows.push(row);
  }
  if (!rows.length) return el('p', { text: t('noChanges') });
  return dataTable(heads, rows, { id, class: 'history' });
}

function dataTable(heads, rows, attrs) {
  const tableEl = el('table', attrs);
  tableEl.append(el('thead', {}, el('tr', {}, heads.map(h => el('th', { scope: 'col', text: h })))),
    el('tbody', {}, rows.map(cells => el('tr', cells.attrs || {}, cells.map((x, i) => el('td', { 'data-label': heads[i] }, x))))));
  return el('div', { class: 'scroll' }, tableEl);
}

// The flags memory holds: each block by the source a lift names it by, police involvement, warning.
function flagList(c, zone, idPrefix) {
  const blocks = Object.entries(c.blocks || (c.blocked ? { [c.blocked.department]: c.blocked } : {}));
  return el('dl', { class: 'flags' },
    el('dt', { text: t('police') }), el('dd', { id: idPrefix && idPrefix + '-police', class: 'summary-police' },
      c.policeInvolvement ? `${enumWord('PoliceInvolvement', c.policeInvolvement.value)} — ${source(c.policeInvolvement.source, zone)}` : t('none')),
    el('dt', { text: t('blocked') }), el('dd', { id: idPrefix && idPrefix + '-blocked', class: 'summary-blocked' },
      blocks.length ? list(blocks, ([key, s]) => el('span', { class: 'block', 'data-source': key }, el('strong', { text: sourceName(key) }),
        ` — ${source(Object.assign({}, s, { department: key === s.department ? null : s.department }), zone).replace(/^ · /, '')}`)) : t('none')),
    el('dt', { text: t('warned') }), el('dd', {}, source(c.warned, zone)),
    c.blockLifted ? [el('dt', { text: t('blockLifted') }), el('dd', {}, source(c.blockLifted, zone))] : null);
}

// A case's remembered facts as label and value, each with where it came from.
function caseFacts(facts, zone) {
  const rows = Object.entries(facts || {}).filter(([, v]) => v !== null && v !== undefined && !(typeof v === 'object' && !Object.keys(v).length));
  return el('dl', { class: 'case-facts' }, rows.flatMap(([k, v]) => [el('dt', { text: fieldLabel(k, 'case') }), el('dd', { 'data-fact': k }, factValue(k, v, zone))]));
}

function factValue(key, v, zone) {
  if (typeof v !== 'object') return String(v);
  if ('value' in v && 'source' in v) {
    const value = key === 'openedAt' ? when(v.value, zone) : CASE_FACT_ENUMS[key] ? enumWord(CASE_FACT_ENUMS[key], v.value) : String(v.value);
    return `${value} — ${source(v.source, zone)}`;
  }
  if ('department' in v && 'at' in v) return `${t('yes')} — ${source(v, zone)}`;
  // Departments and staff are keyed by name: the name once, then where it came from.
  return list(Object.entries(v), ([name, s]) => `${name} — ${source(Object.assign({}, s, { department: s.department === name ? null : s.department }), zone)}`);
}

function contactTable(contacts, zone) {
  const heads = [t('occurredAt'), t('department'), t('incidentId'), t('assertedBy'), t('receivedAt')];
  return dataTable(heads, (contacts || []).map(x => [timeEl(x.occurredAt, zone), x.department, el('code', { text: x.incidentId }),
    x.assertedBy || '—', x.receivedAt ? stampEl(x.receivedAt) : '—']), { class: 'contacts' });
}

function renderCaller(c, pending) {
  const zone = callerZone(c);
  return el('section', { 'aria-label': t('navCallers') },
    el('dl', {}, el('dt', { text: t('callerKey') }), el('dd', {}, el('code', { id: 'caller-key', text: c.callerKey }))),
    el('h3', { text: t('flags') }), flagList(c, zone, 'caller'),
    el('h3', { text: t('departments') }),
    list(Object.entries(c.departments || {}), ([d, s]) => `${d} — ${t('firstContact')}: ${when(s.at, zone)}`),
    c.departmentCount > Object.keys(c.departments || {}).length ? el('p', { text: `${t('departmentCount')}: ${c.departmentCount}` }) : null,
    el('h3', { text: t('cases') }),
    c.cases.length ? c.cases.map(k => el('article', { class: 'card case', 'data-case': k.caseId },
      el('h4', {}, `${t('caseId')}: `, el('code', { text: k.caseId }), ` — ${k.facts.contacts} ${t(k.facts.contacts === 1 ? 'contactOne' : 'contacts')}`),
      caseFacts(k.facts, caseZone(k, zone)), contactTable(k.contacts, caseZone(k, zone)))) : el('p', { text: t('none') }),
    el('h3', { text: t('history') }), historyTable(c, pending || [], 'history-table', zone));
}

function pendingFor(callerKey) {
  return ((state.approvals && state.approvals.pending) || []).filter(a => a.subject === callerKey);
}

function showCaller(c) {
  state.caller = c;
  document.getElementById('caller').replaceChildren(renderCaller(c, pendingFor(c.callerKey)));
  renderLiftForm(c);
}

async function lookUp(event) {
  if (event) event.preventDefault();
  status('');
  const r = await callerRequest('GET', '');
  if (!r) return;
  const out = document.getElementById('caller');
  state.caller = null;
  document.getElementById('caller-actions').hidden = !r.ok && r.status !== 404;
  if (r.status === 404) { renderLiftForm(null); out.replaceChildren(el('p', { id: 'caller-unknown', text: t('unknownCaller') })); return; }
  if (!r.ok) { out.replaceChildren(refusalEl('p', { id: 'caller-refused', class: 'bad' }, r, 'callers')); return; }
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

// The lift names the block it lifts, by the source the caller's record lists it under, or all of them.
function renderLiftForm(c) {
  const form = document.getElementById('lift-form');
  const blocks = Object.keys((c && c.blocks) || {});
  const chosen = document.getElementById('lift-source') ? document.getElementById('lift-source').value : '';
  const reason = document.getElementById('lift-reason') ? document.getElementById('lift-reason').value : '';
  document.getElementById('send-lift').hidden = !blocks.length;
  if (!blocks.length) { form.replaceChildren(el('p', { id: 'lift-nothing', text: t('liftNothing') })); return; }
  form.replaceChildren(
    el('div', { class: 'field' }, el('label', { for: 'lift-source', text: fieldLabel('source', 'lift') }),
      el('select', { id: 'lift-source', 'aria-describedby': 'lift-source-hint lift-source-error' },
        el('option', { value: '', text: t('liftAll') }), blocks.map(b => el('option', { value: b, text: sourceName(b), selected: b === chosen }))),
      el('span', { class: 'hint', id: 'lift-source-hint', text: t('liftSourceHint') }),
      el('span', { class: 'field-error', id: 'lift-source-error', role: 'alert' })),
    el('div', { class: 'field' }, el('label', { for: 'lift-reason', text: fieldLabel('reason', 'lift') + ' *' }),
      el('input', { id: 'lift-reason', maxlength: 2000, value: reason, 'aria-describedby': 'lift-reason-hint lift-reason-error' }),
      el('span', { class: 'hint', id: 'lift-reason-hint', text: fieldHint('lift', 'reason') || t('liftReasonHint') }),
      el('span', { class: 'field-error', id: 'lift-reason-error', role: 'alert' })));
}

async function requestLift() {
  hideRefusal('caller-problems');
  const ids = { source: 'lift-source', reason: 'lift-reason' };
  clearFieldErrors(ids);
  const source = document.getElementById('lift-source').value;
  const reason = document.getElementById('lift-reason').value;
  const r = await callerRequest('POST', '/block/lift', Object.assign({}, reason ? { reason } : {}, source ? { source } : {}));
  if (!r) return;
  // The only refusal of a lift without a field at fault is a caller with no block left to lift.
  if (!r.ok) { showRefusal('caller-problems', r, 'callers', handBuiltForm(ids), r.status === 400 && !((r.body && r.body.errors) || []).length ? t('liftNothing') : null); return; }
  document.getElementById('lift-reason').value = '';
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
  fact.replaceChildren(...Object.keys(CORRECTABLE).map(f => el('option', { value: f, text: fieldLabel(f), selected: f === chosen })));
  fillCorrectionValues();
}

function fillCorrectionValues() {
  const values = CORRECTABLE[document.getElementById('correction-fact').value]();
  const fact = document.getElementById('correction-fact').value;
  document.getElementById('correction-value').replaceChildren(...values.map(v => el('option', { value: String(v), text: valueWord(fact, v) })));
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
    document.getElementById(id + '-error').textContent = violationText(e);
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
  if (!credentials()) { status(t('needCredentials'), 'needCredentials'); document.getElementById('user').focus(); return; }
  const r = await fetchApprovals();
  if (!r.ok) { document.getElementById('approvals').replaceChildren(); showRefusal('approval-problems', r, 'approvals'); return; }
  renderApprovals();
}

// The user signed in on the page: only they may withdraw what they asked for.
function ownRequest(a) { return a.status === 'PENDING' && a.requestedBy === document.getElementById('user').value; }

// A lift names the blocks it lifts; an older one, without names, lifts every block.
function liftedBlocks(a) {
  if (a.what !== 'LIFT_BLOCK') return null;
  return el('span', { class: 'lifted-blocks' }, ` — ${t('approvalBlocks')}: `, a.blocks && a.blocks.length ? a.blocks.join(', ') : t('liftAll'));
}

function approvalFacts(a) {
  return el('dl', {},
    el('dt', { text: t('callerKey') }), el('dd', {}, a.subject ? el('code', { text: a.subject }) : t('erasedSubject')),
    a.what === 'LIFT_BLOCK' ? [el('dt', { text: t('approvalBlocks') }),
      el('dd', { class: 'approval-blocks' }, a.blocks && a.blocks.length ? list(a.blocks) : t('liftAll'))] : null,
    el('dt', { text: t('requestedBy') }), el('dd', { class: 'requested-by', text: a.requestedBy }),
    el('dt', { text: t('reason') }), el('dd', { text: a.reason }),
    el('dt', { text: t('askedAt') }), el('dd', {}, stampEl(a.createdAt)));
}

// The requester's own way out: a reason, and the request is withdrawn; memory stays as it is.
function withdrawControls(a, where) {
  const reasonId = `withdraw-reason-${where || 'history'}-${a.id}`;
  return el('div', { class: 'row withdraw' },
    el('label', { for: reasonId, text: t('withdrawReason') }), el('input', { id: reasonId, class: 'withdraw-reason', maxlength: 2000 }),
    el('button', { type: 'button', class: 'withdraw', text: t('withdraw'), onclick: () => decideApproval(a.id, 'withdraw', reasonId) }));
}

function pendingCard(a) {
  const reasonId = 'reject-reason-' + a.id;
  return el('article', { class: 'card approval pending', 'data-approval-id': a.id, 'data-subject': a.subject || '' },
    el('h4', { text: requestName(a.what) }), approvalFacts(a),
    el('div', { class: 'caller-summary' }),
    el('div', { class: 'row' },
      el('button', { type: 'button', class: 'show-caller', text: t('showCaller'), onclick: e => showApprovalCaller(a.id, e.target) }),
      el('button', { type: 'button', class: 'primary approve', text: t('approve'), onclick: () => decideApproval(a.id, 'approve') })),
    el('div', { class: 'row' },
      el('label', { for: reasonId, text: t('rejectReason') }), el('input', { id: reasonId, class: 'reject-reason', maxlength: 2000 }),
      el('button', { type: 'button', class: 'reject', text: t('reject'), onclick: () => decideApproval(a.id, 'reject', reasonId) })),
    ownRequest(a) ? withdrawControls(a, 'card') : null);
}

function renderApprovals() {
  const a = state.approvals;
  const out = document.getElementById('approvals');
  if (!a) { out.replaceChildren(); return; }
  const heads = [t('what'), t('callerKey'), t('requestedBy'), t('reason'), t('outcome'), t('decidedBy'), t('at'), t('decisionReason')];
  const recent = a.recent.map(x => {
    const row = [el('span', {}, x.status === 'APPROVED' ? changeName(x.what) : requestName(x.what), liftedBlocks(x)), x.subject ? el('code', { text: x.subject }) : t('erasedSubject'), x.requestedBy, x.reason,
      el('span', { class: x.status === 'APPROVED' ? 'good' : 'bad', text: t('status_' + x.status) }), x.decidedBy, stampEl(x.decidedAt), x.decisionReason || '—'];
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
  if (!r.ok) { out.replaceChildren(refusalEl('p', { class: 'bad' }, r, 'approvals')); return; }
  const zone = callerZone(r.body);
  out.replaceChildren(flagList(r.body, zone, null), historyTable(r.body, [], null, zone));
}

// Approve, reject (with a reason) or withdraw (the requester, with a reason) one request.
const DONE = { approve: 'approvedDone', reject: 'rejectedDone', withdraw: 'withdrawnDone' };

async function decideApproval(id, act, reasonId) {
  hideRefusal('approval-problems');
  hideRefusal('caller-problems');
  document.getElementById('approval-result').textContent = '';
  const reason = reasonId ? document.getElementById(reasonId).value : '';
  const body = act === 'approve' ? undefined : (reason ? { reason } : {});
  const r = await signedRequest('POST', `/v1/approvals/${encodeURIComponent(id)}/${act}`, body);
  if (!r) return;
  // A refusal shows where the person acted: on the caller's history, or under Approvals.
  const onCaller = reasonId && document.getElementById(reasonId).closest('#caller');
  if (!r.ok) { showRefusal(onCaller ? 'caller-problems' : 'approval-problems', r, act === 'withdraw' ? 'withdraw' : 'approvals', reasonId ? reasonForm(reasonId) : null); return; }
  const done = t(DONE[act]);
  await fetchApprovals();
  renderApprovals();
  if (state.caller) await refreshCaller();
  status(done);
  document.getElementById('approval-result').textContent =
    `${done} ${act === 'approve' ? changeName(r.body.what) : requestName(r.body.what)} — ${t('requestedBy')}: ${r.body.requestedBy}, ${t('decidedBy')}: ${r.body.decidedBy}`;
}

// A missing reason marks the reason field beside the button; the box below says what is wrong.
function reasonForm(reasonId) {
  return { showErrors: errors => {
    if (errors.some(e => e.path === 'reason')) document.getElementById(reasonId).classList.add('invalid');
    return errors;
  } };
}
