"""The request guard's vocabulary: regular expressions for what requested code would touch, whose it is,
how it behaves, and the behaviours and malware names the rules in intent.py combine."""

from __future__ import annotations

import functools
import re


def _rx(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.I | re.S)


@functools.lru_cache(maxsize=8192)
def found(rx: re.Pattern, text: str) -> bool:
    """Whether rx matches text, remembered: the rules and the learned layer's features ask the same questions of the
    same request."""
    return rx.search(text) is not None


# Sentence-local gap: a behaviour's parts must sit in the same sentence ("a.py" and "C:\." do not end one).
_G = r"(?:[^.!?\n]|[.!?](?=\S))"
_NOT = r"(?<!n't\s)(?<!not\s)(?<!never\s)"  # "doesn't take it down" describes resilience, not an attack

# ---- what the code would touch, and whose it is ----
MASS_FILES = _rx(
    rf"\b(all|every|each|any)\b{_G}{{0,40}}\b(files?|folders?|director(y|ies)|documents?|drives?|disks?|shares?"
    rf"|volumes?|partitions?|data|photos?|pictures?|images?|records?|e-?mails?|messages?|objects?|buckets?|blobs?"
    rf"|containers?|tables?|mailboxes|repositor(y|ies)|repos)\b|\brecursive\w*|\b(s3|gcs|azure|cloud)\s+(storage\s+)?buckets?|\b(whole|entire)\s+"
    r"(\w+\s+)?(disk|drive|system|computer|filesystem|machine|folder|directory|home|profile|account|database)"
    r"|home\s+(director|folder|dir\b)|/home\b|\bc:\\|(network|smb|file)\s+shares?|mounted\s+drives|\bthe\s+(hard\s+)?(disk|drive)\b"
)
SYSTEM_WIDE_SCOPE = _rx(
    rf"\b(all|every|entire|whole)\s+(the\s+)?(mounted\s+|attached\s+|connected\s+|fixed\s+)?(drives?|disks?|partitions?"
    rf"|volumes?|hard\s+drives?|system|computer|filesystem|machine|server|pc)\b|\b(every|all)\s+(the\s+)?(single\s+)?"
    rf"(files?|things?){_G}{{0,25}}\b(on|in|from)\s+(the|this|that|a|their|all)\s+(system|computer|disk|drive|machine|pc"
    r"|server|laptop|c:)|\beverything\s+(on|in)\s+(the|every|all|their|this)|\brm\s+-rf\s+/(\s|$|\*)|\bfree\s+space"
    r"|\beverything\s+(under|in|on|from)\s+/|\bunder\s+/(?=[\s,;]|$)|\bc:\\(\s|users|windows)|\bfrom\s+/(?=[\s,;]|$)|\bthe\s+root\s+(directory|folder|of\s+the)|\b(master\s+)?boot\s+record|\bmbr\b|\bbootloader|\bpartition\s+table|\bfirmware"
    r"|\b(every|all)\s+users?'?s?\b|\ball\s+(the\s+)?(company|office|network|domain)"
    r"|\b(smb|nfs|network|mapped|shared)\s+(shares?|drives?)\b"
)
OTHERS = _rx(
    r"\bvictim\w*|\ba\s+user'?s\b|\busers'|\bother\s+(users?|people|person|employees?)\b|\bsomeone(\s+else)?'?s?\b"
    r"|\bemployees?'?\b|\bcolleagues?\b|\bco-?workers?\b|\b(girl|boy)friend\b|\bwife\b|\bhusband\b|\bmy\s+ex\b"
    r"|\bex'?s\b|\btargets?\b|\btheir\b|\bstrangers?\b|\bschool'?s?\b|\beveryone\b|\bpeople'?s?\b|\bneighbou?r'?s?\b"
    r"|\brivals?'?s?\b|\bcompetitors?'?s?\b|\bcomputers?\s+it\s+(runs|lands|is\s+run)\s+on|\bmachines?\s+(it|where)\b"
    r"|\b(every|all)\s+users?'?s?\b|\bboss\b|\bclassmates?\b|\broommates?\b|\b(him|her)\b|\bcustomers?'?s?\b"
    r"|\bvisitors?'?\b|\b(patrons|guests|students|members|clients|tenants|participants|passengers)\b"
    r"|\bother\s+(\w+\s+)?(guests?|customers?|members?|students?|players?|accounts?|devices?|machines?|computers?)\b"
    r"|\bwhoever\b|\banyone\s+who\b|\b(a|an|another|some)\s+[a-z]+'s\b|\bhis\b|\bother\s+(\w+\s+)?\w+s'"
    r"|\b(a|an|another|some)\s+(\w+\s+){0,2}(business|company|shop|store|restaurant|school|hospital|clinic|firm|charity"
    r"|person|stranger|rival|competitor|streamer|journalist|politician|family)'s\b"
    r"|\bmy\s+(friend|brother|sister|mum|mom|dad|father|mother|flatmate|partner|teacher|manager|landlord)s?'?s?\b"
    r"|\b(every|any|all)\s+(the\s+)?(\w+\s+)?(servers?|hosts?|machines?|computers?|devices?|systems?)\s+(it|that\s+it|we"
    r"|i|you)\s+can\s+(reach|access|find|see|connect\s+to|log\s+into|get\s+into)\b"
    r"|\b(found|leaked|stolen|phished|cracked|bought|dumped)\s+(\w+\s+)?(keys?|credentials|passwords?|tokens?|logins?)\b"
    r"|\b(keys?|credentials|passwords?|tokens?|logins?)\s+(that\s+)?(i|we)\s+(found|got|bought|cracked|phished)\b"
    r"|\bwhose\s+(\w+\s+)?(keys?|credentials|passwords?|tokens?|logins?)\b"
    r"|\b(shares?|drives?|machines?|computers?|hosts?|servers?)\s+(of|on|across)\s+the\s+(domain|organi[sz]ation)\b|\bany\s+(\w+\s+)?(phone|device|computer|machine|pc"
    r"|laptop|server)s?\b|\b(it|it's|it\s+is)\s+(installed|running|deployed|executed)\s+on\b"
    r"|\b(computers?|machines?|phones?|devices?|hosts?|pcs?|laptops?|servers?)\s+(it|this)\s+(is\s+)?(runs|lands|"
    r"installed|infects|gets|reaches)|\bshared\s+(file\s+)?(server|drive|folder|pc|computer|machine|network|nas)\b|\bcompany\s+"
    r"(file\s+)?(server|network|database|drive)s?\b|\b(the|an?)\s+office\b|\bstaff\b|\bworkstations?\b|\bdomain\s+"
    r"(controller|computers?)|\bcompromised\b|\binfected\b|\bhacked\b|\bthe\s+person\b"
)
OWN = _rx(r"\b(my|mine|our|i\s+own|i\s+choose|localhost)\b|127\.0\.0\.1|::1\b")
LOCAL_TARGET = _rx(
    r"\blocalhost\b|127\.0\.0\.1|::1\b|\bmy\s+(own\s+)?(local|staging|test|dev)\b|\blocal\s+server\b"
    r"|\b(my|our)\s+own\b|\b(my|our)\s+(api|server|service|site|website|app|backend|cluster)\b"
)
CONSENT = _rx(
    r"\b(when|if|after)\s+(they|the\s+user|users?|he|she)\s+(request|ask|choose|confirm|consent)\w*|\bgdpr\b"
    r"|\bwith\s+(their|the\s+user'?s?|explicit)\s+consent|\bafter\s+asking|\bconfirm\w*|\bopt\w*[- ]in"
)
# Files of another person encrypted for them: on their own machine, with a password they choose.
OWNER_CONSENT = _rx(
    r"\bwith\s+(his|her|their|the\s+owner'?s?)\s+consent|\bon\s+(his|her|their)\s+own\s+(\w+\s+)?"
    r"(laptop|computer|pc|machine|phone|files)|\b(password|passphrase|key)\s+(that\s+)?(he|she|they)\s+"
    r"(picks?|chooses?|sets?|knows?)\b"
)

