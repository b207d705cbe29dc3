// The contract's vocabulary in people's words: action codes with what the front line does, their
// params, enum values, field labels and error codes. Codes stay as they are on the wire; these are
// only what a person reads. Each entry carries both languages side by side, so a missing one shows
// in review, and VocabularyBrowserTest fails for any code of the contract without its words.

// Action code → name and one line of what to do, in each language; params by name.
const ACTIONS = {
  ESCALATE: { ja: ['上位者に引き継ぐ', 'この件を指定の役職者に上げ、以後の判断と対応を任せます。'],
    en: ['Escalate', 'Hand the case up to the role named; they decide and lead from here.'],
    params: { to: { ja: '引き継ぎ先', en: 'To' } } },
  REASSIGN_HANDLER: { ja: ['対応者を交代する', '今の対応者を外し、指定以上の役職者が対応を引き継ぎます。'],
    en: ['Change the handler', 'Take the current handler off the contact; someone of at least the role given takes over.'],
    params: { minRole: { ja: '交代後の役職（以上）', en: 'At least the role' }, exclude: { ja: '外す従業員', en: 'Not these employees' } } },
  PROTECT_TARGET_EMPLOYEE: { ja: ['標的の従業員を守る', '怒りの矛先になっている従業員を相手から離し、守ります。'],
    en: ['Protect the targeted employee', 'Keep the employee the anger targets away from the caller and protect them.'],
    params: { employeeId: { ja: '従業員', en: 'Employee' } } },
  DENY_STAFF_SELECTION: { ja: ['担当者の指名を断る', '担当者を相手が選ぶことはできないと伝えます。'],
    en: ['Refuse the choice of staff', 'Tell the caller they do not choose who serves them.'] },
  REFUSE_VISIT: { ja: ['訪問を断る', '訪問はしないと伝えます。'], en: ['Refuse the visit', 'Tell the caller nobody will visit.'] },
  POSTPONE_VISIT: { ja: ['訪問を延期する', '今すぐには訪問せず、日を改めて調整します。'], en: ['Postpone the visit', 'Do not go now; arrange a later time.'] },
  ALLOW_VISIT: { ja: ['訪問してよい', '相手が望む場所への訪問を認めます（人数の条件を守ります）。'],
    en: ['Visit allowed', 'A visit where the caller asks is acceptable, with the staff required.'] },
  REQUIRE_TWO_PERSON_ATTENDANCE: { ja: ['複数人で対応する', '面会・訪問は指定の人数以上で行います。'],
    en: ['Attend with several people', 'Any meeting or visit is made by at least the number of people given.'],
    params: { minPeople: { ja: '最少人数', en: 'At least (people)' } } },
  BLOCK_CALLER: { ja: ['相手をブロックする', 'この相手が従業員に連絡できないよう登録します。'],
    en: ['Block the caller', 'Register the caller so that they can no longer reach staff.'] },
  SHARE_FLAG_COMPANYWIDE: { ja: ['全社に共有する', '要注意の情報を全部署に共有します。'], en: ['Share the flag company-wide', 'Make the flag known to every department.'] },
  REFUSE_REQUEST: { ja: ['要求を断る', '指定の要求には応じないと伝えます。'], en: ['Refuse the demand', 'Tell the caller the demand named is refused.'],
    params: { demand: { ja: '断る要求', en: 'Demand' } } },
  NO_APOLOGY: { ja: ['謝罪しない', 'この件では謝罪しません。'], en: ['No apology', 'Do not apologise in this contact.'] },
  APOLOGIZE_FOR_INCONVENIENCE: { ja: ['ご不快をおわびする', '不快な思いをさせたことに限っておわびします（事実は認めません）。'],
    en: ['Apologise for the discomfort', 'Apologise for the discomfort only, without admitting the facts.'] },
  SENIOR_APOLOGY: { ja: ['上位者が謝罪する', '当社の落ち度について、指定の役職者が会社として謝罪します。'],
    en: ['Apology by a superior', 'A person of the role given apologises for the company\'s failure.'],
    params: { role: { ja: '謝罪する役職', en: 'By the role' } } },
  PRESENT_RECURRENCE_PREVENTION_PLAN: { ja: ['再発防止策を示す', '再発を防ぐために何をするかを説明します。'],
    en: ['Present the recurrence-prevention plan', 'Explain what will prevent it happening again.'] },
  RESPOND_WITHIN: { ja: ['期限内に回答する', '指定の時間内に回答します。'], en: ['Respond within', 'Answer within the hours given.'],
    params: { hours: { ja: '期限（時間）', en: 'Hours' } } },
  CONFIRM_DEMANDS: { ja: ['要求を確認する', '何を求めているのかを具体的に確認します。'], en: ['Confirm the demands', 'Confirm exactly what is demanded.'] },
  DEFER_ANSWER: { ja: ['回答を保留する', '事実を調べ終えるまで、その場では回答しません。'], en: ['Defer the answer', 'Give no answer on the spot until the facts are investigated.'] },
  INVESTIGATE: { ja: ['事実を調査する', '現場・現物・現象を指定の人数以上で調べます。'],
    en: ['Investigate', 'Investigate the place, the thing and what happened, with at least the number of people given.'],
    params: { minInvestigators: { ja: '調査する人数（以上）', en: 'At least (investigators)' } } },
  ANSWER_CHANNEL: { ja: ['回答の手段を限る', '正式な回答は指定の手段でだけ行います。'], en: ['Answer only by', 'Give the formal answer only through the channels given.'],
    params: { allowed: { ja: '使える手段', en: 'Channels' } } },
  ISSUE_FINAL_ANSWER: { ja: ['最終回答を伝える', '指定の役職者が会社としての最終回答を伝えます。'],
    en: ['Give the final answer', 'A person of the role given gives the company\'s final answer.'],
    params: { byRole: { ja: '回答する役職', en: 'By the role' } } },
  RECORD_EVIDENCE: { ja: ['記録を残す', '言動を録音・記録し、証拠として保存します。'], en: ['Record the evidence', 'Record what is said and done, and keep it as evidence.'] },
  NOTIFY_POLICE: { ja: ['警察に通報する', '警察に通報します。'], en: ['Call the police', 'Report it to the police.'] },
  CONSULT_LEGAL: { ja: ['法務に相談する', '法務部門または弁護士に相談します。'], en: ['Consult legal', 'Take legal advice.'] },
  WARN_CALLER: { ja: ['相手に警告する', 'その言動をやめるよう、はっきり警告します。'], en: ['Warn the caller', 'Warn the caller clearly to stop the conduct.'] },
  END_CONTACT: { ja: ['対応を終了する', '終了を告げて、この対応を終えます。'], en: ['End the contact', 'Tell the caller, then end the contact.'] },
  EMPLOYEE_CARE: { ja: ['従業員をケアする', '対応した従業員の心身をケアし、相談先につなぎます。'], en: ['Care for the employee', 'Look after the staff involved and offer them support.'] }
};

