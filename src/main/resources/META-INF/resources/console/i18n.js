// The console's own words in Japanese and English. Field names and enum values are the contract's
// and stay as they are on the wire; reasons come from the service in the chosen language.
const TEXTS = {
  ja: {
    skip: '本文へ移動', title: 'Frontline Guard コンソール', nav: 'コンソール', language: '言語',
    navTry: '判定を試す', navRules: 'ルール', navScenarios: 'シナリオ', navCallers: '顧客の記録',
    tryIntro: 'ここで試した判定は顧客の記録（ケースメモリ）に残りません。',
    example: 'シナリオから始める', exampleNone: '—（空の事案）', editor: '入力方法', tabForm: 'フォーム', tabJson: 'JSON',
    jsonLabel: '事案（JSON）', decide: '判定する', reset: 'クリア', add: '追加', remove: '削除',
    unset: '（指定なし）', defaultIs: '既定値', demand: '要求', conductItem: '言動',
    addDemand: '要求を追加', addConduct: '言動を追加',
    problemsTitle: '事案に誤りがあります', jsonBroken: 'JSON として読めません',
    decision: '判定', actions: '対応', overridden: '置き換えられた対応', replacedBy: '置き換えた対応',
    handlingPOLICE: '警察案件として対応してください。', handlingPOLICEWhat: '対応を打ち切り、従業員の安全を守り、警察に通報します。',
    handlingHARASSMENT: 'カスタマーハラスメントとして組織で対応してください。', handlingHARASSMENTWhat: '正当でない要求はお断りし、警告し、従業員を守ります。圧力が強まっても譲歩しません。',
    handlingCOMPLAINT: '苦情として誠実に対応してください。', handlingCOMPLAINTWhat: '事実を調査して回答し、当社の不備についてはお詫びします。',
    assessment: '評価', memory: 'ケースメモリ', remembered: '記録から加わった事実', none: 'なし',
    rules: 'ルール', lessons: '教訓', reason: '理由', params: 'パラメータ',
    version: 'ルールセットの版', activatedAt: '適用開始', ruleCount: 'ルール数', covered: 'シナリオで確認済み',
    filter: '絞り込み', ruleList: '適用中のルール', lessonList: '教訓', reloadHistory: '再読み込みの履歴',
    name: '名前', location: 'ファイル:行', emits: '出す対応', assesses: '評価', scenarios: 'シナリオ', yes: 'はい', no: 'いいえ',
    text: '内容', source: '出典', at: '日時', trigger: 'きっかけ', outcome: '結果', problems: '問題',
    noReloads: '起動後の再読み込みはまだありません。',
    scenariosIntro: '適用中のルールのシナリオをすべて実行し直します（guard test と同じ）。',
    runScenarios: 'シナリオを実行', running: '実行中…', passed: '合格', failed: '不合格', reloadsSucceeded: '適用', reloadsFailed: '拒否',
    ruleCoverage: 'ルールの網羅', uncovered: 'どのシナリオも発火させないルール', lessonsWithout: 'シナリオのない教訓',
    differences: '相違', fired: '発火したルール',
    callersIntro: '担当者（ロール case-officer または admin）と役員（ロール executive）向けです。',
    correctFact: '事実を訂正', correctIntro: '誤った事実を理由とともに訂正します。履歴に訂正前と訂正後が残ります。',
    fact: '事実', correctValue: '正しい値', 'fact_caller.policeInvolvement': '警察の関与', 'fact_caller.warnedBefore': '警告済みか',
    liftIntro: '解除を申請します。申請者とは別の、ロール executive を持つ人が下の「承認」で承認すると解除されます。',
    requestLift: '承認を申請', eraseCaller: 'この顧客を消去', erase: '消去',
    eraseIntro: 'この人物について記録しているすべてを消去します。ブロック中または警察の関与がある顧客は、役員（executive）の承認を得てから消去されます。',
    approvals: '承認', approvalsIntro: 'ブロック解除と消去の申請は、ここで役員（executive）の承認を待ちます。承認するのは申請者とは別の人です。',
    loadApprovals: '承認待ちを表示', pendingApprovals: '承認待ち', recentApprovals: '最近の決定',
    noPending: '承認待ちの申請はありません。', noRecent: '最近の決定はありません。',
    showCaller: '顧客の記録を見る', approve: '承認して実行', reject: '却下', rejectReason: '却下の理由', requestedBy: '申請者', askedAt: '申請日時',
    decidedBy: '決定者', decisionReason: '却下の理由', erasedSubject: '（消去済み）',
    approvedDone: '承認し、実行しました。', rejectedDone: '却下しました。記録は変わりません。',
    liftAsked: 'ブロック解除を申請しました。ロール executive を持つ別の人の承認を待っています。',
    eraseAsked: '消去を申請しました。ロール executive を持つ別の人の承認を待っています。',
    erasedNow: 'この顧客の記録を消去しました。', corrected: '訂正しました。',
    adviceSelfApproval: 'ご自身の申請は承認も却下もできません。ロール executive を持つ別の人が判断します。申請を取り下げることはできます。',
    adviceExecutiveOnly: '承認・却下できるのはロール executive を持つ利用者だけです。',
    adviceAlreadyDecided: 'この申請はすでに承認、却下または取り下げされています。何も変更していません。',
    adviceAlreadyPending: '同じ申請がすでに承認を待っています。',
    adviceOutdated: 'この顧客はもうブロックされていないため、解除するものがありません。何も変更していません。申請は却下して閉じてください。',
    adviceUnknownApproval: 'この申請は見つかりません（顧客の消去とともに取り下げられた可能性があります）。',
    roleMissingApprovals: 'このユーザーには case-officer、executive、admin のいずれのロールもありません。',
    who: '誰が', what: '内容', approvedBy: '承認者', history: '履歴', noChanges: '変更の記録はまだありません。', contacts: '件の対応',
    waitingForExecutive: '役員の承認待ち',
    change_FLAG: 'フラグを記録', change_LIFT_BLOCK: 'ブロック解除', change_ERASE: '消去', change_PURGE: '保存期間による削除',
    change_CORRECT: '訂正', change_CORRECTION: '訂正',
    status_PENDING: '承認待ち', status_APPROVED: '承認済み', status_REJECTED: '却下', status_WITHDRAWN: '取り下げ',
    credentials: '認証情報', user: 'ユーザー', password: 'パスワード',
    credentialsNote: 'このページの中だけに保持し、顧客の記録への要求ごとに送ります。',
    callerId: '顧客ID（現場が知っている番号など）', lookUp: '照会', recordFlag: 'フラグを記録', liftBlock: 'ブロックを解除', send: '送信',
    needCredentials: 'ユーザーとパスワードを入力してください。', signInFirst: 'このサービスは認証を求めています。「顧客の記録」でユーザーとパスワードを入力してから、もう一度お試しください。', unknownCaller: 'この顧客の記録はありません。',
    wrongCredentials: 'ユーザー名またはパスワードが正しくありません。', roleMissing: 'このユーザーには case-officer または admin のロールがありません。',
    police: '警察の関与', blocked: 'ブロック', warned: '警告', departments: '対応した部署', cases: 'ケース', changes: '変更履歴',
    saved: '記録しました。', loading: '読み込み中…', failedToLoad: '読み込めませんでした'
  },
  en: {
    skip: 'Skip to content', title: 'Frontline Guard console', nav: 'Console', language: 'Language',
    navTry: 'Try a decision', navRules: 'Rules', navScenarios: 'Scenarios', navCallers: 'Caller memory',
    tryIntro: 'Nothing you try here is recorded in case memory.',
    example: 'Start from a scenario', exampleNone: '— (an empty incident)', editor: 'Editor', tabForm: 'Form', tabJson: 'JSON',
    jsonLabel: 'The incident as JSON', decide: 'Decide', reset: 'Clear', add: 'Add', remove: 'Remove',
    unset: '(not set)', defaultIs: 'default', demand: 'Demand', conductItem: 'Conduct',
    addDemand: 'Add a demand', addConduct: 'Add conduct',
    problemsTitle: 'The incident has errors', jsonBroken: 'This is not valid JSON',
    decision: 'Decision', actions: 'Actions', overridden: 'Overridden actions', replacedBy: 'Replaced by',
    handlingPOLICE: 'Handle this as a police matter.', handlingPOLICEWhat: 'Stop the contact, keep the staff safe and report it to the police.',
    handlingHARASSMENT: 'Handle this as harassment, as an organisation.', handlingHARASSMENTWhat: 'Refuse what is not justified, warn, and protect the staff; nothing is conceded because the pressure grows.',
    handlingCOMPLAINT: 'Handle this as a complaint, sincerely.', handlingCOMPLAINTWhat: 'Investigate the facts, answer, and apologise for what is the company\'s fault.',
    assessment: 'Assessment', memory: 'Case memory', remembered: 'Facts memory contributed', none: 'none',
    rules: 'Rules', lessons: 'Lessons', reason: 'Reason', params: 'Params',
    version: 'Rule set version', activatedAt: 'In force since', ruleCount: 'Rules', covered: 'Covered by a scenario',
    filter: 'Filter', ruleList: 'Rules in force', lessonList: 'Lessons', reloadHistory: 'Reload history',
    name: 'Name', location: 'File:line', emits: 'Can emit', assesses: 'Assesses', scenarios: 'Scenarios', yes: 'yes', no: 'no',
    text: 'Text', source: 'Source', at: 'At', trigger: 'Trigger', outcome: 'Outcome', problems: 'Problems',
    noReloads: 'No reload since start-up.',
    scenariosIntro: 'Runs every scenario of the rules in force again, as guard test does.',
    runScenarios: 'Run the scenarios', running: 'Running…', passed: 'passed', failed: 'failed', reloadsSucceeded: 'applied', reloadsFailed: 'refused',
    ruleCoverage: 'Rule coverage', uncovered: 'Rules no scenario fires', lessonsWithout: 'Lessons without scenarios',
    differences: 'Differences', fired: 'Rules fired',
    callersIntro: 'For case officers (role case-officer or admin) and executives (role executive).',
    correctFact: 'Correct a fact', correctIntro: 'A wrong fact is corrected with a reason; the history keeps the value before and after.',
    fact: 'Fact', correctValue: 'Correct value', 'fact_caller.policeInvolvement': 'Police involvement', 'fact_caller.warnedBefore': 'Warned before',
    liftIntro: 'Asks for the lift; it happens once another person with the role executive approves it under Approvals.',
    requestLift: 'Ask for approval', eraseCaller: 'Erase this caller', erase: 'Erase',
    eraseIntro: 'Removes everything memory holds on the person. A blocked caller, or one known to the police, is erased only once an executive approves.',
    approvals: 'Approvals', approvalsIntro: 'Lifts and erasures wait here for an executive (role executive), who must be another person than the one who asked.',
    loadApprovals: 'Show approvals', pendingApprovals: 'Waiting for approval', recentApprovals: 'Decided lately',
    noPending: 'Nothing waits for approval.', noRecent: 'Nothing decided lately.',
    showCaller: 'Show the caller', approve: 'Approve and carry out', reject: 'Reject', rejectReason: 'Reason for rejecting', requestedBy: 'Asked by', askedAt: 'Asked at',
    decidedBy: 'Decided by', decisionReason: 'Reason for rejecting', erasedSubject: '(erased)',
    approvedDone: 'Approved and carried out.', rejectedDone: 'Rejected; memory stays as it was.',
    liftAsked: 'The lift is asked for; it waits for another person with the role executive to approve it.',
    eraseAsked: 'The erasure is asked for; it waits for another person with the role executive to approve it.',
    erasedNow: 'Everything memory held on this caller is erased.', corrected: 'Corrected.',
    adviceSelfApproval: 'You cannot approve or reject your own request: another person with the role executive decides it. You may withdraw it.',
    adviceExecutiveOnly: 'Only a user with the role executive approves or rejects.',
    adviceAlreadyDecided: 'This request was already approved, rejected or withdrawn; nothing was changed.',
    adviceAlreadyPending: 'The same request already waits for approval.',
    adviceOutdated: 'This caller is no longer blocked, so there is nothing to lift; nothing was changed. Reject the request to close it.',
    adviceUnknownApproval: 'There is no such request (it may have been withdrawn when the caller was erased).',
    roleMissingApprovals: 'This user has none of the roles case-officer, executive or admin.',
    who: 'Who', what: 'What', approvedBy: 'Approved by', history: 'History', noChanges: 'No change recorded yet.', contacts: 'contacts',
    waitingForExecutive: 'waiting for an executive',
    change_FLAG: 'Flag recorded', change_LIFT_BLOCK: 'Block lifted', change_ERASE: 'Erased', change_PURGE: 'Retention purge',
    change_CORRECT: 'Corrected', change_CORRECTION: 'Corrected',
    status_PENDING: 'pending', status_APPROVED: 'approved', status_REJECTED: 'rejected', status_WITHDRAWN: 'withdrawn',
    credentials: 'Credentials', user: 'User', password: 'Password',
    credentialsNote: 'Kept in this page only, sent with each request to the caller endpoints.',
    callerId: 'Caller id (as the front line knows it)', lookUp: 'Look up', recordFlag: 'Record a flag', liftBlock: 'Lift the block', send: 'Send',
    needCredentials: 'Enter a user and a password.', signInFirst: 'This service asks for credentials: enter a user and a password under Caller memory, then try again.', unknownCaller: 'Case memory holds nothing on this caller.',
    wrongCredentials: 'The user or the password is wrong.', roleMissing: 'This user has neither role case-officer nor admin.',
    police: 'Police involvement', blocked: 'Blocked', warned: 'Warned', departments: 'Departments', cases: 'Cases', changes: 'Changes',
    saved: 'Recorded.', loading: 'Loading…', failedToLoad: 'Could not load'
  }
};