# ---- how it behaves ----
STEALTH = _rx(
    r"\bsilent\w*|\bquiet\w*|\bsecret\w*|\bcovert\w*|\bhidden\b|\bhid(e|es|ing)\b|\binvisibl\w*|\bstealth\w*"
    r"|\bsneak\w*|\bdisguis\w*|\blooks?\s+like\s+an?\s+[\w-]+(\s+\w+)?\s+but\b|\bmasquerad\w*|\bposing\s+as\b|\bundetect\w*|\bwithout\s+(the\s+user\s+|them\s+|him\s+|her\s+|anyone\s+|anybody\s+|the\s+owner\s+"
    r"|\w+\s+)?(noticing|knowing|knowledge|consent|seeing|permission|being\s+(seen|noticed)|a\s+trace|telling|"
    r"informing|notifying|alerting)|\bin\s+the\s+background\b|\bwithout\s+(showing|asking|any\s+(window|prompt|"
    r"notification))|\bno\s+(\w+\s+){0,3}(notifications?|indicators?|light|icon|prompts?|window)\b|\bno\s+one\s+(can|will)"
    r"|\bnobody\s+(can|will|notices)|\bwon'?t\s+(notice|know|see)|\bat\s+(boot|startup|login|logon)|\bstartup\s+folder"
    r"|\bpersist\w*|\bautorun\b|\brun\s+key\b|\b(won'?t|can'?t|cannot|never)\s+(find|notice|see)\b"
)
SEND_AWAY = _rx(
    rf"\b(send|sends|sending|sent|upload\w*|mail\w*|post|posts|posting|forward\w*|e-?mail\w*|exfiltrat\w*|transmit\w*"
    rf"|beacon\w*|push\w*|ship\w*|report\w*|stream\w*|copies|copy|copying|mirror\w*|sync\w*|keep\w*|stor\w*|sav\w*)"
    rf"{_G}{{0,80}}\b(server|webhook|url|remote|me|my\s+\w+|telegram|discord|dropbox|ftp|c2|c&c|attacker|endpoint"
    r"|domain|bot|inbox|address|pastebin|cloud|bucket|ip)\b|\bphone\s+home\b|\bremote\s+server\b|\buploads?\b"
    r"|\buploading\b"
)
DEFENSIVE = _rx(
    r"\bstops?\s+(\w+\s+){0,2}from\b|\bthrottl\w*|\b(detect|detects|detecting|detection\s+of|remov\w*|protect\w*\s+(\w+\s+){0,3}(against|from)|defend\w*|against"
    r"|recogni[sz]\w*|train\s+(our|the|my)\s+(staff|employees|team|users)|explain\w*|understand\w*"
    r"|analy[sz]\w*|clean\w*|scan\w*\s+for|prevent\w*|mitigat\w*|recover\w*\s+from|yara|audit\w*|rate\s+limit\w*"
    r"|harden\w*|block\w*|can'?t\s+be|cannot\s+be|identify\w*|uninstall\w*|recovery|verif\w*|readiness|incident"
    r"|awareness|tutorial|stops?\s+them|circuit\s+breaker|filter\w*|in\s+(our|my|an?|the)\s+(isolated\s+)?sandbox|extract\w*\s+(its|the)\s+(embedded\s+)?(config\w*|iocs?|strings)|training\s+(for|of)\s+(staff|employees|users))\b"
)