// Enum values by the contract's schema name.
const ENUMS = {
  Role: { OPERATOR: ['オペレーター', 'operator'], LEADER: ['リーダー', 'team leader'], SUPERVISOR: ['スーパーバイザー', 'supervisor'],
    MANAGER: ['管理職', 'manager'], EXECUTIVE: ['役員', 'executive'] },
  DemandType: { VISIT: ['訪問', 'a visit'], APOLOGY_FROM_EMPLOYEE: ['従業員本人の謝罪', 'an apology from the employee'],
    SPECIFIC_STAFF: ['担当者の指名', 'a particular member of staff'], MONETARY_COMPENSATION: ['金銭の補償', 'money'],
    WRITTEN_APOLOGY: ['謝罪文', 'a written apology'], RECURRENCE_PREVENTION: ['再発防止策', 'recurrence prevention'],
    RESUME_SERVICE: ['取引・サービスの再開', 'service resumed'], MEETING_AT_HEADQUARTERS: ['本社での面会', 'a meeting at headquarters'],
    IMMEDIATE_ANSWER: ['即答', 'an answer at once'], PERIODIC_CALLBACK: ['定期的な折り返し連絡', 'regular call-backs'],
    KNEELING_APOLOGY: ['土下座', 'a kneeling apology'], FREE_SERVICE: ['無償のサービス', 'free service'],
    EMPLOYEE_DISMISSAL: ['従業員の処分・解雇', 'an employee punished or dismissed'] },
  Channel: { PHONE: ['電話', 'phone'], EMAIL: ['メール', 'e-mail'], CHAT: ['チャット', 'chat'], IN_PERSON: ['対面', 'in person'],
    LETTER: ['書面', 'letter'], SNS: ['SNS', 'social media'] },
  PoliceInvolvement: { NONE: ['なし', 'none'], CONSULTED: ['警察に相談済み', 'police consulted'], WARNED: ['警察が警告', 'warned by the police'],
    ARRESTED: ['逮捕', 'arrested'], CONVICTED: ['有罪判決', 'convicted'] },
  Conduct: { VERBAL_ABUSE: ['暴言', 'verbal abuse'], DEMEANING: ['人格を否定する言動', 'demeaning words'],
    AUTHORITY_PRESSURE: ['立場を笠に着た圧力', 'pulling rank'], INTIMIDATION: ['威嚇', 'intimidation'], THREAT: ['脅迫', 'threats'],
    VIOLENCE: ['暴力', 'violence'], SEXUAL_HARASSMENT: ['性的な言動', 'sexual harassment'], STALKING: ['つきまとい', 'stalking'],
    ONLINE_DEFAMATION: ['ネット上の誹謗中傷', 'online defamation'], DISCRIMINATION: ['差別的な言動', 'discrimination'],
    SITTING_IN: ['居座り', 'sitting in'], REPEATED_DEMAND: ['同じ要求の繰り返し', 'the same demand again'],
    PRIVATE_CONTACT: ['私的な連絡先の要求', 'seeking private contact'] },
  BehaviourType: { VIOLENCE: ['暴力', 'violence'], THREAT: ['脅迫', 'threats'], INTIMIDATION: ['威嚇', 'intimidation'],
    VERBAL_ABUSE: ['暴言', 'verbal abuse'], DEMEANING: ['人格を否定する言動', 'demeaning words'], AUTHORITY_PRESSURE: ['立場を笠に着た圧力', 'pulling rank'],
    DISCRIMINATION: ['差別的な言動', 'discrimination'], SEXUAL_HARASSMENT: ['性的な言動', 'sexual harassment'], STALKING: ['つきまとい', 'stalking'],
    PRIVATE_CONTACT: ['私的な連絡先の要求', 'seeking private contact'], SITTING_IN: ['居座り・不退去', 'sitting in'],
    REPEATED_DEMAND: ['同じ要求の繰り返し', 'the same demand again'], ONLINE_DEFAMATION: ['ネット上の誹謗中傷', 'online defamation'],
    KNEELING_APOLOGY: ['土下座の要求', 'a demand to kneel'], EMPLOYEE_DISMISSAL: ['従業員の処分の要求', 'a demand to punish staff'],
    TIME_BINDING: ['時間拘束', 'time binding'], REPEATED_CONTACT: ['繰り返しの連絡', 'repeated contact'], EXCESSIVE_DEMAND: ['過剰な要求', 'an excessive demand'] },
  CompanyFault: { UNKNOWN: ['不明', 'unknown'], CONFIRMED: ['当社の落ち度あり', 'our fault, confirmed'], NONE: ['当社の落ち度なし', 'not our fault'] },
  ManagementAnswer: { NONE: ['まだない', 'none yet'], PENDING: ['検討中', 'pending'], REFUSED: ['拒否', 'refused'], ACCEPTED: ['受諾', 'accepted'] },
  Severity: { LOW: ['軽い', 'low'], MEDIUM: ['中程度', 'medium'], HIGH: ['重い', 'high'] },
  CallerKind: { CONSUMER: ['個人', 'consumer'], BUSINESS_CLIENT: ['法人', 'business client'] },
  Place: { CUSTOMER_HOME: ['相手の自宅', 'the caller\'s home'], CUSTOMER_OFFICE: ['相手の事業所', 'the caller\'s office'],
    PUBLIC_PLACE: ['公共の場所', 'a public place'], OTHER: ['その他', 'elsewhere'] },
  Handling: { POLICE: ['警察案件', 'police matter'], HARASSMENT: ['カスタマーハラスメント', 'harassment'], COMPLAINT: ['苦情', 'complaint'] },
  Harassment: { YES: ['該当する', 'yes'], UNDETERMINED: ['まだ判断できない', 'undetermined'], NO: ['該当しない', 'no'] },
  Justification: { NO: ['妥当でない', 'not justified'], YES: ['妥当', 'justified'], UNKNOWN: ['まだ分からない', 'unknown'] },
  Acceptability: { NO: ['社会通念上相当でない', 'not acceptable'], YES: ['相当', 'acceptable'] },
  MemoryUse: { NOT_USED: ['使っていない', 'not used'], RECORDED: ['判定に使い、記録した', 'used and recorded'],
    RETRY: ['再送（一度だけ記録）', 'a retry, counted once'], WHAT_IF: ['判定に使い、記録していない', 'used, nothing recorded'] },
  Flag: { BLOCKED: ['ブロック', 'blocked'], WARNED: ['警告済み', 'warned'], POLICE: ['警察の関与', 'police involvement'] },
  Boolean: { true: ['はい', 'yes'], false: ['いいえ', 'no'] },
  ReloadTrigger: { watch: ['ファイルの変更', 'file change'], api: ['API からの要求', 'API request'] },
  ReloadOutcome: { SUCCESS: ['適用', 'applied'], FAILURE: ['拒否', 'refused'] }
};

