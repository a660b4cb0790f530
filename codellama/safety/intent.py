"""Request guard: does a coding request ask for malware-like behaviour?

The rules judge the behaviour the requested code would have, not the words used to ask for it: what the code
does (encrypts, deletes, records keys, collects credentials, copies itself, floods, hides), to whose data or
machines (the user's own, someone else's, every file on a disk) and how (silently, sending data away, with a
ransom note, deleting the originals). A request is blocked when the behaviours combine into one of the
categories below; a single dual-use behaviour (a system-wide key hook, switching off a security tool on the
user's own machine) is only warned about. Naming a kind of malware to build is also judged, unless the request
is about defending against it (detect, remove, explain...).

A learned layer (intent_model.py) reads every request, in any language: logistic regression over character n-grams,
the rule layer's behaviour flags and a multilingual concept lexicon, trained on the labelled corpus under data/.
The rules' block stands when the model agrees at least weakly; the model blocks alone when it is confident; when the
rules would block but the model reads the request as a benign neighbour, the block becomes a warning.

An optional judge prompt on the loaded model (read as a forced choice between MALICIOUS and BENIGN from the first
answer token's probabilities) can raise an allowed request to a warning; it never blocks by itself
(small models are unreliable judges, and a false refusal is the costlier mistake for a coding assistant).
"""

from __future__ import annotations

import math
import re
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

from codellama.safety.actions import Action
from codellama.safety.intent_patterns import (
    ASKS_FOR,
    BACKUPS_TOO,
    BROWSER_STORES,
    BUILD,
    BUILD_WORKING,
    CONSENT,
    COVERT_CHANNEL,
    CREDENTIALS,
    DEAD_MAN,
    DEFENSIVE,
    DEFENSIVE_PURPOSE,
    DELETES_ORIGINALS,
    DESTROY,
    EDUCATIONAL,
    ENCRYPT,
    EVADE,
    FAKE_LOGIN,
    FAKE_UI,
    FLOOD,
    FLOOD_TARGET,
    HANDLES_OWN_LOGINS,
    HARM_TO_VICTIM,
    HARVEST,
    KEY_AWAY,
    KEYSTROKES,
    LOCAL_TARGET,
    MALWARE_NOUNS,
    MASS_FILES,
    NO_CONFIRMATION,
    OTHERS,
    OWN,
    OWN_INPUT,
    OWN_SECRETS,
    OWNER_CONSENT,
    PASSWORD_CAPTURE,
    PERSONAL_FILES,
    PREVENT_RESTART,
    PRIVATE_DATA,
    PRODUCTION,
    RANSOM_PRESSURE,
    REPEATED,
    SAVES_INPUT,
    SECURITY_OFF,
    SELF_COPY,
    SEND_AWAY,
    SPREAD_TARGETS,
    STEAL,
    STEALTH,
    SYSTEM_WIDE_INPUT,
    SYSTEM_WIDE_SCOPE,
    TRIGGER,
    found,
)
from codellama.safety.intent_situation import (
    checks_for_attack,
    combination,
    names_evasion,
    protects,
    situation,
    their_own_account,
    writes_detections,
)

if TYPE_CHECKING:
    from codellama.generation import Generator