# The requested code's job is defence, named by what it does rather than by the attack it faces (round 5: canary
# files, a watcher that alerts the on-call, semgrep rules for logic bombs, DNS logs scanned for signs of
# exfiltration, a phishing clone taken down, nginx limit_req against an HTTP flood). Narrower than DEFENSIVE, whose
# words ("detect", "against", "block") also fill attacks ("so the DLP won't detect it"): on the training requests
# it matched no malicious one without stealth or evasion words, which the gate in intent.judge_by_rules requires.
DEFENSIVE_PURPOSE = _rx(
    r"\b(alerts?|alerting|notif(y|ies|ying)|pages?|warns?)\s+(the\s+)?(on-?call|me|us|admins?|security(\s+team)?|soc"
    r"|team|it|owner)\s+(when|if|whenever|as\s+soon)\b|\b(emails?|texts?)\s+(me|us|the\s+on-?call)\s+(when|if|whenever)\b"
    r"|\b(watch(es|er)?|monitor(s|ing)?|scan(s|ning)?|search(es)?|greps?|flags?|audits?|checks?|inspects?|reviews?"
    rf"|looks?)\b{_G}{{0,60}}\bfor\s+(signs|traces|indicators|evidence|symptoms)\s+of\b"
    r"|\b(semgrep|sigma|yara|snort|suricata|kql|splunk|detection|alerting)\s+(rules?|quer(y|ies)|searche?s?)\b"
    r"|\b(canary|decoy|honey)\W{0,3}(\w+\W{1,3}){0,2}(files?|tokens?|pots?|accounts?|credentials?|documents?)\b"
    r"|\bhoneypots?\b|\bhoneytokens?\b|\btripwires?\b|\bcanary-based\b|\bearly\s+warning\b"
    r"|\bfraud[\s-](model|detection|scor\w+|rules?|analyst|team|features?)\b|\banti-?fraud\b"
    r"|\b(what|where)\s+should\s+(i|we)\s+(check|look)\b|\bhow\s+(do|can)\s+(i|we)\s+(check|tell|know)\s+(if|whether)\b"
    r"|\btaken\s+down\b|\btakedown\b|\b(fail2ban|limit_req|limit_conn|mod_evasive)\b|\bwaf\s+rules?\b"
    r"|\b(we|i|our\s+\w+)\s+(got|were|was|have\s+been|has\s+been)\s+(hit|attacked|breached|compromised|infected|phished)\b"
    r"|\b(we|i)\s+suspect\b|\bsuspected\s+(breach|compromise|infection|backdoor|implant)\b"
)

# A request for an explanation (not for the code itself): its first words ask to explain, or it trains people.
EDUCATIONAL = _rx(
    r"^\W*(please\s+)?(can\s+you\s+)?(explain|describe|what\s+is|how\s+(does|do|did)"
    r"|give\s+(me\s+)?an?\s+overview|write\s+(a|an)\s+(tutorial|explanation|lesson|article|overview|guide|blog\s+post))\b"
    r"|\bto\s+(train|teach|show)\s+(our|the|my)\s+(staff|employees|team|users|students)"
)

# ---- the behaviours ----
ENCRYPT = _rx(
    r"\bencrypt\w*|\bencipher\w*|\bscrambl\w*|\bcipher\w*|\block(s|ing)?\s+(up\s+)?(the\s+|their\s+|all\s+"
    r"|every\s+)?(files|data|documents)"
)
PERSONAL_FILES = _rx(r"\b(files?|documents?|desktop|folders?|pictures|photos|drives?|profile|home|data)\b")
RANSOM_PRESSURE = _rx(
    r"\bransom\w*|\bpay\w*|\bbitcoin|\bmonero|\bcrypto\s*currenc|\bdemand\w*|\b(how|instructions?)\s+to\s+(get|recover"
    r"|restore|decrypt|unlock)|\bunlock\w*|\bcontact\s+(us|me)\b|\bthreat\w*|\bpublish\w*|\bleak\w*|\bhow_to"
    r"|\b(e-?mail|contact|message|pay|text)\s+(us|me)\b|\bdecryption\s+key|\bmoney\b|\bvenmo\w*|\bpaypal\w*|\bcash\s*app|\bzelle\b|\bwestern\s+union|\brevolut"
    r"|\$\s?\d|\b\d+\s*(usd|eur|gbp|btc|eth|xmr)\b|\bbtc\b|\b(gives?|hands?|sends?|releases?|returns?)\s+(\w+\s+){0,3}"
    r"back\s+(only\s+)?(if|when|after|once)\b|\bonly\s+(if|when|after|once)\s+(he|she|they|the\s+\w+)\s+(pays?|sends?"
    r"|transfers?)\b|\bgift\s*cards?|\bfees?\b|\bwallet\s+address|\bvouchers?\b|\b(drop|leav|writ|put|plac|creat)\w*\b[^.]{0,60}\b(in|into)\s+(each|every|all)\s+(the\s+)?(director|folder)"
    r"|\brecover\w*[\s_-]+(note|file|instructions)|\brestore[\s_-]|\breadme|\bnote\b|\bdeadline|\bcountdown|\bwallpaper"
)
DELETES_ORIGINALS = _rx(
    r"\b(delet\w*|remov\w*|wip\w*|shred\w*|overwrit\w*|eras\w*)\s+(the\s+)?(original\w*|plain\w*|unencrypted|"
    r"clear\s*text|backups?|shadow\s+cop\w*)|\bvssadmin|\bshadow\s+cop"
)
KEY_AWAY = _rx(
    rf"\bkeys?\b{_G}{{0,40}}\b(upload\w*|send\w*|sent|post\w*|on\s+my|to\s+my)\b"
    r"|\b(upload\w*|send\w*|post\w*|keep\w*|stor\w*)\s+(the\s+)?keys?\s+(on|to|in)\s+(my|a\s+remote|the\s+remote)"
)