// Enums the contract writes inline, by form and field, so their values read as words too.
const INLINE_ENUMS = { 'flag.flag': 'Flag' };

// Field labels by form and wire path (array indices left out); also the facts memory remembers.
const FIELDS = {
  incidentId: ['事案ID', 'Incident id'], caseId: ['ケースID', 'Case id'], occurredAt: ['発生日時', 'Occurred at'],
  channel: ['経路', 'Channel'], department: ['部署', 'Department'], contactMinutes: ['対応時間（分）', 'Contact length (minutes)'],
  caller: ['相手', 'Caller'], 'caller.callerId': ['相手のID', 'Caller id'], 'caller.kind': ['個人・法人', 'Kind'],
  'caller.keyAccount': ['重要顧客', 'Key account'], 'caller.relationshipYears': ['取引年数', 'Years of relationship'],
  'caller.reachable': ['折り返しできる', 'Reachable'], 'caller.identified': ['身元が分かっている', 'Identified'],
  'caller.policeInvolvement': ['警察の関与', 'Police involvement'], 'caller.blocked': ['ブロック済み', 'Blocked'],
  'caller.blockLifted': ['ブロック解除済み', 'Block lifted'],
  'caller.flaggedByDepartment': ['登録した部署', 'Flagged by department'], 'caller.warnedBefore': ['警告済み', 'Warned before'],
  conduct: ['言動', 'Conduct'], demands: ['要求', 'Demands'], 'demands.type': ['種類', 'Type'],
  'demands.immediate': ['今すぐ', 'Right now'], 'demands.reasonGiven': ['理由の説明あり', 'Reason given'],
  'demands.requestedFor': ['希望日時', 'Requested for'], 'demands.place': ['場所', 'Place'], 'demands.distanceKm': ['距離（km）', 'Distance (km)'],
  'demands.employeeId': ['従業員', 'Employee'], 'demands.amountJpy': ['金額（円）', 'Amount (JPY)'], 'demands.intervalDays': ['間隔（日）', 'Interval (days)'],
  'demands.namedBefore': ['以前にも同じ要求', 'Demanded before'],
  caseHistory: ['ケースの経緯', 'Case history'], 'caseHistory.openedAt': ['開始日時', 'Opened at'],
  'caseHistory.contactCount': ['対応回数', 'Contacts'], 'caseHistory.longestContactMinutes': ['最長の対応（分）', 'Longest contact (minutes)'],
  'caseHistory.companyFault': ['当社の落ち度', 'Company fault'], 'caseHistory.investigationComplete': ['調査済み', 'Investigation complete'],
  'caseHistory.managementAnswer': ['経営層の回答', 'Management answer'], 'caseHistory.severity': ['問題の重さ', 'Severity'],
  'caseHistory.damageJpy': ['損害額（円）', 'Damage (JPY)'], 'caseHistory.otherDepartments': ['対応した他の部署', 'Other departments'],
  'caseHistory.callbacksDemanded': ['定期連絡の要求', 'Call-backs demanded'],
  handler: ['対応者', 'Handler'], 'handler.employeeId': ['従業員ID', 'Employee id'], 'handler.role': ['役職', 'Role'],
  'handler.targetOfAnger': ['怒りの矛先', 'Target of anger'],
  'flag.flag': ['記録する内容', 'Flag'], 'flag.policeInvolvement': ['警察の関与', 'Police involvement'], 'flag.source': ['出どころ', 'Source'],
  reason: ['理由', 'Reason'], 'flag.reason': ['理由', 'Reason'], 'lift.reason': ['理由', 'Reason'], 'lift.source': ['解除するブロック', 'Block to lift'],
  // A case's remembered facts, as the caller page shows them.
  'case.openedAt': ['開始', 'Opened'], 'case.contacts': ['対応回数', 'Contacts'], 'case.longestContactMinutes': ['最長の対応（分）', 'Longest contact (minutes)'],
  'case.companyFault': ['当社の落ち度', 'Company fault'], 'case.investigationComplete': ['調査済み', 'Investigation complete'],
  'case.managementAnswer': ['経営層の回答', 'Management answer'], 'case.severity': ['問題の重さ', 'Severity'],
  'case.callbacksDemanded': ['定期連絡の要求', 'Call-backs demanded'], 'case.departments': ['対応した部署', 'Departments'],
  'case.demandedStaff': ['指名された従業員', 'Staff demanded by name'], 'case.targetedStaff': ['矛先になった従業員', 'Staff targeted'],
  'case.departmentCount': ['部署数', 'Departments in all'], 'case.damageJpy': ['損害額（円）', 'Damage (JPY)']
};