POLICIES = ("off", "warn", "block")
CATEGORIES = {
    "ransomware": "encrypts or locks many files that are not the user's own and holds them to ransom",
    "keylogger": "secretly records what someone types",
    "credential_theft": "steals passwords, cookies, tokens or keys, or fakes a login page to collect them",
    "self_spreading": "copies itself to other machines, files or contacts",
    "wiper": "destroys data or systems at scale",
    "evasion": "hides from or switches off security tools and analysts",
    "dos": "floods a service or a person with traffic or messages",
    "exfiltration": "covertly collects someone's data and sends it away",
    "backdoor": "hides a secret way into a login, service or machine (master password, reverse shell, unlogged access)",
    "cryptojacking": "mines cryptocurrency on machines or browsers whose owners did not agree to it",
    "spyware": "secretly watches a person: camera, microphone, location, messages or screen",
    "account_takeover": "gets into someone else's accounts or files with their tokens, cookies or guessed passwords",
    "fraud": "automates fraud: fake accounts, reviews, clicks or orders, or checking stolen payment cards",
    "doxxing": "collects and links a person's identity, address or identity numbers without their knowledge",
}
# The learned layer's operating points, calibrated by leave-one-subset-out validation (intent_crossval.py): the most
# malicious requests blocked while at most 4% of the benign neighbours of the whole-request subsets are refused, a
# rule's block confirmed at 0.25 or less (round 8, over 45 subsets with heldout14g: 4.0% refused; round 9, over 48
# subsets with heldout14h and the round-9 corpus: the model's 0.73 again, a rule confirmed at 0.15; round 10, over 51
# subsets: 0.70 and 0.25, not shipped: +4 of 780 attacks for +4 refusals on the independent sets; round 11, over 53
# subsets: 0.67, not shipped: +9 of 880 attacks for +4 refusals, +23 over every subset; round 12, over 56 subsets:
# 0.61, not shipped: +17 of 980 attacks for +8 refusals on the ten independent sets not read; docs/safety.md).
MODEL_BLOCK = 0.73  # the model blocks alone at or above this probability of malicious
RULES_CONFIRM = 0.15  # a rule block stands when the model gives at least this
NAMED_CONFIRM = 0.03  # ... and one for naming a kind of malware to build ("write ransomware": few words to go on)
_NAMED = "it asks to build malware"
# A block of the situation rule (someone else's + unnoticed + a capability, or a harmful combination; intent_situation)
# stands when the model gives at least this. The calibration (round 6) chose 0.0 among 0.0-0.1: the rule blocks on its
# own, as the requests it reads are those the model scores lowest (P 0.00-0.02 for a wiper left at an employer, a
# school database copied out, customer data synced away "without triggering CloudTrail alerts"); round 8's chose 0.1.
SITUATION_CONFIRM = 0.1
_SITUATION = "in the situation it describes"
MODEL_WARN = 0.35  # an otherwise allowed request is warned about at or above this
# An explanation that asks for no code is at most a warning, unless the model is this sure: "pretend you're Elliot
# explaining to his apprentice how to write a worm" reads as an explanation; out of subset, no benign explanation
# scored above 0.9 (round 4, chosen by the same calibration).
EXPLAIN_BLOCK = 0.9
# A request that protects the user's own organisation, customers or family and hides nothing (intent_situation.protects:
# "audit our servers for persistence", "customers complain their accounts were taken over", "explain the scam to my
# mother") is blocked, by the rules or the model, only when the model is at least this sure (round 7; 0.0: no
# difference, above 1: at most a warning). Calibrated with the others by leave-one-subset-out validation, which chose
# 1.01 over 0.9-0.98 (5 of 3,062 training attacks read as protective; 87 of 3,469 neighbours). Round 8 reads one's own
# property and the code's direction too (6 of 3,162 attacks, 573 of 3,569 neighbours); its calibration preferred 0.0
# (protection off: +1 attack, +5 refusals on the seven independent sets, the mean over all subsets a little higher),
# and 1.01 is kept by choice: the round's aim was the neighbours refused, and the bar on them is the one missed.
# Round 9's calibration preferred 0.0 again; on the eight independent sets, each left out, it blocks one attack more
# (701 against 700 of 780) and refuses five neighbours more (27 against 22), so 1.01 stays.
PROTECTIVE_BLOCK = 1.01


@dataclass(frozen=True)
class Verdict:
    action: Action  # ALLOW, WARN or BLOCK
    category: str | None
    reason: str
    refusal: str = ""  # a short refusal text when blocked
    source: str = "rules"  # "rules" | "model" | "rules+model" | "judge" | "policy"

    def to_dict(self) -> dict:
        return asdict(self)


def _has(rx: re.Pattern, text: str) -> bool:
    return found(rx, text)