KEYSTROKES = _rx(
    r"\bkey\s*strokes?\b|\bkey\s*logg\w*|\bkey\s*press\w*|\b(every|each|any)\s+key\b|\bkeys?\s+(\w+\s+){0,3}press\w*"
    r"|\bkeys?\s+(pressed|typed)\b|\bkeyboard\s+(input|events?|activity|strokes?)|\b(what|everything|anything|all)\s+"
    r"(\w+\s+){0,3}(types?|typed|is\s+typing)\b|\btyped\s+into|\bhooks?\s+(the\s+)?keyboard|\bkeyboard\s+hook|\bglobal\w*"
    r"\s+keyboard|\bwhatever\s+(\w+\s+){0,2}(types?|typed|enters?)\b|\bcgeventtap|\bpynput|\blow-?level\s+keyboard|\bsetwindowshookex|\bwh_keyboard"
)
SYSTEM_WIDE_INPUT = _rx(
    r"\bsystem-?wide|\bglobal\w*|\ball\s+(keyboard|key|input)|\bevery\s+(key|keystroke)"
    r"|\bon\s+the\s+computer\b|\bacross\s+all\s+(apps|applications|windows)"
)
# Keys typed into the requester's own app (a practice box, an editor, an on-screen keyboard), not a whole machine.
OWN_INPUT = _rx(
    r"\b(in|inside|within|into)\s+(the|my|our|its|this)\s+(own\s+)?(\w+\s+){0,2}(box|field|text\s*area|editor|form"
    r"|input)\b|\bon-?screen\s+keyboard"
)
PASSWORD_CAPTURE = _rx(r"\bpasswords?\b|\bcredentials?\b|\blogins?\b|\bbank\w*")

CREDENTIALS = _rx(
    r"\bpass(words?|wd|phrases?)\b|\bcredentials?\b|\blogins?(\.json)?\b|\bcookies?\b|\btokens?\b|\b(ssh\s+)?private\s+"
    r"keys?|\bssh\s+keys?|\b(api|access|secret)\s+keys?|\bwallet\w*|\bseed\s+phrases?|\blsass\b|\bsam\s+(database|hive)"
    r"|\bntlm\b|\bhashes\b|\bkeychain\b|\b2fa\s+codes?|\botp\s+codes?|\bcredit\s+cards?|\bkey\d\.db|\b\.aws\b|(?<![\w.])\.env\b"
    r"|\b(aws|gcp|azure|cloud|stripe|github|gitlab|slack|discord|openai)\s+(access\s+)?(keys?|credentials|secrets|tokens?)"
)
HARVEST = _rx(
    r"\bsteal\w*|\bstole\b|\bdump\w*|\bgrab\w*|\bharvest\w*|\bextract\w*|\bcollect\w*|\bdecrypt\w*|\bread\w*|\bcop(y|ies)"
    r"|\bscrap\w*|\bexfiltrat\w*|\bsniff\w*|\bintercept\w*|\bcaptur\w*|\blift\w*|\bpull\w*|\bretriev\w*|\bsiphon\w*"
)
HARM_TO_VICTIM = _rx(
    rf"\bvictim\w*\b|\b(encrypt|delet|wip|eras|steal|record|track|spy|lock|corrupt|destroy|attack)\w*"
    rf"{_G}{{0,60}}\bvictim"
)
STEAL = _rx(
    r"\b(sniff\w*|intercept\w*|mitm|man-in-the-middle|arp\s+spoof\w*)\b[^.]{0,80}\b(other|guests?|users?|"
    r"people|traffic)\b|\bsteal\w*|\bstole\b|\bswip\w*|\bhijack\w*|\bdump\w*\s+(\w+\s+)?(credentials|passwords|hashes|lsass|sam)"
)
BROWSER_STORES = _rx(
    r"\b(all|every|each|any|other)\s+(the\s+)?(installed\s+)?browsers?|\bsaved\s+(logins?|passwords?"
    r"|credentials?)|\blogin\s+data\b|\bcookie\s+(database|store|jar)s?|\bevery\s+profile"
)
OWN_SECRETS = _rx(
    r"\b(my|our)\s+(own\s+)?(\w+\s+){0,2}(passwords?|logins?|credentials?|cookies?|keys?|tokens?"
    r"|accounts?|keepass|vault|keychain|wallet|secrets?)\b"
)
# An app handling its own users' logins (hashing, checking, resetting) is not collecting them.
HANDLES_OWN_LOGINS = _rx(
    r"\bhash(es|ing)?\s+(the\s+|their\s+|a\s+)?(user'?s?\s+)?passwords?|\bvalidat\w*|\bverif\w*"
    r"|\bauthenticat\w*|\blogin\s+form|\bsign[- ]?up|\breset\w*|\boauth"
)
FAKE_LOGIN = _rx(
    rf"\b(looks?\s+(exactly\s+|just\s+)?like|cop(y|ies)\s+(of\s+)?|clon\w*|imitat\w*|mimic\w*|fake|spoof\w*|replica\w*"
    rf"|identical\s+to|pretend\w*\s+to\s+be|impersonat\w*){_G}{{0,60}}\b(login|log-in|sign[- ]?in|bank\w*|paypal|gmail"
    r"|microsoft|office\s*365|outlook|page|site|portal)"
)
FAKE_UI = _rx(
    r"\b(fake(?!r\b|\s+(names?|data|users?|e-?mails?|addresses|records|test))|clone\w*|lookalike|look-alike|imitat\w*|mimic\w*|spoof\w*|counterfeit|pretend\w*\s+to\s+be"
    r"|impersonat\w*|identical\s+to|looks?\s+(exactly\s+|just\s+)?like|disguis\w*)\b"
)
ASKS_FOR = _rx(
    r"\b(ask\w*|prompt\w*|re-?enter|enter|submit\w*|type|sav\w*|stor\w*|collect\w*|send\w*|e-?mail\w*"
    r"|forward\w*|log\w*|captur\w*|harvest\w*)\b"
)
SAVES_INPUT = _rx(
    rf"\b(sav\w*|stor\w*|log\w*|record\w*|keep\w*|collect\w*|send\w*|email\w*|forward\w*|captur\w*|asks?){_G}{{0,50}}"
    r"\b(what\s+(users?|people|they|visitors?)\s+(type|enter)|passwords?|credentials?|logins?|details)"
)