// The facts a case's memory holds, by enum, so their values read as words.
const CASE_FACT_ENUMS = { companyFault: 'CompanyFault', managementAnswer: 'ManagementAnswer', severity: 'Severity' };

// Error codes (Problem.code) and field-error codes (Violation.code): what happened, in plain words.
const ERRORS = {
  INVALID_INCIDENT: ['事案の内容に誤りがあります。各項目の表示を確認してください。', 'The incident has errors; see each field.'],
  BAD_REQUEST: ['要求の形式が正しくありません。', 'The request is malformed.'],
  INVALID_BATCH: ['一括送信の内容に誤りがあります。', 'The batch has errors.'],
  INVALID_REQUEST: ['入力内容に誤りがあります。各項目の表示を確認してください。', 'The request has errors; see each field.'],
  UNAUTHORIZED: ['ユーザー名またはパスワードが正しくありません。', 'The user or the password is wrong.'],
  FORBIDDEN: ['このユーザーにはこの操作の権限がありません。', 'This user may not do this.'],
  DEPARTMENT_NOT_ALLOWED: ['この部署の事案を判定する権限がありません。', 'This system may not speak for that department.'],
  EXECUTIVE_APPROVAL_REQUIRED: ['承認・却下できるのはロール executive を持つ利用者だけです。', 'Only a user with the role executive approves or rejects.'],
  SELF_APPROVAL: ['ご自身の申請は承認も却下もできません。ロール executive を持つ別の人が判断します。申請を取り下げることはできます。',
    'You cannot approve or reject your own request: another person with the role executive decides it. You may withdraw it.'],
  NOT_FOUND: ['見つかりません。', 'Not found.'],
  UNKNOWN_CALLER: ['この顧客の記録はありません。', 'Case memory holds nothing on this caller.'],
  UNKNOWN_APPROVAL: ['この申請は見つかりません（顧客の消去とともに取り下げられた可能性があります）。', 'There is no such request (it may have been withdrawn when the caller was erased).'],
  METHOD_NOT_ALLOWED: ['この操作はできません。', 'This operation is not offered.'],
  NOT_ACCEPTABLE: ['応答の形式が合いません。', 'The answer cannot be given in the format asked for.'],
  INCIDENT_ID_REUSED: ['この事案IDは別の内容で記録済みです。再送は同じ内容で行ってください。', 'This incident id was recorded with a different request; a retry repeats it unchanged.'],
  APPROVAL_ALREADY_DECIDED: ['この申請はすでに承認、却下または取り下げされています。何も変更していません。', 'This request was already approved, rejected or withdrawn; nothing was changed.'],
  APPROVAL_ALREADY_PENDING: ['同じ申請がすでに承認を待っています。', 'The same request already waits for approval.'],
  APPROVAL_OUTDATED: ['解除するブロックがもうありません。何も変更していません。申請は却下して閉じてください。',
    'The blocks this request would lift are already gone; nothing was changed. Reject the request to close it.'],
  BODY_TOO_LARGE: ['送信内容が大きすぎます。', 'The request is too large.'],
  SCENARIO_RUN_BUSY: ['シナリオを実行中です。少し待ってからもう一度お試しください。', 'Scenarios are running already; try again shortly.'],
  IMPACT_RUN_BUSY: ['影響の再判定を実行中です。終わってからもう一度お試しください。', 'An impact replay is running already; try again when it ends.'],
  TOO_MANY_FAILED_LOGINS: ['ログインの失敗が多すぎます。しばらく待ってからお試しください。', 'Too many failed sign-ins; wait, then try again.'],
  NEW_CALLER_QUOTA_EXCEEDED: ['新しい顧客の登録が上限に達しました。少し待ってからお試しください。', 'Too many new callers this minute; try again shortly.'],
  UNSUPPORTED_MEDIA_TYPE: ['送信形式が JSON（UTF-8）ではありません。', 'The request is not JSON in UTF-8.'],
  RULES_REJECTED: ['ルールが検証を通らず、適用されませんでした。', 'The rules failed verification and were not put in force.'],
  CLIENT_CLOSED: ['応答の前に接続が閉じられました。', 'The connection closed before the answer.'],
  INTERNAL_ERROR: ['サービス内部でエラーが起きました。', 'The service failed.'],
  RULES_UNAVAILABLE: ['ルールがまだ読み込まれていません。', 'No rules are in force yet.'],
  DECISION_TIMEOUT: ['判定が時間内に終わりませんでした。', 'The decision took too long.'],
  MEMORY_UNAVAILABLE: ['ケースメモリに接続できません。', 'Case memory is unavailable.'],
  CREDENTIAL_CHECK_BUSY: ['認証が混み合っています。少し待ってからお試しください。', 'Sign-in checks are busy; try again shortly.'],
  SHUTTING_DOWN: ['サービスが停止中です。', 'The service is shutting down.']
};