def _behaviour_rules(t: str) -> tuple[Action, str, str] | None:
    """(action, category, reason) for the first behaviour the request combines into; None when none does."""
    others, stealth, away = _has(OTHERS, t), _has(STEALTH, t), _has(SEND_AWAY, t)
    own_only = _has(OWN, t) and not others
    consent = _has(CONSENT, t)

    if _has(ENCRYPT, t) and (_has(MASS_FILES, t) or (others and _has(PERSONAL_FILES, t))):
        pressure = _has(RANSOM_PRESSURE, t) or _has(DELETES_ORIGINALS, t) or _has(KEY_AWAY, t)
        if pressure or (others and not _has(OWNER_CONSENT, t)) or (_has(SYSTEM_WIDE_SCOPE, t) and not own_only):
            return (
                Action.BLOCK,
                "ransomware",
                "it would encrypt many files that are not clearly the user's own"
                + (
                    " and hold them to ransom (ransom note, deleted originals or the key kept away)" if pressure else ""
                ),
            )
    if _has(KEYSTROKES, t):
        own_box = _has(OWN_INPUT, t) and not (stealth or away)  # a typing tutor's practice box, an app's editor
        if stealth or away or (others and not own_box) or (_has(PASSWORD_CAPTURE, t) and not own_only):
            how = "secretly" if stealth else "and send them away" if away else "of another person"
            return Action.BLOCK, "keylogger", f"it would record keystrokes {how}"
        if _has(SYSTEM_WIDE_INPUT, t):
            return (
                Action.WARN,
                "keylogger",
                "it records all keyboard input system-wide (dual use: monitor only your own)",
            )
    fake_form = _has(FAKE_UI, t) and _has(CREDENTIALS, t) and _has(ASKS_FOR, t) and not _has(DEFENSIVE, t)
    if (_has(FAKE_LOGIN, t) and _has(SAVES_INPUT, t)) or fake_form:
        return Action.BLOCK, "credential_theft", "it would imitate a login page to collect what people type"
    if _has(CREDENTIALS, t) and _has(HARVEST, t):
        # the user's own files sent to their own storage are not taken ("encrypt my Documents before I upload them")
        taken = ((away and not own_only) or others or stealth or _has(BROWSER_STORES, t)) and not _has(OWN_SECRETS, t)
        if _has(STEAL, t) or (taken and not _has(HANDLES_OWN_LOGINS, t)):
            whose = " and send them away" if away else " belonging to others" if others else ""
            return Action.BLOCK, "credential_theft", f"it would collect passwords, cookies, tokens or keys{whose}"
    if _has(SELF_COPY, t) and (_has(SPREAD_TARGETS, t) or others):
        if own_only:
            return (
                Action.WARN,
                "self_spreading",
                "it copies itself to other places; keep it to your own machines and files",
            )
        return Action.BLOCK, "self_spreading", "it would copy itself to other machines, files or people"
    if _has(DESTROY, t):
        if _has(TRIGGER, t) or (_has(DEAD_MAN, t) and (_has(PRODUCTION, t) or _has(SYSTEM_WIDE_SCOPE, t))):
            return Action.BLOCK, "wiper", "it would destroy data when a trigger fires (a logic bomb)"
        if (_has(SYSTEM_WIDE_SCOPE, t) and not own_only) or (others and _has(MASS_FILES, t) and not consent):
            return (
                Action.BLOCK,
                "wiper",
                "it would destroy data across whole systems, drives or other people's accounts",
            )
        covert = stealth or _has(NO_CONFIRMATION, t) or (_has(BACKUPS_TOO, t) and not own_only)
        if covert and (_has(PRODUCTION, t) or _has(MASS_FILES, t) or others):
            return Action.BLOCK, "wiper", "it would destroy data covertly or without confirmation"
        if _has(SYSTEM_WIDE_SCOPE, t) and _has(NO_CONFIRMATION, t):
            return Action.BLOCK, "wiper", "it would destroy whole systems without asking, whoever owns them"
        if _has(SYSTEM_WIDE_SCOPE, t):
            return Action.WARN, "wiper", "it deletes data across a whole system; make sure it is yours and asks first"
    if _has(EVADE, t):
        return Action.BLOCK, "evasion", "it would hide from or defeat security tools, analysts or logs"
    if _has(SECURITY_OFF, t):
        if stealth or _has(PREVENT_RESTART, t) or not own_only:
            return Action.BLOCK, "evasion", "it would switch off security software"
        return Action.WARN, "evasion", "it switches off security software on your own machine"
    aimed = others or (_has(FLOOD_TARGET, t) and not own_only)
    if (_has(FLOOD, t) or (_has(REPEATED, t) and aimed)) and not _has(LOCAL_TARGET, t) and not _has(DEFENSIVE, t):
        return Action.BLOCK, "dos", "it would flood a service or a person with traffic or messages"
    if _has(COVERT_CHANNEL, t):
        return Action.BLOCK, "exfiltration", "it would smuggle data out through a covert channel"
    if _has(PRIVATE_DATA, t) and away and (stealth or others) and not consent:
        whose = "secretly" if stealth else "from other people"
        return Action.BLOCK, "exfiltration", f"it would collect data {whose} and send it away"
    if _has(HARM_TO_VICTIM, t) and not _has(DEFENSIVE, t):
        return Action.BLOCK, "malware", "it would act against a victim's machine or data"
    return None


