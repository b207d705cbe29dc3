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
    callersIntro: '担当者（ロール case-officer または admin）向けです。',
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
    callersIntro: 'For case officers: role case-officer or admin.',
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
    reason: '理由。空欄は不可。',
    'approval.role': '承認者の役職。EXECUTIVE でなければ解除できません。',
    'approval.approvedBy': '承認者の氏名（社内での呼び方）。'
  }
};

function fieldHint(form, path) {
  return LANG === 'ja' ? (FIELD_HINTS_JA[form] || {})[path] : undefined;
}