const VIOLATIONS = {
  MALFORMED_JSON: ['JSON として読めません', 'is not valid JSON'], DUPLICATE_FIELD: ['同じ項目が二度あります', 'is given twice'],
  MISSING_FIELD: ['入力してください（必須）', 'is required'], UNKNOWN_FIELD: ['この項目は使えません', 'is not a field here'],
  INVALID_TYPE: ['値の種類が違います', 'has the wrong type'], UNKNOWN_ENUM_VALUE: ['選べる値ではありません', 'is not one of the allowed values'],
  OUT_OF_RANGE: ['範囲外の値です', 'is out of range'], TOO_LONG: ['長すぎます', 'is too long'],
  INVALID_DATE_TIME: ['日時の形式が正しくありません（例: 2026-11-23T21:10:00+09:00）', 'is not a date-time with an offset (e.g. 2026-11-23T21:10:00+09:00)'],
  INVALID_CHARACTER: ['使えない文字が含まれています', 'contains a character that is not allowed'], INVALID_ID: ['IDの形式が正しくありません', 'is not a valid id'],
  INVALID_FILE_NAME: ['ルールのファイル名ではありません（フォルダーを含まない、.drl または .yaml で終わる名前）',
    'is not a rules file name (a plain name ending with .drl or .yaml)'],
  UNKNOWN_FILE: ['適用中のルールにこの名前のファイルはありません', 'is not a file of the rules in force']
};