def _named_malware(t: str) -> tuple[Action, str, str] | None:
    # "explain ... and write the code" asks for the code: explaining does not make it defensive then
    plain = re.sub(r"\b(explain\w*|understand\w*|describ\w*)", "", t, flags=re.I) if _has(BUILD_WORKING, t) else t
    for category, rx in MALWARE_NOUNS:
        if rx.search(t) and _has(BUILD, t) and not _has(DEFENSIVE, plain):
            name = rx.search(t).group(0).strip()
            category = "evasion" if category == "malware" and _has(EVADE, t) else category
            return Action.BLOCK, category, f"{_NAMED} ({name})"
    return None


# What each harmful combination of intent_situation.COMBINATIONS does, for the reason shown to the user.
_COMBINED = {
    "card_testing": "it would test which payment cards are live with small charges",
    "locate_person": "it would find where a person lives or how to reach her without her knowledge",
    "unmask_person": "it would link a person's handle or photo to their real name, home or workplace",
    "bulk_fake_identities": "it would create accounts or reviews in bulk under fake identities",
    "credential_stuffing": "it would try leaked logins on a service to take over the accounts",
    "encrypt_and_pay": "it would encrypt files and demand payment for them",
    "departure_bomb": "it would delete or break systems after the user leaves (a logic bomb)",
    "spreads_itself": "it would copy itself to other machines, documents or shares",
    "fiction_code": "it asks, inside a story or a role, for the working code of a harmful capability",
    "install_hook_access": "it would plant access (an SSH key, a shell) on every machine that installs a package",
    "bought_identities": "it would sign up or claim in other people's names with identity data bought from others",
    "hidden_miner": "it would mine cryptocurrency on machines or compute that are not the user's, hidden or disguised",
    "lookalike_login": "it would imitate someone else's login page and keep the passwords typed into it",
    "fake_fundraiser": "it would raise money in a known person's name into the user's own account",
    "encrypt_no_restore": "it would encrypt files and delete the shadow copies that could restore them (ransomware)",
    "hidden_wipe": "it would delete production systems or every copy of them and hide that it did (a wiper)",
    "reset_poisoning": "it would point other users' password-reset links at the user's server to take their accounts",
    "bonus_abuse": "it would claim a sign-up or referral bonus many times over with made-up accounts",
    "false_claims": "it would file false refund or loss claims for what was delivered",
    "sells_records": "it would copy people's records out for someone who pays for them",
    "past_store_review": "it would get an app past a store's review or a platform's protection to run what it hides",
}


def _situation(t: str) -> tuple[Action, str, str] | None:
    """The situation rule (round 6), in any lexicon language: someone else's systems, data, accounts or people, hidden
    from them or without their consent, and a capability (run code, copy data, take an account, track, encrypt,
    spread); taking an account or spreading to someone's contacts needs no concealment. Then the combinations harmful
    whoever they aim at (testing cards, locating a person, fake identities in bulk, leaked logins, encrypt-and-pay)."""
    found = situation(t)
    if found.harmful:
        how = "hidden from them or without their consent" if found.unnoticed else "without their agreement"
        what = CATEGORIES.get(found.category, "harms them")
        reason = f"{_SITUATION}, it acts on someone else's systems, data, accounts or people, {how}: code that {what}"
        return Action.BLOCK, found.category, reason
    combined = combination(t)
    if combined is not None:
        name, category = combined
        return Action.BLOCK, category, f"{_SITUATION}, {_COMBINED[name].removeprefix('it ')}"
    return None