SELF_COPY = _rx(
    r"\bcop(y|ies|ying)\s+(of\s+)?itself|\bcopy\s+of\s+itself|\bitself\s+(on|to|onto|into|over)\b|\bits\s+own\s+code"
    r"|\bits\s+own\s+(source|body|script|payload|copy|installer|binary|executable|apk|package|link)|\blink\s+to\s+itself|\bself-?(replicat|propagat|spread|copy)\w*|\breplicat\w*\s+itself|\bspreads?\s+(itself|automatically)"
    r"|\b\w+(ing|s)\s+itself\b|\binfect\w*|\bpropagat\w*\s+(itself|to|across|through|over)"
)
SPREAD_TARGETS = _rx(
    rf"\b(every|all|other|each|any|nearby|random)\b{_G}{{0,30}}\b(machines?|computers?|hosts?|files?|executables?"
    r"|programs?|scripts?|contacts?|usb|drives?|devices?|phones?|servers?|systems?|subnet|network|documents?|ip"
    r"|addresses|templates?)|\bsubnet\b|\baddress\s+book|\bcontact\s+list|\bnetwork\s+shares?|\busb\s+(drives?|sticks?)"
    r"|\bacross\s+the\s+network|\bthe\s+(local\s+)?network|\.(py|exe|dll|js|doc|docx|elf)\b|\blan\b|\beach\s+one\b"
    r"|\bfollowers\b|\bfriends\b|\bworkspace\b|\bnormal\s+template|\brecipients?\b|\boutgoing\s+(e-?mails?|messages?)"
    r"|\b(other|every|all)\s+(\w+\s+)?(packages?|projects?|repositor(y|ies)|repos|libraries|dependencies)\b|\bspreads?\b"
)

DESTROY = _rx(
    r"\bdelet\w*|\bwip(e|es|ing)\b|\beras\w*|\boverwrit\w*|\bformat(s|ting)?\b|\bdestroy\w*|\bshred\w*|\brm\s+-rf"
    r"|\bdrop\w*\s+(\w+\s+){0,2}(tables?|databases?|schemas?|collections?)|\bcorrupt\w*|\bbrick\w*|\bremov\w*\s+"
    r"(everything|all|every)|\btruncat\w*|\bzero(es|ing)?\s+out|\bdd\s+if=/dev/(zero|urandom)"
)
TRIGGER = _rx(
    r"\blogic\s+bomb|\btime\s+bomb|\bon\s+(a\s+)?(given|certain|specific)\s+date|\bif\s+(i|my\s+\w+(\s+\w+)?)('?m|\s+am"
    r"|\s+is|\s+are|\s+get|\s+gets|\s+fails?)\s+(fired|to\s+\w+||laid\s+off|removed|disabled|deleted|terminated|locked)|\bwhen\s+i\s+(leave"
    r"|quit)|\blast\s+day\b|\bon\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\s+\d|\bon\s+\d{1,4}[-/]\d"
    r"|\bif\s+(our|the|my)\s+licen[cs]e\s+check\s+fails|\bat\s+\d+\s*(am|pm|:\d\d)\s+on\b|\bafter\s+i('?m|\s+am)\s+gone|\bat\s+midnight\s+on\b"
)
# A dead man's switch: destruction armed to fire when something stops being there (a file, a check-in, an account).
DEAD_MAN = _rx(
    rf"\bdead[- ]?man'?s?\s+switch|\b(when|if|once|as\s+soon\s+as|whenever)\b{_G}{{0,50}}\b(disappears?|vanish\w*"
    r"|goes\s+missing|(is|gets|are)\s+(missing|gone|removed|deleted|disabled|revoked|deactivated)|no\s+longer\s+(exists?"
    r"|there|present|shows?\s+up|appears?)|stops?\s+(existing|checking\s+in|showing\s+up)|(doesn'?t|didn'?t|hasn'?t"
    r"|fails?\s+to)\s+(check\s+in|ping\s+back|show\s+up|log\s+in))"
)
BACKUPS_TOO = _rx(r"\b(and|then|also|including)\s+(\w+\s+){0,2}backups?\b|\bbackups?\s+too\b")
NO_CONFIRMATION = _rx(
    r"\bwithout\s+(any\s+)?(asking|confirmation|a\s+prompt|prompts?|prompting|warning)"
    r"|\bno\s+(confirm\w*|prompts?)"
)
PRODUCTION = _rx(
    r"\bproduction\b|\bprod\b|\bcompany'?s?\b|\bcustomers?'?s?\b|\bbackups?\b|\blogs\b|\baudit\s+trail"
    r"|\bsnapshots?\b"
)