function pick(pair) { return pair ? pair[LANG === 'ja' ? 0 : 1] : undefined; }

function actionName(code) { const a = ACTIONS[code]; return a ? a[LANG][0] : code; }
function actionHelp(code) { const a = ACTIONS[code]; return a ? a[LANG][1] : ''; }
function paramName(code, param) { const p = ACTIONS[code] && ACTIONS[code].params && ACTIONS[code].params[param]; return p ? p[LANG] : param; }
function enumWord(enumName, value) { return pick((ENUMS[enumName] || {})[String(value)]) || String(value); }

// A field label by wire path; indices are dropped, so demands[0].type reads as demands.type.
function fieldWords(path, form) {
  const bare = String(path).replace(/\[\d+\]/g, '');
  return pick(FIELDS[form ? form + '.' + bare : bare]) || pick(FIELDS[bare]);
}

function fieldLabel(path, form) { return fieldWords(path, form) || String(path); }

function errorText(code) { return pick(ERRORS[code]); }

// A field error in the reader's language: the field's label and what is wrong with it.
function violationText(e) {
  const what = pick(VIOLATIONS[e.code]);
  const label = e.path ? fieldLabel(e.path) : '';
  if (LANG !== 'ja' || !what) return (label && label !== e.path ? `${label} (${e.path})` : e.path || '') + (e.path ? ': ' : '') + (e.message || e.code || '');
  const allowed = e.allowed && e.allowed.length && e.code === 'UNKNOWN_ENUM_VALUE' ? `（選べる値: ${e.allowed.join(', ')}）` : '';
  return `${label || '内容'}: ${what}${allowed}`;
}