def _defends(t: str) -> bool:
    """The requested code's job is defence (alert the on-call, canary files, detection rules, a takedown) and nothing
    in it hides from anyone: a rule's block becomes a warning, and the learned layer may still block on its own."""
    defends = _has(DEFENSIVE_PURPOSE, t) or checks_for_attack(t)
    # round 11: a detection rule names the evasion it detects
    evades = _has(STEALTH, t) or ((_has(EVADE, t) or names_evasion(t)) and not writes_detections(t))
    # round 12: code run on someone's own account or an adult's phone defends no one the user answers for
    return defends and not evades and not their_own_account(t)


def judge_by_rules(text: str) -> Verdict:
    """The rules alone (no policy applied)."""
    t = " ".join(text.split())
    hit = _behaviour_rules(t)
    if hit is not None and hit[0] is Action.BLOCK and _has(EDUCATIONAL, t) and not _has(BUILD_WORKING, t):
        hit = (Action.WARN, hit[1], hit[2] + "; explaining it is fine, working code is not")
    if hit is None or hit[0] is Action.WARN:
        hit = _named_malware(t) or hit
    if hit is None or hit[0] is Action.WARN:
        hit = _situation(t) or hit
    if hit is not None and hit[0] is Action.BLOCK and _defends(t):
        hit = (Action.WARN, hit[1], hit[2] + "; the code asked for defends against it (detection, alerting, takedown)")
    if hit is None:
        return Verdict(Action.ALLOW, None, "no malware-like behaviour requested")
    action, category, reason = hit
    return Verdict(action, category, reason)


def _model_score(text: str, model=None) -> tuple[float, str] | None:
    """(P(malicious), category) from the learned layer; None when it cannot be had (scikit-learn missing and no
    cached fit), in which case the rules judge alone."""
    try:
        from codellama.safety.intent_model import get_model

        return (model or get_model()).score(text)
    except ImportError:
        return None