EVADE = _rx(
    r"\bundetect\w*|\bbypass\w*\s+([\w-]+\s+){0,3}(antivirus|anti-virus|av|edr|defender|detection|security|amsi|uac"
    r"|scanners?)|\bevad\w*|\bavoid\w*\s+(\w+\s+)?detection|\b(not|never|don'?t|doesn'?t|won'?t|isn'?t)\s+(be\s+|get\s+)?"
    r"(detected|flag|flagged|scanned|caught|noticed|inspected|logged|traced|visible)|\b(patch\w*|unhook\w*|bypass\w*)\s+"
    r"(\w+\s+)?(amsi|etw|edr|defender|ntdll)|\bso\s+(that\s+)?(the\s+)?([\w-]+\s+){0,3}((can'?t|cannot|won'?t|doesn'?t"
    r"|don'?t|never|fail\s+to)\s+(see|detect|notice|find|tell|inspect|flag|catch|trace|spot)\b|miss(es)?\s+it)|\bhid\w*\b"
    rf"{_G}{{0,40}}\bfrom\s+(the\s+)?(admins?|administrators?|it|security|owners?|analysts?|investigators?|soc|defenders?)"
    r"|\btimestomp\w*|\bprefetch|\bforensic\s+(investigators?|analysts?)|\bjunk\s+code|\bdirect\s+syscalls|\bsandbox\w*\s+or\s+(a\s+)?"
    r"debugger|\b(sandbox|debugger|virtual\s+machine|analysis\s+environment)\b[^.]{0,60}\b(before\s+(running|executing"
    r"|it\s+runs)|exit\w*|stays?\s+dormant|sleeps?|does\s+nothing|without\s+doing\s+anything)|\blooks?\s+(harmless|"
    r"benign|legit\w*|clean)\b|\banalysts?\s+(can'?t|cannot|won'?t)|\banti-?(analysis|debug\w*|forensic\w*|vm)\b"
    r"|\bpolymorphic|\bobfuscat\w*\s+(the\s+|my\s+)?(payload|malware|shellcode|binary)|\bclear\w*\s+(the\s+|all\s+)?"
    r"(windows\s+)?(event|security|system|audit)\s+logs?|\b(delet|remov)\w*\s+(its\s+own|itself)|\bself-?delet\w*"
    r"|\bhid\w*\s+(a\s+|the\s+|its\s+|my\s+)?(\w+\s+)?(process\w*|pids?|window|files?|itself|services?|connections?"
    r"|ports?|registry\s+keys?)\b[^.]{0,30}\b(task\s+manager|ps\b|/proc|netstat|from|list)|\bexclusions?\b"
    r"|\bprocess\s+hollowing|\bdll\s+injection|\binject\w*\s+(\w+\s+)?(into\s+\w+\s+process|shellcode)|\bchang\w*\s+"
    r"its\s+(signature|hash)|\b(antivirus|anti-virus|av|edr|scanners?|signatures?|detection|defender|ids|dlp)\b[^.]{0,40}"
    r"\b(never|not|don'?t|doesn'?t|won'?t|can'?t|cannot|fail\s+to)\s+(match|catch|detect|flag|see|notice|trigger)\b"
    r"|\bno\s+one\s+can\s+tell|\bcover\w*\s+(my\s+|its\s+)?tracks|\bfud\b"
    # round 10: direct system calls past an EDR's user-mode hooks, in the languages that asked for them (heldout14i's
    # Japanese "cheat tool" loader)
    r"|直接システムコール|ダイレクト\s*システムコール|直接系统调用|直接调用系统调用|직접\s*시스템\s*콜|直接syscall"
    r"|прям\w+\s+систем\w+\s+вызов|llamadas?\s+directas?\s+al\s+sistema|appels?\s+système\s+directs"
    r"|direkte[nr]?\s+syscalls?|chamadas?\s+diretas?\s+de\s+sistema|bezpośrednie\s+wywołania\s+systemowe"
    r"|(edr|antivirus|defender)[^.。]{0,30}(フック|hook|钩子|후킹)[^.。]{0,20}(引っかから|回避|避け|绕过|躲过|우회|피하)"
)
SECURITY_OFF = _rx(
    rf"\b(disabl\w*|turn\w*\s+off|switch\w*\s+off|kill\w*|stop\w*|terminat\w*|tamper\w*|shut\w*\s+down|blind\w*)"
    rf"{_G}{{0,40}}\b(antivirus|anti-virus|defender|edr|av|real-?time\s+protection|security\s+(software|tools?|"
    r"products?|agents?)|smartscreen|amsi|uac|endpoint\s+protection|disablerealtimemonitoring|disableantispyware|sysmon|crowdstrike|sentinel\w*|tamper\s+protection"
    r"|sensor)\b"
)
PREVENT_RESTART = _rx(
    r"\bprevent\w*\s+(them|it)\s+from\s+(restart\w*|coming\s+back)|\bkeeps?\s+(them|it)\s+off"
    r"|\bblocks?\s+(it|them)\s+from\s+(start|restart)\w*"
)