// Japanese first for a browser that prefers it; a choice made on the page is remembered.
function initialLanguage() {
  const chosen = localStorage.getItem('guard.console.lang');
  if (chosen === 'ja' || chosen === 'en') return chosen;
  for (const l of navigator.languages || [navigator.language || 'en']) {
    const base = String(l).toLowerCase().slice(0, 2);
    if (base === 'ja' || base === 'en') return base;
  }
  return 'en';
}

let LANG = initialLanguage();

function t(key) {
  return (TEXTS[LANG] && TEXTS[LANG][key]) || TEXTS.en[key] || key;
}

function applyTexts(root) {
  document.documentElement.lang = LANG;
  (root || document).querySelectorAll('[data-t]').forEach(el => { el.textContent = t(el.dataset.t); });
  (root || document).querySelectorAll('[data-t-aria]').forEach(el => el.setAttribute('aria-label', t(el.dataset.tAria)));
  document.title = t('title');
}

// Japanese help for the contract's fields, by form and field path (array indices left out). In
// English the form shows the contract's own descriptions; a field missing here falls back to them,
// and the browser test fails, so a new contract field gets its Japanese help too.
const FIELD_HINTS_JA = {
  incident: {
    incidentId: '呼び出し元システムの事案ID。そのまま返します。ケースメモリ使用時、同じIDの再送は再試行として一度だけ数え、同じ答えを返します。',
    caseId: '部署をまたいでこの対応が属するケースのID。ケースメモリはケースの経緯をこのIDで記録します。',
    occurredAt: 'この対応が起きた日時（時差付き）。ルールが参照する唯一の時刻です。',
    channel: 'この対応の経路。',
    department: 'この対応を受けた部署。空欄は不可。',
    contactMinutes: 'この対応のここまでの長さ（分）。caseHistory.longestContactMinutes にも数えます（上限：現実的な範囲）。',
    'caller.callerId': '相手を識別する不透明なID（電話番号、顧客番号など）。',
    'caller.kind': '個人か法人か。',
    'caller.keyAccount': '会社が重要顧客としている取引先か。',
    'caller.relationshipYears': '取引年数（上限：現実的な範囲）。',
    'caller.reachable': '確認済みの番号へ会社から折り返しできるか。',
    'caller.identified': '会社が相手の身元を把握しているか。',
    'caller.policeInvolvement': 'この人物の当社への言動について警察が行ったこと。',
    'caller.blocked': 'いずれかの部署がすでにブロックまたは要注意登録しているか。',
    'caller.flaggedByDepartment': '要注意登録またはブロックをした部署。',
    'caller.warnedBefore': '会社がすでに言動について警告したか。',
    conduct: 'この対応で見られた言動。同じ値は一度だけ数えます。',
    demands: '相手が求めていること。',
    'demands.immediate': '今すぐの訪問を求められたか。',
    'demands.reasonGiven': '訪問が必要な理由を相手が述べたか。',
    'demands.requestedFor': '訪問の希望日時。即時または未指定なら occurredAt。',
    'demands.place': '訪問先の種類。',
    'demands.distanceKm': '訪問先までの距離（上限：現実的な範囲）。',
    'demands.employeeId': '謝罪・対応・処分を求められている従業員。',
    'demands.amountJpy': '要求された金額（円、上限：現実的な範囲）。',
    'demands.intervalDays': '折り返し連絡を求める間隔（日、上限：現実的な範囲）。',
    'caseHistory.openedAt': 'このケースの最初の対応日時。既定は occurredAt で、それより後にはなりません。',
    'caseHistory.contactCount': 'このケースの対応回数（今回を含む、上限：現実的な範囲）。',
    'caseHistory.longestContactMinutes': 'これまでで最も長い一回の対応（分、上限：現実的な範囲）。',
    'caseHistory.companyFault': '当社の落ち度について調査で分かっていること。',
    'caseHistory.investigationComplete': '現場・現物・現象の調査を終えたか。',
    'caseHistory.managementAnswer': '要求に対するこれまでの経営層の回答。',
    'caseHistory.severity': '申し出の元になった問題の重さ。',
    'caseHistory.damageJpy': '当社の調査で本件に関わるとされた損害額または価格（円、任意）。金銭の要求はこれと比べて判断します。',
    'handler.employeeId': '現在対応している従業員。',
    'handler.role': '対応者の役職。',
    'handler.targetOfAnger': '対応者が怒りの矛先になっているか。'
  },
  flag: {
    flag: 'BLOCKED はブロック、WARNED は警告の記録、POLICE は警察の関与の記録。',
    policeInvolvement: 'POLICE のときは必須：警察が行ったこと。',
    source: '事実の出どころ（警察、法務、部署など）。部署として表示します。',
    reason: '理由。空欄は不可。'
  },
  lift: {
    reason: '解除を求める理由。空欄は不可。承認は申請者とは別の役員（executive）が行います。'
  }
};

function fieldHint(form, path) {
  return LANG === 'ja' ? (FIELD_HINTS_JA[form] || {})[path] : undefined;
}