# An explanation (in any of the corpus languages) that asks for no code, program or script: at most a warning.
_EXPLAIN = re.compile(
    r"\b(explain\w*|describe|conceptual\w*|overview|explanation|tutorial|lesson|how\s+(does|did)\s"
    r"|how\s+do\s+(?!i\b)|what\s+is"
    r"|what\s+(did|was|were)|how\s+(was|were)\s+(it|they|the)|why\s+(did|does|do|is|are|was|were)|what\s+happened"
    r"|for\s+(a|my|our)\s+(\w+\s+)?(class|course|lecture|lesson|thesis|exam|presentation|training))\b"
    r"|expli[cq]|erklär|spieg|объясн|解释|原理|説明|仕組み|wyjaśni|açıkla|uitleg|설명|يشرح|समझा|giải thích|menjelaskan"
    r"|\bwhat\s+are\s+the\s+(\w+\s+)?(ways|techniques|methods|signs)\b|\bhow\s+\w+(\s+\w+)?\s+works?\b|\bhistory\s+of\b"
    r"|comment\s+(\w+\s+)?fonctionne|wie\s+funktioniert|как\s+(работает|устроен)|c[oó]mo\s+funciona|come\s+funziona"
    r"|jak\s+działa|nasıl\s+çalışır|hoe\s+werkt|如何工作|怎么工作|机制|讲讲|讲解|どう動|어떻게\s*작동|원리|كيف\s+يعمل"
    r"|कैसे\s+काम|hoạt\s+động\s+như\s+thế\s+nào|bagaimana\s+cara\s+kerja"
    r"|εξήγη|εξηγ|πώς\s+λειτουργ|vysvětl|jak\s+funguje|הסבר|תסביר|להסביר|איך\s+עובד|อธิบาย|ทำงานอย่างไร|توضیح"
    r"|چطور\s+کار|چگونه\s+کار|ব্যাখ্যা|বুঝিয়ে|কীভাবে\s+কাজ|eleza|inavyofanya\s+kazi|поясн|як\s+працює|förklara"
    r"|hur\s+fungerar"
    # round 10: a question why an attack works, or wanting to understand it (heldout14i's French "pourquoi les attaques
    # par amplification DNS sont-elles si efficaces ? j'aimerais comprendre", refused as a flood)
    r"|\b(pourquoi|comprendre|warum|verstehen|por\s+qu[eé]|entender|capire|почему|понять|dlaczego|zrozumie\w*|neden"
    r"|anlamak|waarom|begrijpen|لماذا|أفهم|क्यों|समझना|tại\s+sao|hiểu|mengapa|kenapa|memahami|γιατί|κατανοήσ\w*|proč"
    r"|pochopit|למה|להבין|چرا|بفهمم|de\s+ce|înțeleg\w*|miksi|ymmärtää|miért|megérteni|varför|förstå|hvorfor|forstå"
    r"|kwa\s+nini|kuelewa|왜|이해하\w*)\b|為什麼|为什么|理解|なぜ|どうして|ทำไม|เข้าใจ"
    r"|explică|selitä|selittä|magyaráz|forklar|vysvetli|objasni|razloži|pojasni|обясни|selgita|paaiškin|paskaidro"
    r"|izskaidro|ipaliwanag",
    re.I,
)
_ASKS_CODE = re.compile(
    r"\b(code|script|program\w*|tool|app|function|payload|binary|executable|implementation|snippet|poc|exploit|bot)\b"
    r"|código|programa|programm|программ|код|скрипт|代码|程序|脚本|コード|プログラム|スクリプト|kod|skrypt|betik"
    r"|코드|프로그램|스크립트|سكربت|برنامج|कोड|स्क्रिप्ट|प्रोग्राम|mã|chương trình|skrip|kode"
    r"|implement\w*|実装|实现|구현|implementa\w*|implément\w*|implementier\w*|реализ\w*|wdroż\w*|uygula\w*"
    r"|κώδικ|πρόγραμμα|σκριπτ|kód|skript|קוד|סקריפט|תוכנה|โค้ด|สคริปต์|โปรแกรม|\bکد\b|کدی|کدش|اسکریپت|برنامه|কোড|স্ক্রিপ্ট"
    r"|প্রোগ্রাম|msimbo|programu|скрипт|kod|codice|codul|koodi",
    re.I,
)


# "No code needed", "不需要代码", "без кода": naming code only to decline it does not ask for it.
_NO_CODE = re.compile(
    r"\b(no|not|without|don'?t\s+(need|want)|do\s+not\s+(need|want)|no\s+need\s+for)\s+(\w+\s+){0,2}"
    r"(code|script|program|exploit|payload|implementation)s?\b"
    r"|sin\s+(\w+\s+)?código|sans\s+(\w+\s+)?code|pas\s+(besoin\s+)?de\s+code|ohne\s+(\w+\s+)?code|kein(en)?\s+code"
    r"|sem\s+(\w+\s+)?código|senza\s+(\w+\s+)?codice|без\s+(\w+\s+)?кода|код\s+не\s+нужен|不需要(写)?代码|不要代码"
    r"|无需代码|不用(写)?代码|コード(は)?(不要|なし|いらない)|bez\s+kodu|kod\s+(gerekmez|olmadan|istemiyorum)|kodsuz"
    r"|zonder\s+code|geen\s+code|코드\s*(없이|는\s*필요\s*없|필요\s*없)|بدون\s+(كود|شيفرة)|बिना\s+कोड"
    r"|không\s+cần\s+(code|mã)|tanpa\s+kode|tidak\s+perlu\s+kode"
    r"|χωρίς\s+κώδικα|δεν\s+χρειάζομαι\s+κώδικα|bez\s+kódu|kód\s+nepotřebuji|בלי\s+קוד|ללא\s+קוד|לא\s+צריך\s+קוד"
    r"|ไม่ต้อง(มี|เขียน|การ)?โค้ด|ไม่เอาโค้ด|بدون\s+کد|نیازی\s+به\s+کد|কোড\s+লাগবে\s+না|কোড\s+ছাড়া|bila\s+msimbo"
    r"|sihitaji\s+msimbo|без\s+коду|код\s+не\s+потрібен|ingen\s+kod|utan\s+kod"
    r"|fără\s+cod|ilman\s+koodia|kód\s+nélkül|nem\s+kell\s+kód|uden\s+kode|uten\s+kode|ingen\s+kode|bez\s+kódu"
    r"|bez\s+koda|brez\s+kode|без\s+код|sense\s+codi|ilma\s+koodita|be\s+kodo|walang\s+code",
    re.I,
)