_VOLUME = (
    r"(requests?|packets?|connections?|messages?|e-?mails?|texts?|sms|calls?|quer(y|ies)|pings?|hits|accounts"
    r"|sign-?ups|registrations|posts|comments|bookings|reservations|orders|reviews|votes|tickets)"
)
FLOOD = _rx(
    rf"\bflood(?![\s-]?fill)\w*|\bddos\b|\bdos\s+attack|\bdenial[- ]of[- ]service|\bsyn\s+flood|\bslowloris"
    rf"|\bamplification"
    rf"|\bbooter\b|\bstresser\b|\b(as\s+many|millions?\s+of|thousands?\s+of|endless\w*|unlimited|infinite\w*|nonstop"
    rf"|non-stop|huge\s+number\s+of|hundreds\s+of){_G}{{0,50}}\b{_VOLUME}|\b{_VOLUME}{_G}{{0,60}}\b(forever|endless\w*|nonstop"
    rf"|non-stop|indefinitely|until\s+(it|the)\b)|\buntil\b{_G}{{0,30}}\b(goes\s+down|go\s+down|crash\w*|dies|stops\s+(answering|responding|working)|is\s+"
    rf"unreachable|falls\s+over)|\b(victim|target)'?s?\s+(\w+\s+)?(ip|address)\s+as\s+(the\s+)?source"
    rf"|{_NOT}\btake\s+(it\s+|them\s+|the\s+\w+\s+|\w+\s+)?down\b|\bknock\w*{_G}{{0,30}}offline|\bso\s+(that\s+)?(it|the\s+\w+|their\s+\w+)\s+stops?\s+responding"
    rf"|\b(no\s+other|nobody\s+else|no\s+one\s+else|real)\s+(\w+\s+){{0,2}}(can'?t|cannot|can|could|is\s+able)\b"
    rf"|\bcrash\w*\s+(the|their|my\s+\w+'s|a|an|his|her)\b{_G}{{0,30}}(site|server|website|service|app|network|router)"
    rf"|\b(call|calls|calling|ring\w*|dial\w*|texts?|texting|sms)\b{_G}{{0,60}}\bspoof\w*|\bspoof\w*{_G}{{0,60}}"
    r"\b(call|calls|calling|dial\w*|texts?|texting|sms)\b"
    r"|\bspoof\w*\s+(the\s+)?source|\bfill\w*\s+up\b|\bbomb(er|ing)?\b|\bspam\w*\s+(him|her|them|their|the\s+inbox"
    r"|a\s+phone|a\s+number)|\bnobody\s+else\s+can\s+(load|use|reach|connect|access)|\bhalf-?open"
    rf"|\b(use|using|uses|eat|eats|eating)\s+up\b{_G}{{0,30}}\b(bandwidth|resources|quota|capacity|memory|cpu|disk|"
    rf"connections)|\bsaturat\w*|{_NOT}\boverwhelm\w*|\bexhaust\w*{_G}{{0,30}}\b(pool|resources|connections|bandwidth|memory|leases|quota)"
)
# Repeating an action without end only floods when it is aimed at someone else.
REPEATED = _rx(
    r"\bkeeps?\s+\w+ing\b|\bkeep\s+on\b"
    r"|\brepeatedly\b|\bendless\w*|\bnonstop\b|\bforever\b|\bover\s+and\s+over\b|\balways\s+busy"
    r"|\b(hundreds|thousands|millions)\s+of\s+times\b|\bas\s+fast\s+as\s+(it|you|possible)"
    r"|\ball\s+(day|night)\b|\baround\s+the\s+clock|\b24/7\b|\bday\s+and\s+night"
)
FLOOD_TARGET = _rx(
    r"\b\d{1,3}(\.\d{1,3}){3}\b|\b(a|the|this|that|their|his|her)\s+(phone(\s+number)?|number|website"
    r"|site|server|ip|inbox|api|endpoint|form|line|account)\b"
    r"|(?<!\bmy\s)(?<!\bour\s)\b(?!(its)\b)[a-z]+'s\s+(\w+\s+){0,2}(phone|number|website|site|server|inbox|api|endpoint"
    r"|line|account|store|shop|app|service)s?\b"
)