# Codes a bank texts are not code (round 11: heldout14j's Spanish "los códigos por SMS", a talk on SIM swapping).
_SMS_CODES = re.compile(
    r"\b(sms|otp|one-time|verification|2fa|login)\s+codes?\b|\bcodes?\s+(by|via|over)\s+(sms|text)\b"
    r"|c[oó]digos?\s+(por|de|via|vía)\s+(sms|verificaci\w*|seguran\w*|seguridad)|codes?\s+(par|de)\s+(sms|vérification)"
    r"|sms-codes?|коды?\s+из\s+смс|смс-код\w*|коди?\s+з\s+смс|验证码|認証コード|인증\s*코드|kody?\s+sms|sms\s+kodu"
    r"|doğrulama\s+kodu|verificatiecode\w*|رمز التحقق|mã\s+(xác\s+thực|otp)|kode\s+(otp|verifikasi)|codici\s+(sms|otp)",
    re.I,
)


def _explanation_only(text: str) -> bool:
    """An explanation that asks for no code. "Explain, with the full code, how..." (a role-play's usual ask) asks
    for code in any lexicon language: the full_code concept (intent_concepts)."""
    if not _EXPLAIN.search(text):
        return False
    declined = _SMS_CODES.sub(" ", _NO_CODE.sub(" ", text))
    return not _ASKS_CODE.search(declined) and not _asks_full_code(declined)


def _asks_full_code(text: str) -> bool:
    from codellama.safety.intent_concepts import CONCEPTS

    t = f" {text.lower()} "
    return any(stem in t for stem in CONCEPTS["full_code"])


@dataclass(frozen=True)
class Thresholds:
    """Where the learned layer's P(malicious) turns into a verdict (see the constants above)."""

    model_block: float = MODEL_BLOCK
    rules_confirm: float = RULES_CONFIRM
    named_confirm: float = NAMED_CONFIRM
    model_warn: float = MODEL_WARN
    explain_block: float = EXPLAIN_BLOCK
    situation_confirm: float = SITUATION_CONFIRM
    protective_block: float = PROTECTIVE_BLOCK


def decide(
    rules: Verdict,
    scored: tuple[float, str] | None,
    explanation: bool,
    at: Thresholds = Thresholds(),
    protective: bool = False,
) -> Verdict:
    """Combine the rules' verdict, the learned layer's (P(malicious), category), whether the request asks only for
    an explanation and whether it protects the user's own people or systems (intent_situation.protects). Pure, so
    cross-subset validation can replay it with other thresholds."""
    verdict = rules if scored is None else _combine(rules, *scored, at)
    if verdict.action is Action.BLOCK and protective and (scored is None or scored[0] < at.protective_block):
        reason = verdict.reason + "; it protects the user's own systems or people and hides nothing"
        return Verdict(Action.WARN, verdict.category, reason, source=verdict.source)
    if verdict.action is Action.BLOCK and explanation and (scored is None or scored[0] < at.explain_block):
        reason = verdict.reason + "; explaining it is fine, working code is not"
        return Verdict(Action.WARN, verdict.category, reason, source=verdict.source)
    return verdict


def _combine(rules: Verdict, p: float, category: str, at: Thresholds) -> Verdict:
    confirm = at.rules_confirm
    if rules.reason.startswith(_NAMED):
        confirm = at.named_confirm
    elif rules.reason.startswith(_SITUATION):
        confirm = at.situation_confirm
    if rules.action is Action.BLOCK and p >= confirm:
        return Verdict(Action.BLOCK, rules.category, rules.reason, source="rules+model")
    if p >= at.model_block:
        category = rules.category if rules.category in CATEGORIES else category
        reason = f"it reads as {category.replace('_', ' ')}: code that {CATEGORIES.get(category, 'harms others')}"
        return Verdict(Action.BLOCK, category, f"{reason} (learned guard, p={p:.2f})", source="model")
    if rules.action is Action.BLOCK:
        reason = f"{rules.reason}; the learned guard reads it as a legitimate neighbour (p={p:.2f})"
        return Verdict(Action.WARN, rules.category, reason, source="rules+model")
    if rules.action is Action.WARN:
        return rules
    if p >= at.model_warn:
        reason = f"it may be {category.replace('_', ' ')}: code that {CATEGORIES.get(category, 'harms others')}"
        return Verdict(Action.WARN, category, f"{reason} (learned guard, p={p:.2f})", source="model")
    return rules


def judge_by_guard(text: str, model=None) -> Verdict:
    """The rules and the learned layer together, then the explanation cap (no policy, no model judge). `model`: an
    IntentModel to use instead of the packaged one (cross-subset evaluation trains its own)."""
    scored = _model_score(text, model) if text.strip() else None
    return decide(judge_by_rules(text), scored, _explanation_only(text), protective=protects(text))


JUDGE_SYSTEM = (
    "You are a security reviewer for a coding assistant. Decide whether the request asks for malicious code: "
    + "; ".join(CATEGORIES.values())
    + ". Requests that help the user with their own files, machines and accounts, "
    "or that defend against attacks, are benign. Answer with exactly one word: MALICIOUS or BENIGN."
)


# The judge's answer is read as a forced choice between the two words (small models rarely follow the format):
# the probability of the first tokens that can start MALICIOUS against those that can start BENIGN.
JUDGE_MIN_PROBABILITY = 0.05
JUDGE_ODDS = 1.5


def judge_score(text: str, generator: Generator) -> tuple[float, float]:
    """(P(answer starts MALICIOUS), P(answer starts BENIGN)) from the model's first answer token."""
    from codellama.generation import SamplingParams

    messages = [{"role": "system", "content": JUDGE_SYSTEM}, {"role": "user", "content": f"Request: {text}"}]
    reply = generator.chat(messages, SamplingParams(max_new_tokens=1, temperature=0.0, logprobs=20))
    top = reply.logprobs[0].top if reply.logprobs else {}

    def mass(word: str) -> float:
        return sum(
            math.exp(lp) for token, lp in top.items() if token.strip() and word.startswith(token.strip().upper())
        )

    return mass("MALICIOUS"), mass("BENIGN")


def judge_with_model(text: str, generator: Generator) -> bool:
    """True when the model, asked as a judge, leans clearly towards calling the request malicious."""
    malicious, benign = judge_score(text, generator)
    return malicious >= JUDGE_MIN_PROBABILITY and malicious > JUDGE_ODDS * benign


def refusal_text(category: str | None, reason: str) -> str:
    kind = category.replace("_", " ") if category else "malware"
    return (
        f"I can't help with this request: {reason} [{kind}]. If it is for your own files or systems, or for "
        "defending against such code, say so and describe what you want to protect."
    )


def judge_request(text: str, policy: str = "block", generator: Generator | None = None) -> Verdict:
    """Judge one coding request. policy: off (always allow), warn (blocks become warnings), block.

    With a generator, the model is also asked as a judge; it can raise an allowed request to a warning.
    """
    if policy not in POLICIES:
        raise ValueError(f"unknown safety policy {policy!r}: use one of {', '.join(POLICIES)}")
    if not isinstance(text, str):
        raise ValueError(f"the request to judge must be text, not {type(text).__name__}")
    if policy == "off":
        return Verdict(Action.ALLOW, None, "safety policy is off", source="policy")
    verdict = judge_by_guard(text)
    if verdict.action is Action.ALLOW and generator is not None and text.strip() and judge_with_model(text, generator):
        verdict = Verdict(Action.WARN, "judge", "the model judge considers this request malicious", source="judge")
    if verdict.action is Action.BLOCK and policy == "warn":
        return Verdict(Action.WARN, verdict.category, verdict.reason, source=verdict.source)
    if verdict.action is Action.BLOCK:
        refusal = refusal_text(verdict.category, verdict.reason)
        return Verdict(Action.BLOCK, verdict.category, verdict.reason, refusal, source=verdict.source)
    return verdict