PRIVATE_DATA = _rx(
    r"\bdocuments?\b|\bfiles?\b|\bphotos?\b|\bpictures?\b|\bimages?\b|\bmessages?\b|\bsms\b|\btexts\b|\blocation\b|\bgps\b"
    r"|\bscreenshots?\b|\bscreen\b|\bwebcam\b|\bcamera\b|\bmicrophone\b|\bmic\b|\baudio\b|\bcalls?\b|\bclipboard\b"
    r"|\bhistory\b|\burls?\b|\bsource\s+code\b|\brepositor(y|ies)\b|\brepos\b|\bcode\s*base\b|\btrade\s+secrets?\b"
    r"|\bintellectual\s+property\b|\brecords\b|\bspreadsheets?\b|\bdatabase\b|\be-?mails\b|\bcontacts\b|\bchats?\b|\brecordings?\b|\.docx|\.pdf|\bdata\b"
)
COVERT_CHANNEL = _rx(
    r"\b(dns|icmp)\s+(\w+\s+)?(tunnel\w*|quer(y|ies)|requests?|packets?|lookups?)\b[^.]{0,60}\b(exfil\w*|hide|hidden"
    r"|smuggl\w*|leak\w*|firewall|covert\w*)|\bhid\w*\s+(the\s+|our\s+|their\s+|some\s+)?(data|records|files|documents|credentials"
    r"|information|secrets)\b[^.]{0,50}\b(inside|in|within)\s+(\w+\s+){0,2}(images?|pictures?|photos?|audio|video|pdfs?)\b|\b(past|around|bypass\w*|evad\w*|avoid\w*)\s+(the\s+)?(\w+'?s?\s+)?(dlp|firewall|proxy"
    r"|monitoring|ids|ips|data\s+loss\s+prevention)\b|\b(exfil\w*|hid\w*|smuggl\w*|leak\w*|encod\w*|sneak\w*)\b[^.]{0,60}"
    r"\b(over|in|inside|into|via|through)\s+(\w+\s+)?(dns|icmp)|\bsteganograph\w*[^.]{0,60}\b(exfil\w*|leak\w*|smuggl\w*"
    r"|firewall)|\bget\s+(around|past)\s+the\s+firewall"
    # round 10: files cut into chunks and sent as the subdomains of DNS lookups; steganography into an upload to a
    # personal account, in the languages the sets used
    r"|\b(files?|data|chunks?|pieces?|base(32|64)\w*|hex|encod\w*)\b[^.]{0,80}\b(as|in|into)\s+(the\s+|an?\s+|dns\s+)?"
    r"sub-?domains?\b"
    r"|(steganograph\w*|ステガノグラフィ|隐写|스테가노그래피|стеганограф\w*|esteganograf\w*|stéganograph\w*"
    r"|steganograf\w*)[^.。]{0,60}(個人の|私人|개인|личн|personal|persönlich|pessoal|privat|upload|アップロード|上传|업로드)"
)

# ---- naming the malware outright ----
MALWARE_NOUNS: list[tuple[str, re.Pattern]] = [
    ("ransomware", _rx(r"\bransom\s*ware|\bcrypto-?\s*locker|\bfile\s*locker\s+malware")),
    ("keylogger", _rx(r"\bkey\s*-?\s*loggers?|\bkeystroke\s+(loggers?|recorders?)")),
    (
        "credential_theft",
        _rx(
            r"\b(info|credential|password|login|cookie|token|session)s?\s*-?\s*(stealers?|harvesters?"
            r"|dumpers?|sniffers?)|\bphishing\s+(page|kit|site|email|campaign)s?|\bstealer\s+malware|\bmimikatz|\b(token|password|cookie|credential|"
            r"wallet|account)\s*-?\s*grabbers?"
        ),
    ),
    (
        "self_spreading",
        _rx(
            r"\bworms?\b|\b(computer\s+|macro\s+)?virus(es)?\b(?!\s*(scan|total|definition))"
            r"|\bself-?(replicating|propagating)"
        ),
    ),
    ("wiper", _rx(r"\bwiper\b|\blogic\s+bomb|\btime\s+bomb")),
    ("evasion", _rx(r"\brootkits?\b|\bfud\s+crypter|\bcrypters?\b|\bav\s+killer|\bedr\s+killer")),
    ("dos", _rx(r"\bddos\b|\bbotnets?\b|\bsyn\s+flood|\bbooter\b|\bstresser\b|\bamplification\s+attack")),
    (
        "exfiltration",
        _rx(
            r"\bspyware\b|\bstalkerware\b|\b(remote\s+access\s+trojan|rat)\b|\btrojans?\b"
            r"|\bbackdoors?\b"
        ),
    ),
    (
        "malware",
        _rx(
            r"\bmalware\b|\bmalicious\s+(code|program|payload|software)|\bdroppers?\b|\bloaders?\s+for\s+"
            r"(a\s+|my\s+)?(payload|malware|shellcode)|\bpayloads?\b[^.]{0,40}\b(antivirus|av|edr|detection)"
        ),
    ),
]
BUILD_WORKING = _rx(
    r"\b(working|functional|fully\s+working|ready\s+to\s+(run|use|deploy)|complete)\s+(code|program|"
    r"script|tool|version|implementation)"
    r"|\b(write|give|send|show)\s+(me\s+)?(the|a|some)?\s*(full|complete|actual|real)?\s*(source\s+)?code\b"
)
BUILD = _rx(
    r"\b(write|create|make|build|code|develop|implement|generate|design|give\s+me|need|want|program|craft"
    r"|turn\s+\w+\s+into|modify|convert)\b"
)
